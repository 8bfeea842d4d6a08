## covalue diffs utdelningsblad (diff --format md och --format html): vad
## som ändrats mellan två versioner av en arbetsbok.

diff-title-since = Vad som ändrats sedan { $old }
diff-title-between = Vad som ändrats från { $old } till { $new }
diff-compared = { $old } → { $new }
diff-version-commit = { $version } (incheckning { $commit })
diff-last-commit = den senaste incheckningen ({ $commit })
diff-commit = incheckning { $commit }
diff-working-tree = filerna som de är nu
diff-arrow = →
diff-none = (inget)
diff-workbook = Arbetsboken ({ $file })
diff-not-compared-label = Inte jämfört:
diff-not-compared = i { $version }, { $place }: { $message }
diff-col-population = Population
diff-col-changes = Ändringar
diff-col-completeness = Ifyllnad
diff-printed = { $compared } · utskriven { $date }

diff-area = { $area ->
        [population] Population
        [personas] Personas
        [process-map] Processkarta
        [configurations] Värdekonfigurationer
        [value-compass] Värdekompass
        [improvements] Förbättringar
       *[answers] Svar
    }

diff-the-population = Populationen
diff-the-map = Själva kartan
diff-record-field = { $what }: { $field }
diff-field-value = { $field } { $change }
diff-field-words = { $field }: { $words }
diff-persona = { $change ->
        [added] La till personan { $name } ({ $id })
        [removed] Tog bort personan { $name } ({ $id })
       *[changed] Personan { $name } ({ $id })
    }
diff-step = { $change ->
        [added] La till steget { $name } ({ $id }) som steg { $to }
        [removed] Tog bort steget { $name } ({ $id }), som var steg { $from }
        [moved] Flyttade steget { $name } ({ $id }) från plats { $from } till plats { $to }
       *[changed] Steget { $name } ({ $id })
    }
diff-measure = { $change ->
        [added] La till måttet { $name } ({ $id }){ $kind ->
            [outcome] {" "}i kvadranten { $quadrant }
            [process] , ett processmått
            [balancing] , ett balansmått
           *[other] , ett mått av typen { $kind }
        }
        [removed] Tog bort måttet { $name } ({ $id }){ $kind ->
            [outcome] {" "}ur kvadranten { $quadrant }
            [process] , ett processmått
            [balancing] , ett balansmått
           *[other] , ett mått av typen { $kind }
        }
       *[changed] Måttet { $name } ({ $id })
    }
diff-improvement-added = La till förbättringen { $name } ({ $id }) ({ $about })
diff-cluster-status = { $cluster }, { $status }
diff-improvement = { $change ->
        [added] La till förbättringen { $name } ({ $id })
        [removed] Tog bort förbättringen { $name } ({ $id })
       *[changed] Förbättringen { $name } ({ $id })
    }
diff-walkthrough = { $change ->
        [added] La till genomgången av { $configuration } för { $name } ({ $id })
        [removed] Tog bort genomgången av { $configuration } för { $name } ({ $id })
       *[changed] Genomgången av { $configuration } för { $name } ({ $id })
    }
diff-answer = { $question } ({ $id })
diff-not-in-guide = ingen fråga i vägledningen
diff-status-reason = { $status }: { $reason }
diff-status-deferred = { $status }: { $reason } ({ $details })

diff-settled = { $done } av { $total } frågor klara ({ $form ->
        [short] kort
       *[full] fullständigt
    } formulär)
diff-settled-change = { $before } → { $after } av { $total } frågor klara ({ $form ->
        [short] kort
       *[full] fullständigt
    } formulär)
diff-settled-change-total = { $before } av { $before_total } → { $after } av { $total } frågor klara ({ $form ->
        [short] kort
       *[full] fullständigt
    } formulär)
diff-settled-more = { $state ->
        [open] öppna
       *[deferred] uppskjutna
    } { $before } → { $after }
diff-and-more = { $first }; { $more }
diff-population-added = Ny population med { $personas ->
        [one] { $personas } persona
       *[other] { $personas } personas
    }, { $steps ->
        [one] { $steps } processteg
       *[other] { $steps } processteg
    } och { $measures ->
        [one] { $measures } mått
       *[other] { $measures } mått
    }; { $settled }.
diff-population-removed = Borttagen. Den hade { $personas ->
        [one] { $personas } persona
       *[other] { $personas } personas
    }, { $steps ->
        [one] { $steps } processteg
       *[other] { $steps } processteg
    } och { $measures ->
        [one] { $measures } mått
       *[other] { $measures } mått
    }; { $settled }.
diff-population-changed = { $settled }.

diff-summary-none = Inga ändringar mellan { $old } och { $new }.
diff-summary = { $changes ->
        [one] { $changes } ändring
       *[other] { $changes } ändringar
    } mellan { $old } och { $new }: { $what }.
diff-summary-populations = { $count ->
        [one] { $count } population { $state ->
            [added] tillagd
            [removed] borttagen
           *[changed] ändrad
        }
       *[other] { $count } populationer { $state ->
            [added] tillagda
            [removed] borttagna
           *[changed] ändrade
        }
    }
diff-summary-workbook = { $file } ändrad
diff-summary-unreadable = filer kunde inte läsas
diff-list-and = { $first } och { $last }

diff-stat-new = ny population
diff-stat-removed = borttagen
diff-stat-count = { $what ->
        [added] { $count ->
            [one] { $count } tillagd
           *[other] { $count } tillagda
        }
        [removed] { $count ->
            [one] { $count } borttagen
           *[other] { $count } borttagna
        }
        [changed] { $count ->
            [one] { $count } ändrad
           *[other] { $count } ändrade
        }
        [moved] { $count ->
            [one] { $count } flyttad
           *[other] { $count } flyttade
        }
        [answers] { $count ->
            [one] { $count } svar
           *[other] { $count } svar
        }
       *[unreadable] { $count ->
            [one] { $count } oläsbar fil
           *[other] { $count } oläsbara filer
        }
    }
