## Las hojas de cambios de covalue diff (diff --format md y --format html):
## qué cambió entre dos versiones de un libro de trabajo.

diff-title-since = Qué cambió desde { $old }
diff-title-between = Qué cambió de { $old } a { $new }
diff-compared = { $old } → { $new }
diff-version-commit = { $version } (confirmación { $commit })
diff-last-commit = la última confirmación ({ $commit })
diff-commit = confirmación { $commit }
diff-working-tree = los archivos como están ahora
diff-arrow = →
diff-none = (nada)
diff-workbook = El libro de trabajo ({ $file })
diff-not-compared-label = No comparado:
diff-not-compared = en { $version }, { $place }: { $message }
diff-col-population = Población
diff-col-changes = Cambios
diff-col-completeness = Avance
diff-printed = { $compared } · impreso el { $date }

diff-area = { $area ->
        [population] Población
        [personas] Personas
        [process-map] Mapa del proceso
        [configurations] Configuraciones de valor
        [value-compass] Brújula de valor
        [improvements] Mejoras
       *[answers] Respuestas
    }

diff-the-population = La población
diff-the-map = El mapa en sí
diff-record-field = { $what }: { $field }
diff-field-value = { $field } { $change }
diff-field-words = { $field }: { $words }
diff-persona = { $change ->
        [added] Se agregó la persona { $name } ({ $id })
        [removed] Se quitó la persona { $name } ({ $id })
       *[changed] La persona { $name } ({ $id })
    }
diff-step = { $change ->
        [added] Se agregó el paso { $name } ({ $id }) como paso { $to }
        [removed] Se quitó el paso { $name } ({ $id }), que era el paso { $from }
        [moved] Se movió el paso { $name } ({ $id }) del lugar { $from } al lugar { $to }
       *[changed] El paso { $name } ({ $id })
    }
diff-measure = { $change ->
        [added] Se agregó la medida { $name } ({ $id }){ $kind ->
            [outcome] {" "}en el cuadrante { $quadrant }
            [process] , una medida de proceso
            [balancing] , una medida de equilibrio
           *[other] , una medida de tipo { $kind }
        }
        [removed] Se quitó la medida { $name } ({ $id }){ $kind ->
            [outcome] {" "}del cuadrante { $quadrant }
            [process] , una medida de proceso
            [balancing] , una medida de equilibrio
           *[other] , una medida de tipo { $kind }
        }
       *[changed] La medida { $name } ({ $id })
    }
diff-improvement-added = Se agregó la mejora { $name } ({ $id }) ({ $about })
diff-cluster-status = { $cluster }, { $status }
diff-improvement = { $change ->
        [added] Se agregó la mejora { $name } ({ $id })
        [removed] Se quitó la mejora { $name } ({ $id })
       *[changed] La mejora { $name } ({ $id })
    }
diff-walkthrough = { $change ->
        [added] Se agregó el recorrido de { $configuration } de { $name } ({ $id })
        [removed] Se quitó el recorrido de { $configuration } de { $name } ({ $id })
       *[changed] El recorrido de { $configuration } de { $name } ({ $id })
    }
diff-answer = { $question } ({ $id })
diff-not-in-guide = no es una pregunta de la guía
diff-status-reason = { $status }: { $reason }
diff-status-deferred = { $status }: { $reason } ({ $details })

diff-settled = { $done } de { $total } preguntas resueltas (formulario { $form ->
        [short] breve
       *[full] completo
    })
diff-settled-change = { $before } → { $after } de { $total } preguntas resueltas (formulario { $form ->
        [short] breve
       *[full] completo
    })
diff-settled-change-total = { $before } de { $before_total } → { $after } de { $total } preguntas resueltas (formulario { $form ->
        [short] breve
       *[full] completo
    })
diff-settled-more = { $state ->
        [open] abiertas
       *[deferred] aplazadas
    } { $before } → { $after }
diff-and-more = { $first }; { $more }
diff-population-added = Población nueva con { $personas ->
        [one] { $personas } persona
       *[other] { $personas } personas
    }, { $steps ->
        [one] { $steps } paso del proceso
       *[other] { $steps } pasos del proceso
    } y { $measures ->
        [one] { $measures } medida
       *[other] { $measures } medidas
    }; { $settled }.
diff-population-removed = Se quitó. Tenía { $personas ->
        [one] { $personas } persona
       *[other] { $personas } personas
    }, { $steps ->
        [one] { $steps } paso del proceso
       *[other] { $steps } pasos del proceso
    } y { $measures ->
        [one] { $measures } medida
       *[other] { $measures } medidas
    }; { $settled }.
diff-population-changed = { $settled }.

diff-summary-none = No hay cambios entre { $old } y { $new }.
diff-summary = { $changes ->
        [one] { $changes } cambio
       *[other] { $changes } cambios
    } entre { $old } y { $new }: { $what }.
diff-summary-populations = { $count ->
        [one] { $count } población { $state ->
            [added] agregada
            [removed] quitada
           *[changed] cambiada
        }
       *[other] { $count } poblaciones { $state ->
            [added] agregadas
            [removed] quitadas
           *[changed] cambiadas
        }
    }
diff-summary-workbook = { $file } cambió
diff-summary-unreadable = no se pudieron leer algunos archivos
diff-list-and = { $first } y { $last }

diff-stat-new = población nueva
diff-stat-removed = quitada
diff-stat-count = { $what ->
        [added] { $count ->
            [one] { $count } agregado
           *[other] { $count } agregados
        }
        [removed] { $count ->
            [one] { $count } quitado
           *[other] { $count } quitados
        }
        [changed] { $count ->
            [one] { $count } cambiado
           *[other] { $count } cambiados
        }
        [moved] { $count ->
            [one] { $count } movido
           *[other] { $count } movidos
        }
        [answers] { $count ->
            [one] { $count } respuesta
           *[other] { $count } respuestas
        }
       *[unreadable] { $count ->
            [one] { $count } archivo ilegible
           *[other] { $count } archivos ilegibles
        }
    }
