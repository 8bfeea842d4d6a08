## The network report (`covalue network report`): text, Markdown, HTML and PDF.
## The guide's own words (steps, questions, clusters, statuses, quadrants)
## come from the built-in guide in the same language.

net-page-title = { $network } · network report
net-footer-kind = network report
net-footer-made = made { $date } from the revisions listed in it
net-made = Made { $date } from the revisions listed at the end.
net-text-heading = Network: { $network } · { $sites } site(s), { $read } read from the cache · { $date }
net-learnt = What the sites learnt
net-no-site-read = No site has been read yet: run { $command }.
net-short-form-note = This site keeps the short form, which has no Step 9: shown is its answer to the short-form question that asks about value.
net-no-step9 = No answer of Step 9 (value assessment and next steps) in the revision read.
# $state: open, deferred, not-applicable, answered, settled, problems,
# missing (the site's guide has no such step) or not-its-form.
net-state = { $state ->
    [open] open
    [deferred] deferred
    [not-applicable] not applicable
    [answered] answered
    [settled] settled
    [problems] problems
    [missing] missing
    [not-its-form] short form
   *[other] { $state }
}
net-not-answered = Not answered yet ({ $state }).
net-offered-exemplar = ★ The site offers this as an exemplar
net-improvements-of = Improvements · { $cluster }
net-exemplar-badge = ★ exemplar
net-status-since = { $status } since { $date }
net-no-status = no status yet
net-led-by = led by { $owner }
net-target = target { $target }
net-learnt-from-note = What they learnt, from its note:
net-learnt-label = What they learnt:
net-register-empty = Its register of improvements is empty.
net-no-register = It keeps no register of improvements yet.
net-exemplars = Exemplars
net-no-exemplar = No site or coordinator has marked an exemplar yet. A site marks an answer with a { $comment } comment under its heading, or an improvement with { $field }; the coordinator adds an { $table } to the network.
net-none-marked = None marked yet.
net-marked-by = { $who ->
    [site] marked by the site
   *[coordinator] marked by the coordinator
}
net-why = Why, in the site's words:
net-coordinator-note = The coordinator's note:
net-not-shown = Not shown: { $what }
net-unfound-answer = site { $site }: the answer to { $question } is not in the revision read (the report can show a site's Step 9 answers, the answers it marks and its improvements)
net-unfound-improvement = site { $site }: the improvement { $improvement } is not in the revision read (the report can show a site's Step 9 answers, the answers it marks and its improvements)
net-unfound-answer-unread = site { $site }: the answer to { $question }: the site is not fetched yet
net-unfound-improvement-unread = site { $site }: the improvement { $improvement }: the site is not fetched yet
net-side-by-side = Measures side by side
net-no-domain = The network names no shared measure domain yet.
net-no-site-measures = No site measures it yet.
# $what: the things that differ, such as "Definitions, sources".
net-differ = { $what } differ: a place to start the conversation toward a core measure set.
net-differ-word = { $what ->
    [definitions] definitions
    [units] units
    [sources] sources
   *[frequencies] frequencies
}
net-agree = The sites' definitions, units and sources agree.
net-definition = Definition:
net-source = Source:
net-unit = Unit:
net-frequency = Frequency:
net-latest = Latest:
net-target-label = Target:
net-not-written = not written
net-none = none
net-not-recorded = not recorded
net-none-yet = none yet
net-completeness-steps = Completeness: sites × steps
net-completeness-short = Completeness: sites × short-form questions
net-site-population = Site · population
net-sites = Sites
net-sites-text = Sites (the revision each is read at)
net-col-site = Site
net-col-country = Country
net-col-ref = Ref
net-col-commit = Commit
net-col-date = Date
net-col-workbook = Workbook
net-col-settled = Settled
net-col-open = Open
net-col-deferred = Deferred
net-col-problems = Problems
net-col-population = Population
net-col-personas = Personas
net-col-process-map = Process map
net-col-coproduction = Coproduction
net-col-configurations = Configurations
net-col-walked = Walked through
net-col-improvement = Improvement
net-col-status = Status
net-col-measure = Measure
net-col-unit = Unit
net-col-latest = Latest
net-col-latest-values = Latest values
net-col-owner = Owner
net-col-measure-target = Measure: latest against target
net-col-learnt = What they learnt
net-from-its-note = (from its note)
net-fetch-failed = The last fetch failed, so this is an older revision: { $why }
net-default-branch = default branch
net-not-fetched = not fetched
net-not-fetched-why = not fetched: { $why }
net-first-problem = { $count } (first: { $place } { $message })
net-process-steps = { $count } steps
net-populations-by-type = Populations by type
net-type-sites = { $name } ({ $population }, { $count } site(s))
net-by-cluster = Improvements by cluster: how many at each status
net-no-register-anywhere = No site keeps a register of improvements yet.
net-by-quadrant = Measures by compass quadrant
net-unmapped = Measures mapped to no shared domain
net-unknown-domain = its domain { $domain } is not one of the network's
net-date-unknown = date unknown
net-read-at = { $ref } at { $commit }
net-short-form-site = short form
net-problem-count = { $count ->
    [0] no problems
    [one] 1 problem
   *[other] { $count } problems
}
net-site-counts = { $settled }/{ $total } settled{ $short }, { $open } open, { $deferred } deferred
net-text-legend = S settled, o open, d deferred, - not applicable, ! problems, · short-form site
net-short-questions-text = Completeness: sites × the short form's questions
net-personas-text = personas
net-process-map-text = process map
net-coproduction-text = coproduction
net-configurations-text = configurations
net-walked-text = walked through
