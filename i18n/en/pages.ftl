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

## The served pages (covalue serve): top bar, lists, forms, buttons,
## hints, what a save did, and the error pages.
serve-check = Check
serve-index-guide = Guide: { $guide }. Every page is read from the workbook's files; every save writes them.
serve-session = Session
serve-steps-in-focus = steps in focus:
serve-session-saved-in = Saved answers are listed in { $file }.
serve-index-checkline = Check: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
serve-questions-open = { $count ->
        [one] { $count } question open
       *[other] { $count } questions open
    }
serve-join = To join from a phone or a second laptop on this network, scan this code: it holds this page's address with its token. Anyone who can see it can open and change the workbook while the server runs.
serve-populations = Populations
serve-population = Population
serve-answered = Answered
serve-not-applicable = Not applicable
serve-na-short = N/A
serve-deferred = Deferred
serve-open = Open
serve-settled = Settled
serve-percent = { $percent } %
serve-no-population = The workbook has no population yet. Create one on the command line:
serve-check-lead = What covalue check reports on the workbook as it is on disk now ({ $form ->
        [short] short form
       *[full] full form
    }), in its order: problems to fix and progress still to make, each at its question.
serve-check-counts = { $problems ->
        [one] { $problems } problem
       *[other] { $problems } problems
    } ({ $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }) · { $progress ->
        [one] { $progress } progress note
       *[other] { $progress } progress notes
    }
serve-severity = { $severity ->
        [error] error
        [warning] warning
       *[other] info
    }
serve-finding-kind = { $kind ->
        [problem] problem
       *[other] progress
    }
serve-at = at
serve-check-nothing = Nothing: covalue check finds no problem and no progress to note.
serve-progress = Progress
serve-with-problems = With problems
serve-questions = Questions
serve-check-says-here = What covalue check says here
serve-conflict-title = Not saved: { $what } changed since this page was opened
serve-conflict-help = Someone (an editor, git pull, another browser) changed it in { $file } while you were writing; the rest of the file was not in the way. Nothing was written. Both versions are below: copy what you need, or save yours over theirs.
serve-theirs = On disk now (theirs)
serve-theirs-removed = Nothing: the text was removed from the file.
serve-theirs-field = On disk now (theirs):
serve-empty = (empty)
serve-yours = Yours (not saved)
serve-save-mine = Save mine over theirs
serve-leave-it = Leave it, go back
serve-improvements = Improvements
serve-improvement = Improvement
serve-add-improvement = Add an improvement
serve-kept-in = Kept in { $file }
serve-cluster = Cluster
serve-status = Status
serve-since = Since
serve-who-leads = Who leads it
serve-edit = Edit
serve-no-improvement = No improvement yet.
serve-print = Print:
serve-print-short = short form
serve-print-full = full form
serve-print-this = Print this form
serve-focus-first = steps in focus come first.
serve-population-counts = { $answered } answered · { $na } not applicable · { $deferred } deferred · { $open } open (full form)
serve-short-and-steps = Short form and steps
serve-part = Part
serve-in-focus = in focus
serve-problems = Problems
serve-none = None.
serve-add = Add
serve-add-step = a step
serve-add-persona = a persona
serve-add-measure = a measure
serve-add-an-improvement = an improvement
serve-or-open = or open
serve-open-register = the register of improvements
serve-open-about = the population's description, figures and team
serve-open-map = the process map's perspectives
serve-open-session = the session's record
serve-process-map = Process map
serve-step = Step
serve-coproduction = Coproduction
serve-opportunity = Opportunity
serve-personas = Personas
serve-value-compass = Value compass
serve-quadrant = Quadrant
serve-measure = Measure
serve-latest = Latest
serve-saved-part = Saved { $persona }'s part.
serve-lead-text = Lead text (Markdown)
serve-answer-text = Answer (Markdown)
serve-walkthrough-lead = The status and text here are the walk-through's lead, before the personas' parts; the question counts as answered once a persona's part holds text. Each persona's part has its own box below.
serve-reason = Reason
serve-owner-deferred = Owner (deferred)
serve-until-deferred = Until (deferred)
serve-save = Save
serve-cancel = Cancel
serve-writes-to = Writes to { $file }
serve-each-part = Each persona's part
serve-not-walked = Not walked yet.
serve-part-label = { $persona }'s part (Markdown)
serve-save-part = Save { $persona }'s part
serve-writes-part = Writes this part only, to { $file }
serve-saved = Saved { $question }{ $answered ->
        [yes] : its text box held an answer, so it is now Answered
       *[no] {""}
    }{ $listed ->
        [yes] , and listed in { $file }
       *[no] {""}
    }. Check now finds { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    } in this population.
serve-owner = owner: { $owner }
serve-until = until { $date }
serve-overdue = (overdue)
serve-full-form-says = What the full form says:
serve-answer = Answer
serve-edit-on-population = { $kind ->
        [personas] Edit the personas on
        [process-map] Edit the process map on
        [value-compass] Edit the value compass on
       *[other] Edit this on
    }
serve-population-page = the population's page
serve-crumb = { $kind ->
        [step] Process map
        [map] Process map
        [measure] Value compass
        [persona] Personas
        [population] About
        [session] Session record
       *[other] Improvements
    }
serve-heading-new = { $kind ->
        [step] A new step
        [measure] A new measure
        [persona] A new persona
       *[other] A new improvement
    }
serve-heading-about = About { $population }
serve-heading-map = The process map of { $population }
serve-heading-session = Session { $session }
serve-direction = { $direction ->
        [higher] higher is better
       *[other] lower is better
    }
serve-values-so-far = Values so far
serve-date = Date
serve-value = Value
serve-note = Note
serve-status-so-far = Status so far
serve-id = Id
serve-id-hint = (lowercase letters, digits and hyphens; made from the { $from ->
        [name] name
       *[other] title
    } when left empty)
serve-not-said = not said
serve-none-yet = none in the workbook yet
serve-perspectives = What each perspective sees at this step
serve-composite = A composite of several people (never one real person)
serve-who-was-there = Who was there
serve-name = Name
serve-role = Role
serve-remove = Remove
serve-remove-thing = Remove { $what }
serve-new-attendee = A new attendee
serve-their-role = Their role
serve-none-choice = (none)
serve-actions = Actions
serve-what = What
serve-who = Who
serve-by-when = By when
serve-done = Done
serve-done-tick = done
serve-yes = yes
serve-no = no
serve-new-action = A new action
serve-figures = Figures
serve-figure = Figure
serve-value-of = Value of { $what }
serve-new-figure = A new figure
serve-its-value = Its value
serve-team = Team
serve-who-is = Who is { $role }
serve-new-member-role = A new member's role
serve-name-or-description = Name or description
serve-new-value = A new value
serve-new-value-hint = Leave the value empty to change only the fields above.
serve-new-status = A new status
serve-no-change = (no change)
serve-add-button = Add
serve-move-up = Move up
serve-move-down = Move down
serve-in-file = in { $file }
serve-remove-from-file = { $kind ->
        [step] Remove this step from the file
        [measure] Remove this measure from the file
        [persona] Remove this persona from the file
       *[other] Remove this improvement from the file
    }
serve-remove-delete = Remove this persona: delete { $file }
serve-field-step-title = Title
serve-field-step-actors = Who takes part (separated by commas)
serve-field-step-coproduction = Level of coproduction
serve-field-step-opportunity = Opportunity to improve
serve-field-step-configurations = Value configurations
serve-field-step-personas = Personas it concerns
serve-field-measure-quadrant = Quadrant (outcome measures only)
serve-field-measure-name = Measure
serve-field-measure-definition = Definition
serve-field-measure-data-source = Where the data come from
serve-field-measure-baseline = Baseline
serve-field-measure-target = Target
serve-field-measure-unit = Unit
serve-field-measure-direction = Which way is better
serve-field-measure-target-value = Target as a number
serve-field-improvement-title = Title
serve-field-improvement-cluster = Clusters of opportunity (one or more)
serve-field-improvement-steps = Steps it concerns
serve-field-improvement-configurations = Value configurations
serve-field-improvement-personas = Personas it concerns
serve-field-improvement-owner = Who leads it
serve-field-improvement-measures = Measures that will show it
serve-field-improvement-note = Note
serve-field-persona-name = Name
serve-field-persona-kind = Kind
serve-field-persona-segment = Segment it stands for
serve-field-persona-share-percent = Share of the population (%)
serve-field-persona-contacts-per-year = Contacts per year
serve-field-persona-annual-cost = Cost per year
serve-field-persona-currency = Currency of the cost
serve-field-persona-story = Story (Markdown)
serve-field-session-title = What the session is about
serve-field-session-facilitator = Who leads it
serve-field-session-note-taker = Who writes down the answers
serve-field-session-decisions = What the team decided (one a line)
serve-field-map-perspectives = Perspectives the map is drawn from (one a line)
serve-field-population-name = Name
serve-field-population-description = Who they are
serve-field-population-setting = Where care happens
serve-field-population-size-people = How many people (a whole number)
serve-field-population-size-as-of = Counted when
serve-field-population-size-note = How they were counted
serve-refused-host = This address is not this server's
serve-refused-host-help = Open the address that covalue serve printed.
serve-refused-token = This page needs the address with its token
serve-refused-token-help = Open the address that covalue serve printed, with ?token=… at its end.
serve-refused-unreadable = The form could not be read
serve-send-again = Send it again.
serve-refused-csrf = This form does not come from this server's page
serve-refused-csrf-help = Open the page again from the address covalue serve printed, and save from there.
serve-not-found = There is no such page
serve-not-found-help = Go back to the list of populations.
serve-error-page = This page cannot be shown
serve-error-workbook-unreadable = The workbook cannot be read
serve-error-file-unreadable = { $file } cannot be read
serve-error-file-unwritable = { $file } cannot be written
serve-error-file-unremovable = { $file } cannot be removed
serve-error-report = The report cannot be made
serve-error-see-terminal = What went wrong is written in the window where covalue serve runs.

## What a save did not do, and why (served pages).
serve-not-saved = Nothing was saved: { $reason }.
serve-not-changed = Nothing was changed: { $reason }.
serve-not-saved-unreadable = Nothing was saved: the file would read wrong at { $place }: { $problem }.
serve-not-saved-gone = Nothing was saved: the { $kind } `{ $id }` is not in the workbook any more (someone removed it or changed its id). Copy what you typed, then add it again.
serve-not-saved-composite = Not saved: someone changed whether this persona is a composite while you were writing. Look at the box again, then save.
serve-not-saved-clash = Not saved: someone changed { $fields } of this { $kind } while you were writing. Both versions are shown at each field; yours is still in the form. Save again to keep yours.
serve-not-moved = Nothing was moved or removed: someone changed this { $kind } since the page was opened. Here it is as it is now; try again.
serve-not-removed-tick = Nothing was removed: tick the box to say you mean to remove this { $kind }.
serve-not-removed-changed = Nothing was removed: someone changed this persona since the page was opened. Here it is as it is now; try again.
serve-not-removed-named = Nothing was removed: { $names } still { $count ->
        [one] names
       *[other] name
    } this persona. Untick it there first, then remove it.
serve-not-saved-taken = Nothing was saved: there is already a { $kind } `{ $id }`; give this one another id.
serve-not-saved-not-text = Nothing was saved: { $file } is not UTF-8 text; fix it in an editor.
serve-not-saved-no-file = Nothing was saved: there is no { $file }; create the population's files with `covalue new population`.
serve-not-saved-file-taken = Nothing was saved: there is already a file { $file }; give this persona another id.
serve-conflict-answer = the answer to “{ $question }”
serve-conflict-part = { $persona }'s part of “{ $question }”

## The session pack (covalue session pack): cover, agenda, open items,
## current answers, worksheets, attendance sheet and footer.
pack-page-title = Session { $session } · { $title }
pack-footer-session = session { $session }
pack-printed = printed { $date }
pack-printed-at = { $revision } · printed { $date }
pack-session = Session { $session }
pack-facilitator = Facilitator
pack-note-taker = Note-taker
pack-populations = Populations
pack-since = Since { $since }:
pack-since-own-commit = the commit this session's record was made at ({ $commit })
pack-since-last-session = the last session ({ $session }, commit { $commit })
pack-first-session = This is the team's first session: there is nothing earlier to compare with.
pack-nothing-changed = Nothing has changed since then.
pack-changes-unshown = The changes cannot be shown: { $reason }.
pack-no-commit = No earlier session records a commit, so there is nothing to compare with yet.
pack-agenda = Agenda
pack-no-focus = No step is in focus yet: the facilitator names the steps of the session in its record.
pack-changes = What changed since the last session
pack-changes-since = Since { $since }, to the workbook as it is now.
pack-open-items = Open items
pack-open-items-note = What is still open or deferred in the steps of this session, and what the workbook's check reports for them.
pack-item-state = { $state ->
        [deferred] Deferred{ $overdue ->
            [yes] , date passed
           *[no] {""}
        }
       *[other] Open{ $overdue ->
            [yes] , date passed
           *[no] {""}
        }
    }
pack-owner = Owner
pack-by = by
pack-found = { $kind ->
        [problem] Problem
        [past-due] Past due
       *[other] To do
    }
pack-step-done = Every question of this step is answered or not applicable, and the check reports nothing for it.
pack-earlier-actions = Actions still open from earlier sessions
pack-what = What
pack-due = Due
pack-session-column = Session
pack-current-answers = Current answers
pack-setting = Setting
pack-size = Size
pack-figures = Figures
pack-figure = Figure
pack-value = Value
pack-team = The team
pack-date-passed = date passed
pack-map-steps = The steps of the process map
pack-step = Step
pack-who = Who
pack-coproduction-today = Coproduction today
pack-coproduction-level = Coproduction level
pack-opportunity = Opportunity
pack-configuration = Configuration
pack-active = (active)
pack-compass-caption = Value compass of { $population }: the measures in each quadrant. The full form defines each measure.
pack-not-written = Not written yet.
pack-not-answered = Not answered yet.
pack-measures-over-time = Measures over time
pack-chart-caption = { $measure }: { $latest }. Points in time order; the dashed line is the median.
pack-worksheets = Worksheets
pack-worksheets-note = Write the team's answers under each question, and each persona's part of a walk-through in its own box. The note-taker copies the mark in braces in the margin onto the typed-up notes, above the answer it belongs to: that is how the answers find their place in the workbook.
pack-persona = Persona:
pack-legend-levels = Coproduction level:
pack-legend-configurations = Configurations:
pack-legend-star = Mark an opportunity with ★.
pack-steps-range = Steps { $first } to { $last }
pack-blank-map-caption = Empty process map to fill in: steps { $first } to { $last }
pack-attendance = Attendance
pack-roles = Roles: patient or family partner, clinician, nurse, operations, finance, community, other.
pack-name = Name
pack-role = Role
pack-signature = Signature

# The measure form's kind and frequency; clusters, one or more.
serve-field-measure-kind = Kind of measure (outcome when left empty)
serve-field-measure-frequency = How often it is taken
serve-measure-kind-outcome = outcome (in a quadrant of the value compass)
serve-measure-kind-process = process (how the work is done)
serve-measure-kind-balancing = balancing (what could get worse)
serve-field-improvement-learning = What the team learnt from it
serve-field-improvement-exemplar = Why other sites could learn from it (marks it an exemplar)
pack-md-worksheets-note = Type the team's answers under each heading, keeping its `{"{"}#id{"}"}`: `covalue import` puts each one in its place, and each persona's part of a walk-through under the persona.
