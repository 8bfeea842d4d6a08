# Textos de página de covalue en español: cada palabra que covalue pone en
# una página impresa o servida. Borrador de traducción, escrito para
# equipos de salud; se agradecen mejoras. Mismos id y variables que en.ftl.

## El documento.
form-short = Formulario breve
form-full = Formulario completo
form-register = Registro de mejoras

## El pie de cada página impresa.
page-number = página { $page } de { $pages }

## Piezas comunes de los informes.
write-space-label = Espacio para escribir: { $id }
session-label = La sesión
session-date = Fecha de la sesión
session-facilitator = Facilitador/a
session-attendees = Asistentes, cada uno con su rol (paciente colaborador, profesional clínico, gestor …)
session-note-taker = Quien toma notas
session-next = Próxima reunión
pill-overdue = vencido
pill-draft = pregunta en borrador
label-not-applicable = No aplica:
label-deferred = Aplazada:
deferred-owner = Responsable: { $owner }
deferred-until = Hasta: { $date }
date-passed = (esta fecha ya pasó)
card-name = Nombre
card-kind = Tipo:
card-segment = Segmento de la población
card-share = Proporción (%)
card-contacts = Contactos/año
card-cost = Costo anual
card-story = Su historia (una composición, nunca una persona real)
card-one-per-persona = Una tarjeta por persona
process-caption = Mapa del proceso de { $name }, { $steps } pasos en orden. Cada recuadro indica su nivel de coproducción: líneas discontinuas donde hoy no la hay, líneas más gruesas para niveles más altos y doble línea para el más alto; una estrella marca una oportunidad de mejora; las etiquetas indican las configuraciones de valor.
process-table-caption = Los pasos del mapa del proceso
col-step = Paso
col-who = Quién
col-coproduction-today = Coproducción hoy
col-opportunity = Oportunidad
col-configurations = Configuraciones
level-active = (activa)
perspectives-caption = Los pasos vistos desde cada perspectiva
legend-levels = Nivel de coproducción:
legend-configurations = Configuraciones:
legend-star = Marque una oportunidad con ★.
blank-map-caption = Mapa del proceso vacío para completar: { $rows } filas
col-coproduction-level = Nivel de coproducción
col-configuration = Configuración
measures-caption = Las medidas de la brújula de valor
col-measure = Medida
col-definition = Definición operativa
col-data-source = Fuente de datos
col-baseline = Línea de base
col-target = Meta
definition-missing = falta la definición
no-measure-yet = Todavía no hay medidas.
blank-measures-caption = Tabla de medidas vacía para completar
col-quadrant = Cuadrante
col-baseline-target = Línea de base → meta
count-status = { $count } { $status }
col-improvement = Mejora
col-status = Estado
col-steps = Pasos
col-owner = Responsable
col-measures-latest = Medidas, último valor
since-date = desde { $date }
measure-latest = { $value } el { $date }
measure-target = (meta { $target })
measure-no-value = todavía sin valor
no-improvement-yet = Todavía no hay mejoras en el registro.
declined-caption = Oportunidades no aprovechadas
col-why-not = Por qué no

## Portada, índice, grado de avance y "Acerca de este informe" del formulario completo.
blank-worksheet = hoja de trabajo en blanco
full-lede-blank = Hojas de trabajo para completar a mano. Cada recuadro lleva el id de su pregunta, para que las notas puedan transcribirse en el lugar correcto del cuaderno de trabajo.
full-lede = { $populations ->
    [one] Las respuestas del equipo a cada paso de la guía para una población, con las personas, el mapa del proceso y la brújula de valor.
   *[other] Las respuestas del equipo a cada paso de la guía para { $populations } poblaciones, con las personas, el mapa del proceso y la brújula de valor.
}
guide-version = { $guide }, versión { $version }
printed-on = Impreso el { $date }
contents = Índice
population = Población
grid-title = Las personas en las configuraciones de valor
open-items = Puntos pendientes
about-title = Acerca de este informe
no-population-yet = Este cuaderno de trabajo todavía no tiene ninguna población. Agregue una con { $command }.
completeness = Grado de avance
completeness-intro = Preguntas del formulario completo respondidas, marcadas como no aplicables, aplazadas o todavía abiertas. Una pregunta está resuelta cuando está respondida o marcada como no aplicable.
col-answered = Respondidas
col-not-applicable = No aplican
col-deferred = Aplazadas
col-open = Abiertas
col-settled = Resueltas
percent-of = { $percent } % de { $total }
all-populations = Todas las poblaciones
about-follows = Este informe sigue la { $guide }, versión { $version }.
about-follows-blank = Estas hojas de trabajo siguen la { $guide }, versión { $version }.
about-printed = Lo imprimió covalue el { $date }.
about-printed-from = Lo imprimió covalue el { $date } a partir de { $revision }.
about-ids = Cada pregunta muestra su id entre llaves, por ejemplo { $example }: la respuesta se escribe bajo el encabezado con ese id en el archivo de respuestas de la población. Las preguntas que no aplican o están aplazadas se muestran con su motivo; las aplazadas, también con quién las responderá y para cuándo.
about-drafts = Las preguntas marcadas «{ $pill }» no son la redacción publicada de la guía: se escribieron para covalue a partir de las descripciones publicadas de la guía y se reemplazarán cuando el texto propio de la guía esté disponible.
sources = Fuentes
about-translation = Las palabras que covalue pone en esta página (títulos, etiquetas, pies de página) son un borrador de traducción hecho para covalue.
about-guide-reviewed = Las preguntas y la ayuda de la guía son una traducción que el centro ha revisado; la redacción publicada es la del original.
about-guide-unreviewed = Las preguntas y la ayuda de la guía son un borrador de traducción que nadie ha revisado todavía; la redacción publicada es la del original.
about-guide-english = Las preguntas y la ayuda de la guía se imprimen en el idioma propio de la guía.

## Una población del formulario completo.
blank-worksheet-title = Hoja de trabajo en blanco
population-n-of = Población { $index } de { $count }
population-label = Población:
to-write-in = para escribir
write-population-label = Espacio para escribir quiénes forman la población
write-who = Quiénes son (descripción)
about-the-population = sobre la población
write-setting-size = Ámbito; tamaño (cuántas personas, a qué fecha, según qué fuente); datos demográficos
write-team = El equipo: líder del equipo, área clínica, operaciones, finanzas, pacientes colaboradores, facilitador/a
setting = Ámbito
size = Tamaño
figures-caption = Datos demográficos
col-figure = Dato
col-value = Valor
team-label = Equipo:
steps-completeness-caption = Grado de avance de cada paso
percent = { $percent } %
question-n = Pregunta { $number }:
compass-caption-blank = Brújula de valor: escriba las medidas en cada cuadrante y luego defina cada una abajo.
compass-caption = Brújula de valor de { $name }: las medidas de cada cuadrante.
chart-caption = Gráfico de series temporales: { $name }, { $count } valores, el último { $latest }. Puntos en orden cronológico; la línea discontinua es la mediana.
chart-caption-target = Gráfico de series temporales: { $name }, { $count } valores, el último { $latest }; meta { $target }. Puntos en orden cronológico; la línea discontinua es la mediana.
persona-label = Persona: { $name }
notes = Notas
open-team-answer = Abierta: la respuesta del equipo
team-answer = La respuesta del equipo
grid-intro = Cómo vive cada persona cada configuración, resumido de los recorridos anteriores.
grid-caption = Cada persona en las configuraciones de valor
col-persona = Persona
not-written-yet = Todavía sin escribir
col-question = Pregunta
col-state = Estado
col-reason-owner-date = Motivo, responsable, fecha
all-settled = Todas las preguntas están respondidas o marcadas como no aplicables.

## Una población del formulario breve, y el registro.
write-who-short = Quiénes son, ámbito y tamaño
six-questions = Las seis preguntas
n-of-answered = { $answered } de { $total } respondidas
n-not-applicable = { $count } no aplican
n-deferred = { $count } aplazadas
n-open = { $count } abiertas
personas = Personas
no-persona-yet = Todavía no hay personas.
process-map = Mapa del proceso
opportunities = Oportunidades de mejora
step-n = Paso { $number }
no-process-map-yet = Todavía no hay mapa del proceso.
from-full-form = Del formulario completo, { $heading }
read-on = { $more ->
    [0] Siga leyendo en el formulario completo.
    [one] Siga leyendo en el formulario completo (allí hay una respuesta más).
   *[other] Siga leyendo en el formulario completo (allí hay { $more } respuestas más).
}
sources-not-drafts = Preguntas no marcadas como borrador:
sources-questions = Preguntas:
published-wording-of = la redacción publicada de
printed-lower = impreso el { $date }
no-register-yet = Todavía no hay registro de mejoras: agregue uno con { $command }.

## Informes en Markdown.
md-write-under = { $label }: escríbala bajo { $id } en { $file }.
md-about-ids = Cada pregunta muestra su id entre llaves: la respuesta se escribe bajo el encabezado con ese id en el archivo de respuestas de la población.
md-short-sources-drafts = Las preguntas no marcadas como borrador son la redacción publicada del formulario breve de la guía:
md-short-sources = Las preguntas son la redacción publicada del formulario breve de la guía:
md-no-register-yet = Todavía no hay registro de mejoras.
md-write-population = Quiénes son, ámbito, tamaño, datos y equipo: escríbalos en { $file }.
md-write-population-short = Quiénes son, ámbito y tamaño: escríbalos en { $file }.
md-write-personas = Nombre, tipo ({ $kinds }), segmento y datos de cada persona: un archivo por persona en { $folder }.
md-data = Datos: { $source }.
md-baseline = Línea de base: { $value }.
md-target = Meta: { $value }.
md-latest = Último: { $latest } ({ $count } valores).
md-latest-target = Último: { $latest } ({ $count } valores; meta { $target }).

## Palabras que arma el modelo del informe: estados, datos, roles, pies de página.
state-blank = Por responder
state-answered = Respondida
state-open = Abierta
state-not-applicable = No aplica
state-deferred = Aplazada
detail-owner = responsable: { $owner }
detail-until = hasta el { $date }
figure-share = Proporción de la población
figure-contacts = Contactos por año
figure-cost = Costo anual
quadrant-other = Otro (cuadrante que no está en la guía)
footer-guide = guía { $guide } v{ $version }
role-team-lead = Líder del equipo
role-clinical = Área clínica
role-operations = Operaciones
role-finance = Finanzas
role-patient-partner = Paciente colaborador/a
role-family-partner = Familiar colaborador/a
role-community-member = Miembro de la comunidad
role-nurse = Enfermería
role-other = Otro
role-facilitator = Facilitador/a

## Las imágenes: mapa del proceso, brújula de valor, gráficos de series temporales.
map-title = Mapa del proceso de { $name }: { $steps } pasos
map-step = Paso { $number }: { $title }. Coproducción: { $level }.
map-step-opportunity = Paso { $number }: { $title }. Coproducción: { $level }. Oportunidad de mejora.
map-legend-opportunity = oportunidad de mejora
map-legend-configuration = configuración de valor
compass-title = Brújula de valor de { $name }
compass-title-blank = Brújula de valor en blanco
compass-space-to-write = espacio para escribir medidas
compass-no-measure = todavía sin medidas
compass-no-measure-panel = Todavía sin medidas
compass-more = y { $count } más (vea la tabla)
compass-centre-1 = Valor
compass-centre-2 = para la
compass-centre-3 = persona
chart-title = Gráfico de series temporales de { $value }
chart-median = mediana { $value }
chart-target = meta { $value }
chart-higher-better = más alto es mejor
chart-lower-better = más bajo es mejor

# Tipos de medida y frecuencia; una mejora en varios grupos.
measure-kind-process = Medidas de proceso
measure-kind-process-about = Las medidas de proceso muestran si el trabajo se hace según lo planificado, por ejemplo análisis de seguridad hechos a tiempo.
measure-kind-balancing = Medidas de equilibrio
measure-kind-balancing-about = Las medidas de equilibrio vigilan lo que podría empeorar en otra parte como resultado del cambio, por ejemplo días sin medicación.
frequency-weekly = semanal
frequency-monthly = mensual
frequency-quarterly = trimestral
frequency-yearly = anual
also-under = también en { $clusters }
about-own-texts = Las introducciones de los pasos y los textos de ayuda son redacción propia de esta guía para covalue, no palabras de la guía publicada; cada uno está marcado así donde se imprime.
mark-published = redacción publicada, { $source }
mark-own-question = borrador de pregunta escrito para covalue
mark-own-help = texto de ayuda escrito para covalue
mark-own-intro = introducción escrita para covalue
mark-own-title = título escrito para covalue
mark-translation-published = traducción { $state ->
    [reviewed] revisada
   *[unreviewed] no revisada
} de la redacción publicada ({ $source })
mark-translation-own = traducción { $state ->
    [reviewed] revisada
   *[unreviewed] no revisada
} de un texto escrito para covalue
pill-translation = traducción
