## covalue diff's handouts (diff --format md and --format html): what
## changed between two versions of a workbook. Names, ids and the team's
## words are put in as values; each sentence is one message.

diff-title-since = What changed since { $old }
diff-title-between = What changed from { $old } to { $new }
# The two versions compared, the older first.
diff-compared = { $old } → { $new }
diff-version-commit = { $version } (commit { $commit })
diff-last-commit = the last commit ({ $commit })
diff-commit = commit { $commit }
diff-working-tree = working tree
# Between a value before and after a change, in the order they are written.
diff-arrow = →
diff-none = (none)
diff-workbook = The workbook ({ $file })
diff-not-compared-label = Not compared:
diff-not-compared = in { $version }, { $place }: { $message }
diff-col-population = Population
diff-col-changes = Changes
diff-col-completeness = Completeness
diff-printed = { $compared } · printed { $date }

## The headings of a population's changes.
diff-area = { $area ->
        [population] Population
        [personas] Personas
        [process-map] Process map
        [configurations] Value configurations
        [value-compass] Value compass
        [improvements] Improvements
       *[answers] Answers
    }

## One change: $change is added, removed, moved or changed; $name and $id
## are the record's name and id.
diff-the-population = The population
diff-the-map = The map itself
diff-record-field = { $what }: { $field }
diff-field-value = { $field } { $change }
diff-field-words = { $field }: { $words }
diff-persona = { $change ->
        [added] Added persona { $name } ({ $id })
        [removed] Removed persona { $name } ({ $id })
       *[changed] Persona { $name } ({ $id })
    }
# $from and $to are the step's places in the older and newer map.
diff-step = { $change ->
        [added] Added step { $name } ({ $id }) as step { $to }
        [removed] Removed step { $name } ({ $id }), which was step { $from }
        [moved] Moved step { $name } ({ $id }) from place { $from } to place { $to }
       *[changed] Step { $name } ({ $id })
    }
# $kind is outcome, process or balancing; $quadrant the outcome measure's quadrant.
diff-measure = { $change ->
        [added] Added measure { $name } ({ $id }){ $kind ->
            [outcome] {" "}in the { $quadrant } quadrant
            [process] , a process measure
            [balancing] , a balancing measure
           *[other] , a { $kind } measure
        }
        [removed] Removed measure { $name } ({ $id }){ $kind ->
            [outcome] {" "}from the { $quadrant } quadrant
            [process] , a process measure
            [balancing] , a balancing measure
           *[other] , a { $kind } measure
        }
       *[changed] Measure { $name } ({ $id })
    }
# $about: its clusters of opportunity, and its status when it has one.
diff-improvement-added = Added improvement { $name } ({ $id }) ({ $about })
diff-cluster-status = { $cluster }, { $status }
diff-improvement = { $change ->
        [added] Added improvement { $name } ({ $id })
        [removed] Removed improvement { $name } ({ $id })
       *[changed] Improvement { $name } ({ $id })
    }
# $configuration: the value configuration's title, e.g. "Value chain".
diff-walkthrough = { $change ->
        [added] Added the { $configuration } walk-through of { $name } ({ $id })
        [removed] Removed the { $configuration } walk-through of { $name } ({ $id })
       *[changed] The { $configuration } walk-through of { $name } ({ $id })
    }
diff-answer = { $question } ({ $id })
diff-not-in-guide = not a question of the guide
diff-status-reason = { $status }: { $reason }
diff-status-deferred = { $status }: { $reason } ({ $details })

## A population's summary; $form is short or full.
diff-settled = { $done } of { $total } questions settled ({ $form ->
        [short] short
       *[full] full
    } form)
diff-settled-change = { $before } → { $after } of { $total } questions settled ({ $form ->
        [short] short
       *[full] full
    } form)
diff-settled-change-total = { $before } of { $before_total } → { $after } of { $total } questions settled ({ $form ->
        [short] short
       *[full] full
    } form)
diff-settled-more = { $state ->
        [open] open
       *[deferred] deferred
    } { $before } → { $after }
diff-and-more = { $first }; { $more }
diff-population-added = New population with { $personas ->
        [one] { $personas } persona
       *[other] { $personas } personas
    }, { $steps ->
        [one] { $steps } process step
       *[other] { $steps } process steps
    } and { $measures ->
        [one] { $measures } measure
       *[other] { $measures } measures
    }; { $settled }.
diff-population-removed = Removed. It had { $personas ->
        [one] { $personas } persona
       *[other] { $personas } personas
    }, { $steps ->
        [one] { $steps } process step
       *[other] { $steps } process steps
    } and { $measures ->
        [one] { $measures } measure
       *[other] { $measures } measures
    }; { $settled }.
diff-population-changed = { $settled }.

## The closing sentence.
diff-summary-none = No changes between { $old } and { $new }.
diff-summary = { $changes ->
        [one] { $changes } change
       *[other] { $changes } changes
    } between { $old } and { $new }: { $what }.
diff-summary-populations = { $count ->
        [one] { $count } population
       *[other] { $count } populations
    } { $state ->
        [added] added
        [removed] removed
       *[changed] changed
    }
diff-summary-workbook = { $file } changed
diff-summary-unreadable = files could not be read
# A list: "a, b and c" ($first holds "a, b").
diff-list-and = { $first } and { $last }

## One line per population (diff --stat).
diff-stat-new = new population
diff-stat-removed = removed
diff-stat-count = { $what ->
        [added] { $count } added
        [removed] { $count } removed
        [changed] { $count } changed
        [moved] { $count } moved
        [answers] { $count ->
            [one] { $count } answer
           *[other] { $count } answers
        }
       *[unreadable] { $count ->
            [one] { $count } unreadable file
           *[other] { $count } unreadable files
        }
    }
