# covalues sidtexter på svenska: varje ord som covalue självt sätter på en
# utskriven eller visad sida. Utkast till översättning, skrivet för
# vårdteam; förbättringar välkomnas. Samma id och samma variabler som en.ftl.

## Dokumentet.
form-short = Kort formulär
form-full = Fullständigt formulär
form-register = Förbättringsregister

## Sidfoten på varje utskriven sida.
page-number = sida { $page } av { $pages }

## Delar som rapporterna delar.
write-space-label = Plats att skriva: { $id }
session-label = Mötet
session-date = Datum för mötet
session-facilitator = Samtalsledare
session-attendees = Deltagare, var och en med sin roll (patientpartner, läkare, chef …)
session-note-taker = Antecknare
session-next = Nästa möte
pill-overdue = försenad
pill-draft = utkast till fråga
label-not-applicable = Ej tillämplig:
label-deferred = Uppskjuten:
deferred-owner = Ansvarig: { $owner }
deferred-until = Till: { $date }
date-passed = (datumet har passerat)
card-name = Namn
card-kind = Typ:
card-segment = Del av populationen
card-share = Andel (%)
card-contacts = Kontakter/år
card-cost = Årlig kostnad
card-story = Personens berättelse (sammansatt, aldrig en verklig person)
card-one-per-persona = Ett kort per persona
process-caption = Processkarta för { $name }, { $steps } steg i ordning. Varje ruta anger sin nivå av samproduktion: streckade linjer där det inte finns någon i dag, tjockare linjer för högre nivåer, dubbel linje för den högsta; en stjärna markerar en möjlighet till förbättring; etiketterna anger värdekonfigurationerna.
process-table-caption = Processkartans steg
col-step = Steg
col-who = Vem
col-coproduction-today = Samproduktion i dag
col-opportunity = Möjlighet
col-configurations = Konfigurationer
level-active = (aktiv)
perspectives-caption = Stegen sedda från varje perspektiv
legend-levels = Nivå av samproduktion:
legend-configurations = Konfigurationer:
legend-star = Markera en möjlighet med ★.
blank-map-caption = Tom processkarta att fylla i: { $rows } rader
col-coproduction-level = Nivå av samproduktion
col-configuration = Konfiguration
measures-caption = Värdekompassens mått
col-measure = Mått
col-definition = Operationell definition
col-data-source = Datakälla
col-baseline = Utgångsvärde
col-target = Mål
definition-missing = definition saknas
no-measure-yet = Inget mått ännu.
blank-measures-caption = Tom tabell med mått att fylla i
col-quadrant = Kvadrant
col-baseline-target = Utgångsvärde → mål
count-status = { $count } { $status }
col-improvement = Förbättring
col-status = Status
col-steps = Steg
col-owner = Ansvarig
col-measures-latest = Mått, senaste värde
since-date = sedan { $date }
measure-latest = { $value } den { $date }
measure-target = (mål { $target })
measure-no-value = inget värde ännu
no-improvement-yet = Ingen förbättring i registret ännu.
declined-caption = Möjligheter som inte tagits till vara
col-why-not = Varför inte

## Fullständiga formulärets försättsblad, innehåll, fullständighet och "Om rapporten".
blank-worksheet = tomt arbetsblad
full-lede-blank = Arbetsblad att fylla i för hand. Varje ruta är märkt med frågans id, så att anteckningarna kan skrivas in på rätt ställe i arbetsboken.
full-lede = { $populations ->
    [one] Vårdteamets svar på varje steg i guiden för en population, med personas, processkartan och värdekompassen.
   *[other] Vårdteamets svar på varje steg i guiden för { $populations } populationer, med personas, processkartan och värdekompassen.
}
guide-version = { $guide }, version { $version }
printed-on = Utskriven { $date }
contents = Innehåll
population = Population
grid-title = Personas i värdekonfigurationerna
open-items = Öppna punkter
about-title = Om rapporten
no-population-yet = Arbetsboken har ingen population ännu. Lägg till en med { $command }.
completeness = Fullständighet
completeness-intro = Frågor i det fullständiga formuläret som är besvarade, markerade som ej tillämpliga, uppskjutna eller fortfarande öppna. En fråga är avklarad när den är besvarad eller markerad som ej tillämplig.
col-answered = Besvarade
col-not-applicable = Ej tillämpliga
col-deferred = Uppskjutna
col-open = Öppna
col-settled = Avklarade
percent-of = { $percent } % av { $total }
all-populations = Alla populationer
about-follows = Rapporten följer { $guide }, version { $version }.
about-follows-blank = Arbetsbladen följer { $guide }, version { $version }.
about-printed = Den skrevs ut av covalue den { $date }.
about-printed-from = Den skrevs ut av covalue den { $date } från { $revision }.
about-ids = Varje fråga visar sitt id inom klammer, till exempel { $example }: svaret skrivs under rubriken med det id:t i populationens svarsfil. Frågor som inte är tillämpliga eller är uppskjutna visas med sitt skäl; uppskjutna även med vem som ska besvara dem och när.
about-drafts = Frågor märkta ”{ $pill }” är inte guidens publicerade formulering: de skrevs för covalue utifrån guidens publicerade beskrivningar och byts ut när guidens egen text blir tillgänglig.
sources = Källor
about-translation = Orden som covalue sätter på sidan (rubriker, etiketter, sidfötter) är ett utkast till översättning gjord för covalue.
about-guide-reviewed = Guidens frågor och hjälptexter är en översättning som verksamheten har granskat; den publicerade formuleringen är originalets.
about-guide-unreviewed = Guidens frågor och hjälptexter är ett utkast till översättning som ingen har granskat ännu; den publicerade formuleringen är originalets.
about-guide-english = Guidens frågor och hjälptexter skrivs ut på guidens eget språk.

## En population i det fullständiga formuläret.
blank-worksheet-title = Tomt arbetsblad
population-n-of = Population { $index } av { $count }
population-label = Population:
to-write-in = att skriva in
write-population-label = Plats att skriva vilka populationen är
write-who = Vilka de är (beskrivning)
about-the-population = om populationen
write-setting-size = Verksamhet; storlek (hur många, vid vilken tidpunkt, enligt vilken källa); demografiska uppgifter
write-team = Vårdteamet: teamledare, kliniker, verksamhet, ekonomi, patientpartner, samtalsledare
setting = Verksamhet
size = Storlek
figures-caption = Demografiska uppgifter
col-figure = Uppgift
col-value = Värde
team-label = Vårdteam:
steps-completeness-caption = Fullständighet per steg
percent = { $percent } %
question-n = Fråga { $number }:
compass-caption-blank = Värdekompass: skriv måtten i varje kvadrant och definiera sedan vart och ett nedan.
compass-caption = Värdekompass för { $name }: måtten i varje kvadrant.
chart-caption = Seriediagram: { $name }, { $count } värden, senast { $latest }. Punkterna i tidsordning; den streckade linjen är medianen.
chart-caption-target = Seriediagram: { $name }, { $count } värden, senast { $latest }; mål { $target }. Punkterna i tidsordning; den streckade linjen är medianen.
persona-label = Persona: { $name }
notes = Anteckningar
open-team-answer = Öppen: vårdteamets svar
team-answer = Vårdteamets svar
grid-intro = Hur varje persona möter varje konfiguration, förkortat från genomgångarna ovan.
grid-caption = Varje persona i värdekonfigurationerna
col-persona = Persona
not-written-yet = Inte skrivet ännu
col-question = Fråga
col-state = Läge
col-reason-owner-date = Skäl, ansvarig, datum
all-settled = Varje fråga är besvarad eller markerad som ej tillämplig.

## En population i det korta formuläret, och registret.
write-who-short = Vilka de är, verksamhet och storlek
six-questions = De sex frågorna
n-of-answered = { $answered } av { $total } besvarade
n-not-applicable = { $count } ej tillämpliga
n-deferred = { $count } uppskjutna
n-open = { $count } öppna
personas = Personas
no-persona-yet = Ingen persona ännu.
process-map = Processkarta
opportunities = Möjligheter till förbättring
step-n = Steg { $number }
no-process-map-yet = Ingen processkarta ännu.
from-full-form = Från det fullständiga formuläret, { $heading }
read-on = { $more ->
    [0] Läs vidare i det fullständiga formuläret.
    [one] Läs vidare i det fullständiga formuläret (ett svar till finns där).
   *[other] Läs vidare i det fullständiga formuläret ({ $more } svar till finns där).
}
sources-not-drafts = Frågor som inte är märkta som utkast:
sources-questions = Frågor:
published-wording-of = den publicerade formuleringen i
printed-lower = utskriven { $date }
no-register-yet = Inget förbättringsregister ännu: lägg till ett med { $command }.

## Markdown-rapporter.
md-write-under = { $label }: skriv det under { $id } i { $file }.
md-about-ids = Varje fråga visar sitt id inom klammer: svaret skrivs under rubriken med det id:t i populationens svarsfil.
md-short-sources-drafts = Frågor som inte är märkta som utkast är den publicerade formuleringen i guidens korta formulär:
md-short-sources = Frågorna är den publicerade formuleringen i guidens korta formulär:
md-no-register-yet = Inget förbättringsregister ännu.
md-write-population = Vilka de är, verksamhet, storlek, uppgifter och vårdteam: skriv dem i { $file }.
md-write-population-short = Vilka de är, verksamhet och storlek: skriv dem i { $file }.
md-write-personas = Namn, typ ({ $kinds }), del av populationen och uppgifter för varje persona: en fil per persona i { $folder }.
md-data = Data: { $source }.
md-baseline = Utgångsvärde: { $value }.
md-target = Mål: { $value }.
md-latest = Senast: { $latest } ({ $count } värden).
md-latest-target = Senast: { $latest } ({ $count } värden; mål { $target }).

## Ord som rapportens modell bildar: lägen, uppgifter, roller, sidfötter.
state-blank = Att besvara
state-answered = Besvarad
state-open = Öppen
state-not-applicable = Ej tillämplig
state-deferred = Uppskjuten
detail-owner = ansvarig: { $owner }
detail-until = till { $date }
figure-share = Andel av populationen
figure-contacts = Kontakter per år
figure-cost = Årlig kostnad
quadrant-other = Övrigt (kvadrant som inte finns i guiden)
footer-guide = guide { $guide } v{ $version }
role-team-lead = Teamledare
role-clinical = Kliniker
role-operations = Verksamhet
role-finance = Ekonomi
role-patient-partner = Patientpartner
role-family-partner = Närståendepartner
role-community-member = Representant för lokalsamhället
role-nurse = Sjuksköterska
role-other = Annan
role-facilitator = Samtalsledare

## Bilderna: processkarta, värdekompass, seriediagram.
map-title = Processkarta för { $name }: { $steps } steg
map-step = Steg { $number }: { $title }. Samproduktion: { $level }.
map-step-opportunity = Steg { $number }: { $title }. Samproduktion: { $level }. Möjlighet till förbättring.
map-legend-opportunity = möjlighet till förbättring
map-legend-configuration = värdekonfiguration
compass-title = Värdekompass för { $name }
compass-title-blank = Tom värdekompass
compass-space-to-write = plats att skriva mått
compass-no-measure = inget mått ännu
compass-no-measure-panel = Inget mått ännu
compass-more = och { $count } till (se tabellen)
compass-centre-1 = Värde
compass-centre-2 = för
compass-centre-3 = personen
chart-title = Seriediagram för { $value }
chart-median = median { $value }
chart-target = mål { $value }
chart-higher-better = högre är bättre
chart-lower-better = lägre är bättre

# Måttens slag och frekvens; en förbättring i flera kluster.
measure-kind-process = Processmått
measure-kind-process-about = Processmått visar om arbetet görs som planerat, till exempel säkerhetsprover som tas i tid.
measure-kind-balancing = Balansmått
measure-kind-balancing-about = Balansmått bevakar vad som kan bli sämre på annat håll till följd av förändringen, till exempel dagar utan läkemedel.
frequency-weekly = varje vecka
frequency-monthly = varje månad
frequency-quarterly = varje kvartal
frequency-yearly = varje år
also-under = även under { $clusters }
about-own-texts = Stegens introduktioner och hjälptexter är den här guidens egna texter, skrivna för covalue, inte den publicerade guidens ord; var och en är märkt så där den skrivs ut.
mark-published = publicerad formulering, { $source }
mark-own-question = utkast till fråga skrivet för covalue
mark-own-help = hjälptext skriven för covalue
mark-own-intro = introduktion skriven för covalue
mark-own-title = rubrik skriven för covalue
mark-translation-published = { $state ->
    [reviewed] granskad
   *[unreviewed] ogranskad
} översättning av den publicerade formuleringen ({ $source })
mark-translation-own = { $state ->
    [reviewed] granskad
   *[unreviewed] ogranskad
} översättning av en text skriven för covalue
pill-translation = översättning

## Sidorna som covalue serve visar.
serve-check = Kontroll
serve-index-guide = Guide: { $guide }. Varje sida läses från arbetsbokens filer; varje sparning skriver till dem.
serve-session = Möte
serve-steps-in-focus = steg i fokus:
serve-session-saved-in = Sparade svar listas i { $file }.
serve-index-checkline = Kontroll: { $errors ->
        [one] { $errors } fel
       *[other] { $errors } fel
    }, { $warnings ->
        [one] { $warnings } varning
       *[other] { $warnings } varningar
    }
serve-questions-open = { $count ->
        [one] { $count } fråga öppen
       *[other] { $count } frågor öppna
    }
serve-join = Skanna koden för att ansluta från en mobil eller en annan dator i det här nätverket: den innehåller sidans adress med åtkomstnyckel. Den som kan se koden kan öppna och ändra arbetsboken medan servern är igång.
serve-populations = Patientgrupper
serve-population = Patientgrupp
serve-answered = Besvarad
serve-not-applicable = Ej tillämplig
serve-na-short = E/T
serve-deferred = Uppskjuten
serve-open = Öppen
serve-settled = Klart
serve-percent = { $percent } %
serve-no-population = Arbetsboken har ingen patientgrupp ännu. Skapa en på kommandoraden:
serve-check-lead = Det som covalue check rapporterar om arbetsboken som den ser ut på disken nu ({ $form ->
        [short] kort formulär
       *[full] fullständigt formulär
    }), i sin ordning: problem att åtgärda och framsteg som återstår, vart och ett vid sin fråga.
serve-check-counts = { $problems ->
        [one] { $problems } problem
       *[other] { $problems } problem
    } ({ $errors ->
        [one] { $errors } fel
       *[other] { $errors } fel
    }, { $warnings ->
        [one] { $warnings } varning
       *[other] { $warnings } varningar
    }) · { $progress ->
        [one] { $progress } anteckning om framsteg
       *[other] { $progress } anteckningar om framsteg
    }
serve-severity = { $severity ->
        [error] fel
        [warning] varning
       *[other] notering
    }
serve-finding-kind = { $kind ->
        [problem] problem
       *[other] framsteg
    }
serve-at = vid
serve-check-nothing = Inget: covalue check hittar inga problem och inga framsteg att notera.
serve-progress = Framsteg
serve-with-problems = Med problem
serve-questions = Frågor
serve-check-says-here = Vad covalue check säger här
serve-conflict-title = Inte sparat: { $what } har ändrats sedan sidan öppnades
serve-conflict-help = Någon (en textredigerare, git pull, en annan webbläsare) ändrade det i { $file } medan du skrev; resten av filen var inte i vägen. Inget skrevs. Båda versionerna visas nedan: kopiera det du behöver, eller spara din version över deras.
serve-theirs = På disken nu (deras)
serve-theirs-removed = Inget: texten togs bort ur filen.
serve-theirs-field = På disken nu (deras):
serve-empty = (tomt)
serve-yours = Din (inte sparad)
serve-save-mine = Spara min över deras
serve-leave-it = Låt det vara, gå tillbaka
serve-improvements = Förbättringar
serve-improvement = Förbättring
serve-add-improvement = Lägg till en förbättring
serve-kept-in = Sparas i { $file }
serve-cluster = Område
serve-status = Status
serve-since = Sedan
serve-who-leads = Vem leder den
serve-edit = Redigera
serve-no-improvement = Ingen förbättring ännu.
serve-print = Skriv ut:
serve-print-short = kort formulär
serve-print-full = fullständigt formulär
serve-print-this = Skriv ut det här formuläret
serve-focus-first = stegen i fokus kommer först.
serve-population-counts = { $answered } besvarade · { $na } ej tillämpliga · { $deferred } uppskjutna · { $open } öppna (fullständigt formulär)
serve-short-and-steps = Kort formulär och steg
serve-part = Del
serve-in-focus = i fokus
serve-problems = Problem
serve-none = Inga.
serve-add = Lägg till
serve-add-step = ett steg
serve-add-persona = en persona
serve-add-measure = ett mått
serve-add-an-improvement = en förbättring
serve-or-open = eller öppna
serve-open-register = förbättringsregistret
serve-open-about = patientgruppens beskrivning, siffror och team
serve-open-map = processkartans perspektiv
serve-open-session = mötesanteckningarna
serve-process-map = Processkarta
serve-step = Steg
serve-coproduction = Samproduktion
serve-opportunity = Förbättringsmöjlighet
serve-personas = Personas
serve-value-compass = Värdekompass
serve-quadrant = Kvadrant
serve-measure = Mått
serve-latest = Senaste
serve-saved-part = Sparade delen för { $persona }.
serve-lead-text = Inledande text (Markdown)
serve-answer-text = Svar (Markdown)
serve-walkthrough-lead = Status och text här är genomgångens inledning, före personornas delar; frågan räknas som besvarad när en persona-del innehåller text. Varje personas del har en egen ruta nedan.
serve-reason = Skäl
serve-owner-deferred = Ansvarig (uppskjuten)
serve-until-deferred = Till och med (uppskjuten)
serve-save = Spara
serve-cancel = Avbryt
serve-writes-to = Skriver till { $file }
serve-each-part = Varje personas del
serve-not-walked = Inte genomgången ännu.
serve-part-label = Delen för { $persona } (Markdown)
serve-save-part = Spara delen för { $persona }
serve-writes-part = Skriver bara den här delen, till { $file }
serve-saved = Sparade { $question }{ $answered ->
        [yes] : textrutan innehöll ett svar, så frågan är nu Besvarad
       *[no] {""}
    }{ $listed ->
        [yes] , och den listas i { $file }
       *[no] {""}
    }. Kontrollen hittar nu { $errors ->
        [one] { $errors } fel
       *[other] { $errors } fel
    } i den här patientgruppen.
serve-owner = ansvarig: { $owner }
serve-until = till och med { $date }
serve-overdue = (försenad)
serve-full-form-says = Vad det fullständiga formuläret säger:
serve-answer = Svara
serve-edit-on-population = { $kind ->
        [personas] Redigera personorna på
        [process-map] Redigera processkartan på
        [value-compass] Redigera värdekompassen på
       *[other] Redigera detta på
    }
serve-population-page = patientgruppens sida
serve-crumb = { $kind ->
        [step] Processkarta
        [map] Processkarta
        [measure] Värdekompass
        [persona] Personas
        [population] Om gruppen
        [session] Mötesanteckningar
       *[other] Förbättringar
    }
serve-heading-new = { $kind ->
        [step] Ett nytt steg
        [measure] Ett nytt mått
        [persona] En ny persona
       *[other] En ny förbättring
    }
serve-heading-about = Om { $population }
serve-heading-map = Processkartan för { $population }
serve-heading-session = Möte { $session }
serve-direction = { $direction ->
        [higher] högre är bättre
       *[other] lägre är bättre
    }
serve-values-so-far = Värden hittills
serve-date = Datum
serve-value = Värde
serve-note = Anteckning
serve-status-so-far = Status hittills
serve-id = Id
serve-id-hint = (små bokstäver, siffror och bindestreck; skapas från { $from ->
        [name] namnet
       *[other] titeln
    } om fältet lämnas tomt)
serve-not-said = inte angivet
serve-none-yet = inga i arbetsboken ännu
serve-perspectives = Vad varje perspektiv ser i det här steget
serve-composite = En sammansättning av flera personer (aldrig en verklig person)
serve-who-was-there = Vilka som deltog
serve-name = Namn
serve-role = Roll
serve-remove = Ta bort
serve-remove-thing = Ta bort { $what }
serve-new-attendee = En ny deltagare
serve-their-role = Deltagarens roll
serve-none-choice = (ingen)
serve-actions = Åtgärder
serve-what = Vad
serve-who = Vem
serve-by-when = Senast
serve-done = Klar
serve-done-tick = klar
serve-yes = ja
serve-no = nej
serve-new-action = En ny åtgärd
serve-figures = Siffror
serve-figure = Siffra
serve-value-of = Värdet för { $what }
serve-new-figure = En ny siffra
serve-its-value = Dess värde
serve-team = Team
serve-who-is = Vem är { $role }
serve-new-member-role = Den nya medlemmens roll
serve-name-or-description = Namn eller beskrivning
serve-new-value = Ett nytt värde
serve-new-value-hint = Lämna värdet tomt för att bara ändra fälten ovan.
serve-new-status = En ny status
serve-no-change = (ingen ändring)
serve-add-button = Lägg till
serve-move-up = Flytta upp
serve-move-down = Flytta ner
serve-in-file = i { $file }
serve-remove-from-file = { $kind ->
        [step] Ta bort det här steget ur filen
        [measure] Ta bort det här måttet ur filen
        [persona] Ta bort den här personan ur filen
       *[other] Ta bort den här förbättringen ur filen
    }
serve-remove-delete = Ta bort den här personan: radera { $file }
serve-field-step-title = Rubrik
serve-field-step-actors = Vilka som deltar (åtskilda med kommatecken)
serve-field-step-coproduction = Nivå av samproduktion
serve-field-step-opportunity = Möjlighet till förbättring
serve-field-step-configurations = Värdekonfigurationer
serve-field-step-personas = Personas som berörs
serve-field-measure-quadrant = Kvadrant (endast utfallsmått)
serve-field-measure-name = Mått
serve-field-measure-definition = Definition
serve-field-measure-data-source = Var uppgifterna kommer ifrån
serve-field-measure-baseline = Utgångsvärde
serve-field-measure-target = Mål
serve-field-measure-unit = Enhet
serve-field-measure-direction = Vilket håll som är bättre
serve-field-measure-target-value = Målet som tal
serve-field-improvement-title = Rubrik
serve-field-improvement-cluster = Kluster av möjligheter (ett eller flera)
serve-field-improvement-steps = Steg som berörs
serve-field-improvement-configurations = Värdekonfigurationer
serve-field-improvement-personas = Personas som berörs
serve-field-improvement-owner = Vem leder den
serve-field-improvement-measures = Mått som kommer att visa den
serve-field-improvement-note = Anteckning
serve-field-persona-name = Namn
serve-field-persona-kind = Typ
serve-field-persona-segment = Grupp som personan står för
serve-field-persona-share-percent = Andel av patientgruppen (%)
serve-field-persona-contacts-per-year = Kontakter per år
serve-field-persona-annual-cost = Kostnad per år
serve-field-persona-currency = Kostnadens valuta
serve-field-persona-story = Berättelse (Markdown)
serve-field-session-title = Vad mötet handlar om
serve-field-session-facilitator = Vem leder mötet
serve-field-session-note-taker = Vem skriver ner svaren
serve-field-session-decisions = Vad teamet beslutade (ett per rad)
serve-field-map-perspectives = Perspektiv som kartan ritas utifrån (ett per rad)
serve-field-population-name = Namn
serve-field-population-description = Vilka de är
serve-field-population-setting = Var vården sker
serve-field-population-size-people = Hur många personer (ett heltal)
serve-field-population-size-as-of = Räknat när
serve-field-population-size-note = Hur de räknades
serve-refused-host = Den här adressen hör inte till den här servern
serve-refused-host-help = Öppna adressen som covalue serve skrev ut.
serve-refused-token = Den här sidan behöver adressen med åtkomstnyckel
serve-refused-token-help = Öppna adressen som covalue serve skrev ut, med ?token=… i slutet.
serve-refused-unreadable = Formuläret kunde inte läsas
serve-send-again = Skicka det igen.
serve-refused-csrf = Det här formuläret kommer inte från den här serverns sida
serve-refused-csrf-help = Öppna sidan igen från adressen som covalue serve skrev ut, och spara därifrån.
serve-not-found = Sidan finns inte
serve-not-found-help = Gå tillbaka till listan över patientgrupper.
serve-error-page = Sidan kan inte visas
serve-error-workbook-unreadable = Arbetsboken kan inte läsas
serve-error-file-unreadable = { $file } kan inte läsas
serve-error-file-unwritable = { $file } kan inte skrivas
serve-error-file-unremovable = { $file } kan inte tas bort
serve-error-report = Rapporten kan inte skapas
serve-error-see-terminal = Vad som gick fel står i fönstret där covalue serve körs.

## Vad en sparning inte gjorde, och varför.
serve-not-saved = Inget sparades: { $reason }.
serve-not-changed = Inget ändrades: { $reason }.
serve-not-saved-unreadable = Inget sparades: filen skulle bli felaktig vid { $place }: { $problem }.
serve-not-saved-gone = Inget sparades: { $kind ->
        [step] steget
        [measure] måttet
        [persona] personan
       *[other] förbättringen
    } `{ $id }` finns inte längre i arbetsboken (någon tog bort det eller ändrade dess id). Kopiera det du skrev och lägg till det igen.
serve-not-saved-composite = Inte sparat: någon ändrade om den här personan är en sammansättning medan du skrev. Titta på rutan igen och spara sedan.
serve-not-saved-clash = Inte sparat: någon ändrade { $fields } i { $kind ->
        [step] det här steget
        [measure] det här måttet
        [persona] den här personan
       *[other] den här förbättringen
    } medan du skrev. Båda versionerna visas vid varje fält; din finns kvar i formuläret. Spara igen för att behålla din.
serve-not-moved = Inget flyttades eller togs bort: någon ändrade { $kind ->
        [step] det här steget
        [measure] det här måttet
        [persona] den här personan
       *[other] den här förbättringen
    } sedan sidan öppnades. Här är det som det ser ut nu; försök igen.
serve-not-removed-tick = Inget togs bort: kryssa i rutan för att visa att du vill ta bort { $kind ->
        [step] det här steget
        [measure] det här måttet
        [persona] den här personan
       *[other] den här förbättringen
    }.
serve-not-removed-changed = Inget togs bort: någon ändrade den här personan sedan sidan öppnades. Här är den som den ser ut nu; försök igen.
serve-not-removed-named = Inget togs bort: { $names } nämner fortfarande den här personan ({ $count ->
        [one] en post
       *[other] { $count } poster
    }). Kryssa ur den där först och ta sedan bort den.
serve-not-saved-taken = Inget sparades: det finns redan { $kind ->
        [step] ett steg
        [measure] ett mått
        [persona] en persona
       *[other] en förbättring
    } `{ $id }`; ge den här ett annat id.
serve-not-saved-not-text = Inget sparades: { $file } är inte UTF-8-text; rätta den i en textredigerare.
serve-not-saved-no-file = Inget sparades: { $file } finns inte; skapa patientgruppens filer med `covalue new population`.
serve-not-saved-file-taken = Inget sparades: filen { $file } finns redan; ge den här personan ett annat id.
serve-conflict-answer = svaret på ”{ $question }”
serve-conflict-part = delen för { $persona } i ”{ $question }”

## Mötesmappen (covalue session pack).
pack-page-title = Möte { $session } · { $title }
pack-footer-session = möte { $session }
pack-printed = utskriven { $date }
pack-printed-at = { $revision } · utskriven { $date }
pack-session = Möte { $session }
pack-facilitator = Mötesledare
pack-note-taker = Sekreterare
pack-populations = Patientgrupper
pack-since = Sedan { $since }:
pack-since-own-commit = den version (commit) som mötets anteckningar skapades vid ({ $commit })
pack-since-last-session = förra mötet ({ $session }, commit { $commit })
pack-first-session = Det här är teamets första möte: det finns inget tidigare att jämföra med.
pack-nothing-changed = Inget har ändrats sedan dess.
pack-changes-unshown = Ändringarna kan inte visas: { $reason }.
pack-no-commit = Inget tidigare möte har en sparad version (commit), så det finns ännu inget att jämföra med.
pack-agenda = Dagordning
pack-no-focus = Inget steg är i fokus ännu: mötesledaren anger mötets steg i mötesanteckningarna.
pack-changes = Vad som ändrats sedan förra mötet
pack-changes-since = Sedan { $since }, fram till arbetsboken som den är nu.
pack-open-items = Öppna punkter
pack-open-items-note = Det som fortfarande är öppet eller uppskjutet i mötets steg, och vad arbetsbokens kontroll rapporterar om dem.
pack-item-state = { $state ->
        [deferred] Uppskjuten{ $overdue ->
            [yes] , datumet har passerat
           *[no] {""}
        }
       *[other] Öppen{ $overdue ->
            [yes] , datumet har passerat
           *[no] {""}
        }
    }
pack-owner = Ansvarig
pack-by = senast
pack-found = { $kind ->
        [problem] Problem
        [past-due] Försenad
       *[other] Att göra
    }
pack-step-done = Varje fråga i det här steget är besvarad eller ej tillämplig, och kontrollen rapporterar inget om det.
pack-earlier-actions = Åtgärder som fortfarande är öppna från tidigare möten
pack-what = Vad
pack-due = Senast
pack-session-column = Möte
pack-current-answers = Nuvarande svar
pack-setting = Vårdmiljö
pack-size = Storlek
pack-figures = Siffror
pack-figure = Siffra
pack-value = Värde
pack-team = Teamet
pack-date-passed = datumet har passerat
pack-map-steps = Processkartans steg
pack-step = Steg
pack-who = Vem
pack-coproduction-today = Samproduktion i dag
pack-coproduction-level = Nivå av samproduktion
pack-opportunity = Förbättringsmöjlighet
pack-configuration = Konfiguration
pack-active = (aktiv)
pack-compass-caption = Värdekompass för { $population }: måtten i varje kvadrant. Det fullständiga formuläret definierar varje mått.
pack-not-written = Inte skrivet ännu.
pack-not-answered = Inte besvarad ännu.
pack-measures-over-time = Mått över tid
pack-chart-caption = { $measure }: { $latest }. Punkterna i tidsordning; den streckade linjen är medianen.
pack-worksheets = Arbetsblad
pack-worksheets-note = Skriv teamets svar under varje fråga, och varje personas del av en genomgång i sin egen ruta. Sekreteraren för över märket inom klammer i marginalen till de renskrivna anteckningarna, ovanför svaret det hör till: så hittar svaren sin plats i arbetsboken.
pack-persona = Persona:
pack-legend-levels = Nivå av samproduktion:
pack-legend-configurations = Konfigurationer:
pack-legend-star = Markera en förbättringsmöjlighet med ★.
pack-steps-range = Steg { $first } till { $last }
pack-blank-map-caption = Tom processkarta att fylla i: steg { $first } till { $last }
pack-attendance = Närvaro
pack-roles = Roller: patient- eller närståendepartner, läkare, sjuksköterska, verksamhet, ekonomi, civilsamhälle, annan.
pack-name = Namn
pack-role = Roll
pack-signature = Namnteckning

serve-field-measure-kind = Typ av mått (utfallsmått om tomt)
serve-field-measure-frequency = Hur ofta det mäts
serve-measure-kind-outcome = utfall (i en kvadrant av värdekompassen)
serve-measure-kind-process = process (hur arbetet görs)
serve-measure-kind-balancing = balans (vad som kan bli sämre)
serve-field-improvement-learning = Vad teamet har lärt sig av den
serve-field-improvement-exemplar = Varför andra enheter kan lära av den (markerar den som ett föredöme)
pack-md-worksheets-note = Skriv teamets svar under varje rubrik och behåll dess `{"{"}#id{"}"}`: `covalue import` lägger varje svar på sin plats, och varje personas del av en genomgång under personan.
