# The community session pack (`covalue network session pack`) in English.
# Each message has the same id and the same variables in every language
# (tests/languages.rs checks it). Swedish, Hebrew and Spanish are drafts.

## The page and its footer.
cpack-page-title = { $kind } { $date } · { $network }
cpack-footer-session = { $kind } { $date }
cpack-made = made { $date } from the revisions fetched

## Kinds of session.
cpack-kind-webinar = Webinar
cpack-kind-in-person = In-person meeting
cpack-kind-coaching-call = Coaching call
cpack-kind-workshop = Workshop
cpack-kind-other = Community session

## The cover and the agenda.
cpack-facilitator = Facilitator
cpack-note-taker = Note-taker
cpack-sites = Sites
cpack-agenda = Agenda
cpack-agenda-actions = Actions from earlier sessions
cpack-agenda-none-open = none open.
cpack-agenda-open = { $open } still open.
cpack-agenda-open-overdue = { $open } still open, { $overdue } past their date.
cpack-agenda-since = since the last session ({ $session })
cpack-agenda-exemplars = answers and improvements for the others to read.
cpack-agenda-decisions = Decisions and new actions
cpack-agenda-decisions-about = who does what, by when.

## What changed at each site.
cpack-changes = What changed at each site
cpack-changes-since = Since session { $session }, from each site's revision as last fetched ({ $command }).
cpack-changes-first = There is no earlier session to compare with; each site as last fetched ({ $command }).
cpack-site-not-fetched = not fetched yet: run { $command } before the session
cpack-site-not-fetched-because = not fetched: { $why }
cpack-site-first = no earlier session to compare with
cpack-site-unchanged = nothing new since { $since }
cpack-site-changed = new work since { $since } (commit { $commit } of { $date })
cpack-site-changed-undated = new work since { $since } (commit { $commit })
cpack-site-revision = fetched: commit { $commit } of { $date }
cpack-site-revision-undated = fetched: commit { $commit }
cpack-site-now = now { $settled } of { $total } settled, { $open } open, { $problems ->
    [one] { $problems } problem
   *[other] { $problems } problems
}
cpack-col-site = Site
cpack-col-commit = Commit
cpack-col-date = Date
cpack-col-since = Since the last session
cpack-col-settled = Settled
cpack-col-open = Open
cpack-col-problems = Problems
cpack-state-changed = new work
cpack-state-unchanged = nothing new
cpack-state-new = first session

## Presentations and exemplars.
cpack-presentations = Presentations
cpack-col-what = What
cpack-col-about = About
cpack-col-notes = Notes
cpack-about-both = question { $question }, improvement { $improvement }
cpack-about-question = question { $question }
cpack-about-improvement = improvement { $improvement }
cpack-exemplars = Exemplars
cpack-no-exemplars = No answer or improvement is marked as an exemplar yet.

## Actions.
cpack-actions = Actions
cpack-decided = Decided
cpack-col-owner = Owner
cpack-col-due = Due
cpack-col-session = Session
cpack-col-done = Done?
cpack-date-passed = date passed
cpack-no-open-actions = No action of an earlier session is open.
cpack-new-actions = New actions

## The attendance sheet.
cpack-attendance = Attendance
cpack-roles = Roles: { $roles }.
cpack-role-coordinator = Coordinator
cpack-col-name = Name
cpack-col-role = Role
cpack-col-signature = Signature
