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
