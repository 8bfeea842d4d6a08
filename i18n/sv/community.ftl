# Paketet för nätverkets gemensamma möten (`covalue network session pack`)
# på svenska: ett utkast till översättning.

## Sidan och dess sidfot.
cpack-page-title = { $kind } { $date } · { $network }
cpack-footer-session = { $kind } { $date }
cpack-made = gjord { $date } från de hämtade versionerna

## Slags möten.
cpack-kind-webinar = Webbinarium
cpack-kind-in-person = Fysiskt möte
cpack-kind-coaching-call = Coachningssamtal
cpack-kind-workshop = Workshop
cpack-kind-other = Nätverksmöte

## Försättsbladet och dagordningen.
cpack-facilitator = Samtalsledare
cpack-note-taker = Antecknare
cpack-sites = Enheter
cpack-agenda = Dagordning
cpack-agenda-actions = Åtgärder från tidigare möten
cpack-agenda-none-open = inga öppna.
cpack-agenda-open = { $open } fortfarande öppna.
cpack-agenda-open-overdue = { $open } fortfarande öppna, { $overdue } har passerat sitt datum.
cpack-agenda-since = sedan förra mötet ({ $session })
cpack-agenda-exemplars = svar och förbättringar som de andra kan läsa.
cpack-agenda-decisions = Beslut och nya åtgärder
cpack-agenda-decisions-about = vem gör vad, och när.

## Vad som har ändrats på varje enhet.
cpack-changes = Vad som har ändrats på varje enhet
cpack-changes-since = Sedan mötet { $session }, från varje enhets senast hämtade version ({ $command }).
cpack-changes-first = Det finns inget tidigare möte att jämföra med; varje enhet som den senast hämtades ({ $command }).
cpack-site-not-fetched = ännu inte hämtad: kör { $command } före mötet
cpack-site-not-fetched-because = inte hämtad: { $why }
cpack-site-first = inget tidigare möte att jämföra med
cpack-site-unchanged = inget nytt sedan { $since }
cpack-site-changed = nytt arbete sedan { $since } (version { $commit } från { $date })
cpack-site-changed-undated = nytt arbete sedan { $since } (version { $commit })
cpack-site-revision = hämtad: version { $commit } från { $date }
cpack-site-revision-undated = hämtad: version { $commit }
cpack-site-now = nu { $settled } av { $total } klara, { $open } öppna, { $problems ->
    [one] { $problems } problem
   *[other] { $problems } problem
}
cpack-col-site = Enhet
cpack-col-commit = Version
cpack-col-date = Datum
cpack-col-since = Sedan förra mötet
cpack-col-settled = Klara
cpack-col-open = Öppna
cpack-col-problems = Problem
cpack-state-changed = nytt arbete
cpack-state-unchanged = inget nytt
cpack-state-new = första mötet

## Presentationer och goda exempel.
cpack-presentations = Presentationer
cpack-col-what = Vad
cpack-col-about = Om
cpack-col-notes = Anteckningar
cpack-about-both = fråga { $question }, förbättring { $improvement }
cpack-about-question = fråga { $question }
cpack-about-improvement = förbättring { $improvement }
cpack-exemplars = Goda exempel
cpack-no-exemplars = Inget svar och ingen förbättring är ännu markerad som gott exempel.

## Åtgärder.
cpack-actions = Åtgärder
cpack-decided = Beslutat
cpack-col-owner = Ansvarig
cpack-col-due = Klart senast
cpack-col-session = Möte
cpack-col-done = Klart?
cpack-date-passed = datumet har passerat
cpack-no-open-actions = Ingen åtgärd från ett tidigare möte är öppen.
cpack-new-actions = Nya åtgärder

## Närvarolistan.
cpack-attendance = Närvaro
cpack-roles = Roller: { $roles }.
cpack-role-coordinator = Samordnare
cpack-col-name = Namn
cpack-col-role = Roll
cpack-col-signature = Namnteckning
