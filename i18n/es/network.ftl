## El informe de la red (`covalue network report`): texto, Markdown, HTML y PDF.
## Las palabras propias de la guía (pasos, preguntas, grupos, estados,
## cuadrantes) vienen de la guía incorporada en el mismo idioma.

net-page-title = { $network } · informe de la red
net-footer-kind = informe de la red
net-footer-made = elaborado el { $date } a partir de las versiones que enumera
net-made = Elaborado el { $date } a partir de las versiones que se enumeran al final.
net-text-heading = Red: { $network } · { $sites } sitio(s), { $read } leído(s) de la caché · { $date }
net-learnt = Lo que aprendieron los sitios
net-no-site-read = Todavía no se ha leído ningún sitio: ejecute { $command }.
net-short-form-note = Este sitio usa la forma breve, que no tiene paso 9: se muestra su respuesta a la pregunta de la forma breve sobre el valor.
net-no-step9 = No hay respuesta del paso 9 (evaluación del valor y próximos pasos) en la versión leída.
net-state = { $state ->
    [open] abierta
    [deferred] aplazada
    [not-applicable] no aplica
    [answered] respondida
    [settled] resuelta
    [problems] problemas
    [missing] falta
    [not-its-form] forma breve
   *[other] { $state }
}
net-not-answered = Todavía sin responder ({ $state }).
net-offered-exemplar = ★ El sitio ofrece esto como ejemplo
net-improvements-of = Mejoras · { $cluster }
net-exemplar-badge = ★ ejemplo
net-status-since = { $status } desde el { $date }
net-no-status = todavía sin estado
net-led-by = a cargo de { $owner }
net-target = meta { $target }
net-learnt-from-note = Lo que aprendieron, según su nota:
net-learnt-label = Lo que aprendieron:
net-register-empty = Su registro de mejoras está vacío.
net-no-register = Todavía no lleva un registro de mejoras.
net-exemplars = Ejemplos
net-no-exemplar = Ningún sitio ni coordinador ha marcado todavía un ejemplo. Un sitio marca una respuesta con un comentario { $comment } bajo su encabezado, o una mejora con { $field }; el coordinador agrega un { $table } a la red.
net-none-marked = Todavía no hay ninguno marcado.
net-marked-by = { $who ->
    [site] marcado por el sitio
   *[coordinator] marcado por el coordinador
}
net-why = Por qué, en palabras del sitio:
net-coordinator-note = La nota del coordinador:
net-not-shown = No se muestra: { $what }
net-unfound-answer = sitio { $site }: la respuesta a { $question } no está en la versión leída (el informe puede mostrar las respuestas del paso 9 de un sitio, las respuestas que marca y sus mejoras)
net-unfound-improvement = sitio { $site }: la mejora { $improvement } no está en la versión leída (el informe puede mostrar las respuestas del paso 9 de un sitio, las respuestas que marca y sus mejoras)
net-unfound-answer-unread = sitio { $site }: la respuesta a { $question }: el sitio todavía no se ha descargado
net-unfound-improvement-unread = sitio { $site }: la mejora { $improvement }: el sitio todavía no se ha descargado
net-side-by-side = Medidas lado a lado
net-no-domain = La red todavía no nombra ningún dominio de medida compartido.
net-no-site-measures = Todavía ningún sitio lo mide.
net-differ = Difieren { $what }: un punto de partida para conversar sobre un conjunto común de medidas.
net-differ-word = { $what ->
    [definitions] las definiciones
    [units] las unidades
    [sources] las fuentes
   *[frequencies] las frecuencias
}
net-agree = Las definiciones, unidades y fuentes de los sitios coinciden.
net-definition = Definición:
net-source = Fuente:
net-unit = Unidad:
net-frequency = Frecuencia:
net-latest = Último:
net-target-label = Meta:
net-not-written = sin escribir
net-none = ninguna
net-not-recorded = sin registrar
net-none-yet = todavía ninguno
net-completeness-steps = Completitud: sitios × pasos
net-completeness-short = Completitud: sitios × preguntas de la forma breve
net-site-population = Sitio · población
net-sites = Sitios
net-sites-text = Sitios (la versión en que se lee cada uno)
net-col-site = Sitio
net-col-country = País
net-col-ref = Rama o etiqueta
net-col-commit = Versión
net-col-date = Fecha
net-col-workbook = Cuaderno
net-col-settled = Resueltas
net-col-open = Abiertas
net-col-deferred = Aplazadas
net-col-problems = Problemas
net-col-population = Población
net-col-personas = Personas tipo
net-col-process-map = Mapa del proceso
net-col-coproduction = Coproducción
net-col-configurations = Configuraciones
net-col-walked = Recorridas
net-col-improvement = Mejora
net-col-status = Estado
net-col-measure = Medida
net-col-unit = Unidad
net-col-latest = Último
net-col-latest-values = Últimos valores
net-col-owner = Responsable
net-col-measure-target = Medida: último valor frente a la meta
net-col-learnt = Lo que aprendieron
net-from-its-note = (según su nota)
net-fetch-failed = La última descarga falló, así que esta es una versión anterior: { $why }
net-default-branch = rama predeterminada
net-not-fetched = sin descargar
net-not-fetched-why = sin descargar: { $why }
net-first-problem = { $count } (el primero: { $place } { $message })
net-process-steps = { $count ->
    [one] { $count } paso
   *[other] { $count } pasos
}
net-populations-by-type = Poblaciones por tipo
net-type-sites = { $name } ({ $population }, { $count } sitio(s))
net-by-cluster = Mejoras por grupo: cuántas hay en cada estado
net-no-register-anywhere = Todavía ningún sitio lleva un registro de mejoras.
net-by-quadrant = Medidas por cuadrante de la brújula de valor
net-unmapped = Medidas sin dominio compartido
net-unknown-domain = su dominio { $domain } no es uno de los de la red
net-date-unknown = fecha desconocida
net-read-at = { $ref } en la versión { $commit }
net-short-form-site = forma breve
net-problem-count = { $count ->
    [0] sin problemas
    [one] 1 problema
   *[other] { $count } problemas
}
net-site-counts = { $settled }/{ $total } resueltas{ $short }, { $open } abiertas, { $deferred } aplazadas
net-text-legend = S resuelta, o abierta, d aplazada, - no aplica, ! problemas, · sitio con forma breve
net-short-questions-text = Completitud: sitios × preguntas de la forma breve
net-personas-text = personas tipo
net-process-map-text = mapa del proceso
net-coproduction-text = coproducción
net-configurations-text = configuraciones
net-walked-text = recorridas
