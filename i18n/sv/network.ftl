## Nätverksrapporten (`covalue network report`): text, Markdown, HTML och PDF.
## Guidens egna ord (steg, frågor, kluster, status, kvadranter) kommer från
## den inbyggda guiden på samma språk.

net-page-title = { $network } · nätverksrapport
net-footer-kind = nätverksrapport
net-footer-made = gjord { $date } från de versioner som listas i den
net-made = Gjord { $date } från de versioner som listas sist.
net-text-heading = Nätverk: { $network } · { $sites } enhet(er), { $read } lästa från cachen · { $date }
net-learnt = Vad enheterna har lärt sig
net-no-site-read = Ingen enhet har lästs ännu: kör { $command }.
net-short-form-note = Enheten använder kortformen, som saknar steg 9: här visas dess svar på den kortformsfråga som handlar om värde.
net-no-step9 = Inget svar i steg 9 (värdebedömning och nästa steg) i den version som lästs.
net-state = { $state ->
    [open] öppen
    [deferred] uppskjuten
    [not-applicable] ej tillämplig
    [answered] besvarad
    [settled] klar
    [problems] problem
    [missing] saknas
    [not-its-form] kortform
   *[other] { $state }
}
net-not-answered = Inte besvarad ännu ({ $state }).
net-offered-exemplar = ★ Enheten erbjuder detta som ett gott exempel
net-improvements-of = Förbättringar · { $cluster }
net-exemplar-badge = ★ gott exempel
net-status-since = { $status } sedan { $date }
net-no-status = ingen status ännu
net-led-by = leds av { $owner }
net-target = mål { $target }
net-learnt-from-note = Vad de lärde sig, från anteckningen:
net-learnt-label = Vad de lärde sig:
net-register-empty = Förbättringsregistret är tomt.
net-no-register = Enheten har inget förbättringsregister ännu.
net-exemplars = Goda exempel
net-no-exemplar = Ingen enhet eller samordnare har markerat något gott exempel ännu. En enhet markerar ett svar med kommentaren { $comment } under rubriken, eller en förbättring med { $field }; samordnaren lägger till en { $table } i nätverket.
net-none-marked = Inga markerade ännu.
net-marked-by = { $who ->
    [site] markerat av enheten
   *[coordinator] markerat av samordnaren
}
net-why = Varför, med enhetens ord:
net-coordinator-note = Samordnarens anteckning:
net-not-shown = Visas inte: { $what }
net-unfound-answer = enhet { $site }: svaret på { $question } finns inte i den version som lästs (rapporten kan visa en enhets svar i steg 9, de svar den markerar och dess förbättringar)
net-unfound-improvement = enhet { $site }: förbättringen { $improvement } finns inte i den version som lästs (rapporten kan visa en enhets svar i steg 9, de svar den markerar och dess förbättringar)
net-unfound-answer-unread = enhet { $site }: svaret på { $question }: enheten är inte hämtad ännu
net-unfound-improvement-unread = enhet { $site }: förbättringen { $improvement }: enheten är inte hämtad ännu
net-side-by-side = Mått sida vid sida
net-no-domain = Nätverket har inte namngett något gemensamt måttområde ännu.
net-no-site-measures = Ingen enhet mäter detta ännu.
net-differ = { $what } skiljer sig åt: en utgångspunkt för samtalet om en gemensam uppsättning mått.
net-differ-word = { $what ->
    [definitions] definitioner
    [units] måttenheter
    [sources] källor
   *[frequencies] mätfrekvenser
}
net-agree = Enheternas definitioner, måttenheter och källor stämmer överens.
net-definition = Definition:
net-source = Källa:
net-unit = Måttenhet:
net-frequency = Hur ofta:
net-latest = Senast:
net-target-label = Mål:
net-not-written = inte skriven
net-none = ingen
net-not-recorded = inte angiven
net-none-yet = inga ännu
net-completeness-steps = Fullständighet: enheter × steg
net-completeness-short = Fullständighet: enheter × kortformens frågor
net-site-population = Enhet · population
net-sites = Enheter
net-sites-text = Enheter (den version var och en läses i)
net-col-site = Enhet
net-col-country = Land
net-col-ref = Gren/tagg
net-col-commit = Version
net-col-date = Datum
net-col-workbook = Arbetsbok
net-col-settled = Klara
net-col-open = Öppna
net-col-deferred = Uppskjutna
net-col-problems = Problem
net-col-population = Population
net-col-personas = Personor
net-col-process-map = Processkarta
net-col-coproduction = Samproduktion
net-col-configurations = Konfigurationer
net-col-walked = Genomgångna
net-col-improvement = Förbättring
net-col-status = Status
net-col-measure = Mått
net-col-unit = Måttenhet
net-col-latest = Senast
net-col-latest-values = Senaste värden
net-col-owner = Ansvarig
net-col-measure-target = Mått: senaste värde mot mål
net-col-learnt = Vad de lärde sig
net-from-its-note = (från anteckningen)
net-fetch-failed = Senaste hämtningen misslyckades, så detta är en äldre version: { $why }
net-default-branch = standardgren
net-not-fetched = inte hämtad
net-not-fetched-why = inte hämtad: { $why }
net-first-problem = { $count } (först: { $place } { $message })
net-process-steps = { $count ->
    [one] { $count } steg
   *[other] { $count } steg
}
net-populations-by-type = Populationer per typ
net-type-sites = { $name } ({ $population }, { $count } enhet(er))
net-by-cluster = Förbättringar per kluster: hur många i varje status
net-no-register-anywhere = Ingen enhet har något förbättringsregister ännu.
net-by-quadrant = Mått per kvadrant i värdekompassen
net-unmapped = Mått som inte hör till något gemensamt måttområde
net-unknown-domain = dess måttområde { $domain } är inte ett av nätverkets
net-date-unknown = datum okänt
net-read-at = { $ref } i version { $commit }
# A soft hyphen (kort­form), so that the matrix's narrow cells can break it.
net-short-form-site = kort­form
net-problem-count = { $count ->
    [0] inga problem
    [one] 1 problem
   *[other] { $count } problem
}
net-site-counts = { $settled }/{ $total } klara{ $short }, { $open } öppna, { $deferred } uppskjutna
net-text-legend = S klar, o öppen, d uppskjuten, - ej tillämplig, ! problem, · enhet med kortform
net-short-questions-text = Fullständighet: enheter × kortformens frågor
net-personas-text = personor
net-process-map-text = processkarta
net-coproduction-text = samproduktion
net-configurations-text = konfigurationer
net-walked-text = genomgångna
