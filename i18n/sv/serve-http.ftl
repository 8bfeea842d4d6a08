# covalue serve: sidorna som avvisar en begäran som servern inte kunde ta
# emot (för stor, för långsam, felaktig), och vad som var fel i ett
# formulär som inte sparades.

http-crowded = Servern är upptagen
http-crowded-help = För många anslutningar är öppna; försök igen om några sekunder.
http-busy = Servern är upptagen
http-busy-help = Andra formulär skickas just nu; spara igen om några sekunder.
http-head-late = Begäran kom inte fram i tid
http-head-late-help = Öppna sidan igen.
http-body-late = Formuläret kom inte fram i tid
http-body-late-help = Kontrollera nätverksanslutningen och spara igen.
http-head-too-large = Begärans rubriker är för stora
http-head-too-large-help = Öppna adressen som covalue serve skrev ut; om det ändå inte fungerar, ta bort den här serverns kakor.
http-too-many-headers = Begäran har för många rubriker
http-too-many-headers-help = Öppna adressen som covalue serve skrev ut i en webbläsare.
http-malformed = Den här begäran ser inte ut som en från en webbläsare
http-malformed-help = Öppna adressen som covalue serve skrev ut i en webbläsare.
http-version = Här används bara HTTP/1.1
http-version-help = Öppna adressen som covalue serve skrev ut i en webbläsare.
http-chunked = Formuläret skickades i delar
http-chunked-help = Skicka det med sin längd (Content-Length), som webbläsare gör.
http-no-length = Formuläret anger inte sin längd
http-no-length-help = Skicka det med sin längd (Content-Length), som webbläsare gör.
http-bad-length = Formulärets längd går inte att läsa
http-bad-length-help = Skicka det igen från sidan.
http-too-large = Formuläret är för stort
http-too-large-help = Ett svar på några sidor går bra; spara långa dokument bland arbetsbokens filer.
http-method = Den här servern visar bara sidor och sparar formulär
http-method-help = Öppna adressen som covalue serve skrev ut i en webbläsare.

# Vad som var fel i ett formulär (efter "Inget sparades: ").
http-field-empty = { $field }: får inte vara tomt
http-field-not-number = { $field }: `{ $value }` är inte ett tal; skriv siffror, till exempel 21 eller 3.5 (med punkt)
http-field-choose-one = { $field }: välj ett alternativ i listan
http-field-tick-one = { $field }: kryssa i minst ett
http-field-not-in-list = { $field }: `{ $value }` finns inte i listan
http-not-in-workbook = { $name } (finns inte i arbetsboken)
http-what-sees = det { $perspective } ser
http-figure-needs-both = en siffra behöver både en beskrivning och ett värde
http-not-a-role = `{ $value }` är inte en roll
http-team-role = välj teammedlemmens roll
http-attendee-needs = en deltagare behöver ett namn (eller en beskrivning) och en roll
http-action-what = skriv vad åtgärden är
http-not-a-date = `{ $value }` är inte ett datum: skriv det som ÅÅÅÅ-MM-DD
http-value-not-number = `{ $value }` är inte ett tal: skriv siffror, till exempel 58 eller 2.4 (med punkt)
http-not-a-state = `{ $value }` är inte en status i guiden
http-answer-needs-text = en besvarad fråga behöver ett svar: skriv det i textrutan, eller välj en annan status
http-na-needs-reason = skriv varför frågan inte är tillämplig
http-deferred-needs-reason = skriv varför frågan skjuts upp
http-unknown-status = okänd status `{ $status }`
http-open-with-text = textrutan innehåller ett svar men statusen är Öppen: välj Besvarad för att spara det, eller töm rutan
http-not-text = { $file } är inte UTF-8-text
http-fix-in-editor = Rätta den i en textredigerare och öppna sedan sidan igen.
http-record-gone = { $kind ->
        [step] Steget
        [measure] Måttet
       *[other] Förbättringen
    } `{ $id }` finns inte längre i { $file }
http-record-gone-help = Någon tog bort det eller ändrade dess id under tiden. Gå tillbaka till patientgruppens sida.
http-inline-sub = { $kind ->
        [measure] måttet är skrivet på en rad i { $file }; lägg till dess värde i en textredigerare
       *[other] förbättringen är skriven på en rad i { $file }; lägg till dess status i en textredigerare
    }
http-item-gone = { $item ->
        [figure] siffran
        [team] teammedlemmen
        [attendees] deltagaren
       *[other] åtgärden
    } som du kryssade för att ta bort finns inte i { $file } så som sidan visade den: någon har ändrat eller tagit bort den under tiden; titta på listan igen
http-action-gone = åtgärden som du kryssade som klar finns inte i { $file } så som sidan visade den: någon har ändrat eller tagit bort den under tiden; titta på listan igen
http-edit-unreadable = { $file } kan inte läsas som den ser ut nu, så covalue ändrar den inte: { $why }
http-edit-missing = { $file } innehåller inte längre det som formuläret ändrar ({ $what }); öppna sidan igen
http-edit-would-break = ändringen skulle göra { $file } oläslig ({ $why }); inget skrevs
http-edit-by-hand = `{ $what }` i { $file } { $why ->
        [list] är inte skriven som en lista inom hakparenteser
        [inline] är skriven på en rad
        [line] är inte skriven på en rad
       *[table] är inte en tabell
    }; ändra den i en textredigerare
http-part-open-fence = rad { $line } i texten, `{ $text }`, inleder ett kodblock som aldrig avslutas, så det skulle dölja personornas delar efter den här. Inget sparades: avsluta det med samma tecken på en egen rad.
http-part-high-heading = rad { $line } i texten, `{ $text }`, är en rubrik på samma nivå som personornas delar eller högre, så den skulle avsluta den här delen där. Inget sparades: skriv underrubriker med { $marks } eller fler, och varje personas del i sin egen ruta.
http-part-unknown-persona = Ingen persona i den här patientgruppen har id `{ $id }`: den här delen visas under en egen rubrik. Byt id till en personas, eller lägg till personan.
http-people-whole = skriv hur många personer som ett heltal, till exempel 640
http-figure-needs = { $key ->
        [label] en siffra behöver sin beskrivning
       *[other] en siffra behöver sitt värde
    }: skriv det, eller kryssa i rutan för att ta bort siffran
http-item-changed-gone = { $item ->
        [figure] siffran
       *[other] teammedlemmen
    } som du ändrade finns inte i { $file } så som sidan visade den: någon har ändrat eller tagit bort den under tiden; titta på listan igen
http-bad-id = "{ $id }" kan inte användas som id: använd små bokstäver, siffror och enkla bindestreck (inga mellanslag, snedstreck eller punkter), till exempel "{ $example }"
http-stray-own = rad { $line } i texten, `{ $heading }`, är en rubrik med den här frågans eget id, så frågan skulle få två rubriker. Inget sparades: ta bort `{ $mark }` från rubriken (eller hela rubriken).
http-stray-other = rad { $line } i texten, `{ $heading }`, är en rubrik med id för frågan `{ $id }`, och skulle ta över dess svar. Inget sparades: ta bort `{ $mark }` från rubriken (eller hela rubriken); för att besvara frågan `{ $id }`, ge den en egen rubrik på samma nivå som de andra.
http-qr-label = QR-kod med den här sidans adress och åtkomstnyckel
