# covalue's page words in English: every word covalue itself puts on a
# printed or served page. Each message has the same id and the same
# variables in every language (tests/languages.rs checks it).
# Swedish, Hebrew and Spanish are draft translations.

## The document.
form-short = Short form
form-full = Full form
form-register = Register of improvements

## The running footer of every printed page.
page-number = page { $page } of { $pages }

## Shared pieces of the reports (macros).
write-space-label = Space to write: { $id }
session-label = The session
session-date = Date of the session
session-facilitator = Facilitator
session-attendees = Attendees, each with their role (patient partner, clinician, manager …)
session-note-taker = Note-taker
session-next = Next meeting
pill-overdue = overdue
pill-draft = draft prompt
label-not-applicable = Not applicable:
label-deferred = Deferred:
deferred-owner = Owner: { $owner }
deferred-until = Until: { $date }
date-passed = (this date has passed)
card-name = Name
card-kind = Kind:
card-segment = Segment of the population
card-share = Share (%)
card-contacts = Contacts / year
card-cost = Annual cost
card-story = Their story (a composite, never a real person)
card-one-per-persona = One card per persona
process-caption = Process map of { $name }, { $steps } steps in order. Each box names its level of coproduction: dashed lines where there is none today, heavier lines for higher levels, a double line for the highest; a star marks an opportunity to improve; tags name the value configurations.
process-table-caption = The steps of the process map
col-step = Step
col-who = Who
col-coproduction-today = Coproduction today
col-opportunity = Opportunity
col-configurations = Configurations
level-active = (active)
perspectives-caption = The steps seen from each perspective
legend-levels = Coproduction level:
legend-configurations = Configurations:
legend-star = Mark an opportunity with ★.
blank-map-caption = Empty process map to fill in: { $rows } rows
col-coproduction-level = Coproduction level
col-configuration = Configuration
measures-caption = The measures of the value compass
col-measure = Measure
col-definition = Operational definition
col-data-source = Data source
col-baseline = Baseline
col-target = Target
definition-missing = definition missing
no-measure-yet = No measure yet.
blank-measures-caption = Empty table of measures to fill in
col-quadrant = Quadrant
col-baseline-target = Baseline → target
count-status = { $count } { $status }
col-improvement = Improvement
col-status = Status
col-steps = Steps
col-owner = Owner
col-measures-latest = Measures, latest value
since-date = since { $date }
measure-latest = { $value } on { $date }
measure-target = (target { $target })
measure-no-value = no value yet
no-improvement-yet = No improvement in the register yet.
declined-caption = Opportunities not taken up
col-why-not = Why not

## The full form's cover, contents, completeness and "About this report".
blank-worksheet = blank worksheet
full-lede-blank = Worksheets to fill in by hand. Every box is labelled with the id of its question, so that notes can be typed back into the right place of the workbook.
full-lede = { $populations ->
    [one] The team's answers to every step of the guide for one population, with personas, the process map and the value compass.
   *[other] The team's answers to every step of the guide for { $populations } populations, with personas, the process map and the value compass.
}
guide-version = { $guide }, version { $version }
printed-on = Printed { $date }
contents = Contents
population = Population
grid-title = Personas across the value configurations
open-items = Open items
about-title = About this report
no-population-yet = This workbook has no population yet. Add one with { $command }.
completeness = Completeness
completeness-intro = Questions of the full form answered, marked not applicable, deferred or still open. A question is settled when it is answered or marked not applicable.
col-answered = Answered
col-not-applicable = Not applicable
col-deferred = Deferred
col-open = Open
col-settled = Settled
percent-of = { $percent } % of { $total }
all-populations = All populations
about-follows = This report follows the { $guide }, version { $version }.
about-follows-blank = These worksheets follow the { $guide }, version { $version }.
about-printed = It was printed by covalue on { $date }.
about-printed-from = It was printed by covalue on { $date } from { $revision }.
about-ids = Each question shows its id in braces, such as { $example }: the answer is written under the heading with that id in the population's answer file. Not applicable and deferred questions are shown with their reason; deferred ones with who will answer them and by when.
about-drafts = Questions marked “{ $pill }” are not the guide's published wording: they were written for covalue from the published descriptions of the guide, and will be replaced as the guide's own text becomes available.
sources = Sources
about-translation = The words covalue puts on this page (headings, labels, footers) are a draft translation made for covalue.
about-guide-reviewed = The guide's questions and help are a translation that the site has reviewed; the published wording is the original's.
about-guide-unreviewed = The guide's questions and help are a draft translation that no one has reviewed yet; the published wording is the original's.
about-guide-english = The guide's questions and help are printed in the guide's own language.

## A population of the full form.
blank-worksheet-title = Blank worksheet
population-n-of = Population { $index } of { $count }
population-label = Population:
to-write-in = to write in
write-population-label = Space to write who the population is
write-who = Who they are (description)
about-the-population = about the population
write-setting-size = Setting; size (how many people, as of when, from where); demographic figures
write-team = The team: team lead, clinical, operations, finance, patient partners, facilitator
setting = Setting
size = Size
figures-caption = Demographic figures
col-figure = Figure
col-value = Value
team-label = Team:
steps-completeness-caption = Completeness of each step
percent = { $percent } %
question-n = Question { $number }:
compass-caption-blank = Value compass: write the measures in each quadrant, then define each one below.
compass-caption = Value compass of { $name }: the measures in each quadrant.
chart-caption = Run chart: { $name }, { $count } values, latest { $latest }. Points in time order; the dashed line is the median.
chart-caption-target = Run chart: { $name }, { $count } values, latest { $latest }; target { $target }. Points in time order; the dashed line is the median.
persona-label = Persona: { $name }
notes = Notes
open-team-answer = Open: the team's answer
team-answer = The team's answer
grid-intro = How each persona meets each configuration, shortened from the walk-throughs above.
grid-caption = Each persona across the value configurations
col-persona = Persona
not-written-yet = Not written yet
col-question = Question
col-state = State
col-reason-owner-date = Reason, owner, date
all-settled = Every question is answered or marked not applicable.

## A population of the short form, and the register handout.
write-who-short = Who they are, setting and size
six-questions = The six questions
n-of-answered = { $answered } of { $total } answered
n-not-applicable = { $count } not applicable
n-deferred = { $count } deferred
n-open = { $count } open
personas = Personas
no-persona-yet = No persona yet.
process-map = Process map
opportunities = Opportunities to improve
step-n = Step { $number }
no-process-map-yet = No process map yet.
from-full-form = From the full form, { $heading }
read-on = { $more ->
    [0] Read on in the full form.
    [one] Read on in the full form (one more answer there).
   *[other] Read on in the full form ({ $more } more answers there).
}
sources-not-drafts = Questions not marked as drafts:
sources-questions = Questions:
published-wording-of = the published wording of
printed-lower = printed { $date }
no-register-yet = No register of improvements yet: add one with { $command }.

## Markdown reports.
md-write-under = { $label }: write it under { $id } in { $file }.
md-about-ids = Each question shows its id in braces: the answer is written under the heading with that id in the population's answer file.
md-short-sources-drafts = Questions not marked as drafts are the published wording of the guide's short form:
md-short-sources = The questions are the published wording of the guide's short form:
md-no-register-yet = No register of improvements yet.
md-write-population = Who they are, setting, size, figures and team: write them in { $file }.
md-write-population-short = Who they are, setting and size: write them in { $file }.
md-write-personas = Name, kind ({ $kinds }), segment and figures of each persona: one file per persona in { $folder }.
md-data = Data: { $source }.
md-baseline = Baseline: { $value }.
md-target = Target: { $value }.
md-latest = Latest: { $latest } ({ $count } values).
md-latest-target = Latest: { $latest } ({ $count } values; target { $target }).

## Words the report's model makes: states, figures, roles, footers.
state-blank = To answer
state-answered = Answered
state-open = Open
state-not-applicable = Not applicable
state-deferred = Deferred
detail-owner = owner: { $owner }
detail-until = until { $date }
figure-share = Share of population
figure-contacts = Contacts per year
figure-cost = Annual cost
quadrant-other = Other (quadrant not in the guide)
footer-guide = guide { $guide } v{ $version }
role-team-lead = Team lead
role-clinical = Clinical
role-operations = Operations
role-finance = Finance
role-patient-partner = Patient partner
role-family-partner = Family partner
role-community-member = Community member
role-nurse = Nurse
role-other = Other
role-facilitator = Facilitator

## The pictures: process map, value compass, run charts.
map-title = Process map of { $name }: { $steps } steps
map-step = Step { $number }: { $title }. Coproduction: { $level }.
map-step-opportunity = Step { $number }: { $title }. Coproduction: { $level }. Opportunity for improvement.
map-legend-opportunity = opportunity to improve
map-legend-configuration = value configuration
compass-title = Value compass of { $name }
compass-title-blank = Blank value compass
compass-space-to-write = space to write measures
compass-no-measure = no measure yet
compass-no-measure-panel = No measure yet
compass-more = and { $count } more (see the table)
compass-centre-1 = Value
compass-centre-2 = for the
compass-centre-3 = person
chart-title = Run chart of { $value }
chart-median = median { $value }
chart-target = target { $value }
chart-higher-better = higher is better
chart-lower-better = lower is better

# Measure kinds and frequencies; an improvement in several clusters.
measure-kind-process = Process measures
measure-kind-process-about = Process measures show whether the work is done as planned, such as safety tests taken on time.
measure-kind-balancing = Balancing measures
measure-kind-balancing-about = Balancing measures watch for what could get worse elsewhere as a result of the change, such as days without medicine.
frequency-weekly = weekly
frequency-monthly = monthly
frequency-quarterly = quarterly
frequency-yearly = yearly
also-under = also under { $clusters }
about-own-texts = Step introductions and help texts are this guide's own writing for covalue, not the published guide's words; each is marked so where it is printed.
mark-published = published wording, { $source }
mark-own-question = draft prompt written for covalue
mark-own-help = help text written for covalue
mark-own-intro = introduction written for covalue
mark-own-title = title written for covalue
mark-translation-published = { $state ->
    [reviewed] reviewed
   *[unreviewed] unreviewed
} translation of the published wording ({ $source })
mark-translation-own = { $state ->
    [reviewed] reviewed
   *[unreviewed] unreviewed
} translation of a text written for covalue
pill-translation = translation
