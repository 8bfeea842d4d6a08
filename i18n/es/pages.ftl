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

## Las páginas de covalue serve.
serve-check = Revisión
serve-index-guide = Guía: { $guide }. Cada página se lee de los archivos del cuaderno; cada vez que se guarda, se escriben.
serve-session = Sesión
serve-steps-in-focus = pasos en foco:
serve-session-saved-in = Las respuestas guardadas se anotan en { $file }.
serve-index-checkline = Revisión: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] { $warnings } advertencia
       *[other] { $warnings } advertencias
    }
serve-questions-open = { $count ->
        [one] { $count } pregunta abierta
       *[other] { $count } preguntas abiertas
    }
serve-join = Para unirse desde un teléfono u otra computadora de esta red, escanee este código: contiene la dirección de esta página con su clave de acceso. Quien pueda verlo puede abrir y modificar el cuaderno mientras el servidor esté funcionando.
serve-populations = Poblaciones
serve-population = Población
serve-answered = Respondida
serve-not-applicable = No aplica
serve-na-short = N/A
serve-deferred = Aplazada
serve-open = Abierta
serve-settled = Resuelto
serve-percent = { $percent } %
serve-no-population = El cuaderno aún no tiene ninguna población. Cree una en la línea de comandos:
serve-check-lead = Lo que covalue check informa sobre el cuaderno tal como está ahora en el disco ({ $form ->
        [short] formulario breve
       *[full] formulario completo
    }), en su orden: problemas por corregir y avances pendientes, cada uno en su pregunta.
serve-check-counts = { $problems ->
        [one] { $problems } problema
       *[other] { $problems } problemas
    } ({ $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] { $warnings } advertencia
       *[other] { $warnings } advertencias
    }) · { $progress ->
        [one] { $progress } nota de avance
       *[other] { $progress } notas de avance
    }
serve-severity = { $severity ->
        [error] error
        [warning] advertencia
       *[other] nota
    }
serve-finding-kind = { $kind ->
        [problem] problema
       *[other] avance
    }
serve-at = en
serve-check-nothing = Nada: covalue check no encuentra ningún problema ni avance que anotar.
serve-progress = Avance
serve-with-problems = Con problemas
serve-questions = Preguntas
serve-check-says-here = Lo que dice covalue check aquí
serve-conflict-title = No se guardó: { $what } cambió desde que se abrió esta página
serve-conflict-help = Alguien (un editor, git pull, otro navegador) lo cambió en { $file } mientras usted escribía; el resto del archivo no estorbaba. No se escribió nada. Ambas versiones están abajo: copie lo que necesite o guarde la suya sobre la otra.
serve-theirs = En el disco ahora (la otra)
serve-theirs-removed = Nada: el texto se quitó del archivo.
serve-theirs-field = En el disco ahora (la otra):
serve-empty = (vacío)
serve-yours = La suya (sin guardar)
serve-save-mine = Guardar la mía sobre la otra
serve-leave-it = Dejarlo así, volver
serve-improvements = Mejoras
serve-improvement = Mejora
serve-add-improvement = Agregar una mejora
serve-kept-in = Se guarda en { $file }
serve-cluster = Grupo
serve-status = Estado
serve-since = Desde
serve-who-leads = Quién la dirige
serve-edit = Editar
serve-no-improvement = Todavía no hay mejoras.
serve-print = Imprimir:
serve-print-short = formulario breve
serve-print-full = formulario completo
serve-print-this = Imprimir este formulario
serve-focus-first = los pasos en foco aparecen primero.
serve-population-counts = { $answered } respondidas · { $na } no aplican · { $deferred } aplazadas · { $open } abiertas (formulario completo)
serve-short-and-steps = Formulario breve y pasos
serve-part = Parte
serve-in-focus = en foco
serve-problems = Problemas
serve-none = Ninguno.
serve-add = Agregar
serve-add-step = un paso
serve-add-persona = una persona tipo
serve-add-measure = una medida
serve-add-an-improvement = una mejora
serve-or-open = o abrir
serve-open-register = el registro de mejoras
serve-open-about = la descripción, las cifras y el equipo de la población
serve-open-map = las perspectivas del mapa del proceso
serve-open-session = el acta de la sesión
serve-process-map = Mapa del proceso
serve-step = Paso
serve-coproduction = Coproducción
serve-opportunity = Oportunidad
serve-personas = Personas tipo
serve-value-compass = Brújula de valor
serve-quadrant = Cuadrante
serve-measure = Medida
serve-latest = Último
serve-saved-part = Se guardó la parte de { $persona }.
serve-lead-text = Texto de introducción (Markdown)
serve-answer-text = Respuesta (Markdown)
serve-walkthrough-lead = El estado y el texto de aquí son la introducción del recorrido, antes de las partes de las personas tipo; la pregunta cuenta como respondida en cuanto la parte de una persona tipo tenga texto. Cada parte tiene su propio cuadro abajo.
serve-reason = Motivo
serve-owner-deferred = Responsable (aplazada)
serve-until-deferred = Hasta (aplazada)
serve-save = Guardar
serve-cancel = Cancelar
serve-writes-to = Escribe en { $file }
serve-each-part = La parte de cada persona tipo
serve-not-walked = Todavía sin recorrer.
serve-part-label = Parte de { $persona } (Markdown)
serve-save-part = Guardar la parte de { $persona }
serve-writes-part = Escribe solo esta parte, en { $file }
serve-saved = Se guardó { $question }{ $answered ->
        [yes] : su cuadro de texto tenía una respuesta, así que ahora está Respondida
       *[no] {""}
    }{ $listed ->
        [yes] , y se anotó en { $file }
       *[no] {""}
    }. La revisión encuentra ahora { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    } en esta población.
serve-owner = responsable: { $owner }
serve-until = hasta { $date }
serve-overdue = (vencida)
serve-full-form-says = Lo que dice el formulario completo:
serve-answer = Responder
serve-edit-on-population = { $kind ->
        [personas] Edite las personas tipo en
        [process-map] Edite el mapa del proceso en
        [value-compass] Edite la brújula de valor en
       *[other] Edítelo en
    }
serve-population-page = la página de la población
serve-crumb = { $kind ->
        [step] Mapa del proceso
        [map] Mapa del proceso
        [measure] Brújula de valor
        [persona] Personas tipo
        [population] Acerca de
        [session] Acta de la sesión
       *[other] Mejoras
    }
serve-heading-new = { $kind ->
        [step] Un paso nuevo
        [measure] Una medida nueva
        [persona] Una persona tipo nueva
       *[other] Una mejora nueva
    }
serve-heading-about = Acerca de { $population }
serve-heading-map = El mapa del proceso de { $population }
serve-heading-session = Sesión { $session }
serve-direction = { $direction ->
        [higher] más alto es mejor
       *[other] más bajo es mejor
    }
serve-values-so-far = Valores hasta ahora
serve-date = Fecha
serve-value = Valor
serve-note = Nota
serve-status-so-far = Estado hasta ahora
serve-id = Identificador
serve-id-hint = (minúsculas, cifras y guiones; se forma a partir { $from ->
        [name] del nombre
       *[other] del título
    } si se deja vacío)
serve-not-said = sin indicar
serve-none-yet = todavía ninguno en el cuaderno
serve-perspectives = Lo que ve cada perspectiva en este paso
serve-composite = Una combinación de varias personas (nunca una persona real)
serve-who-was-there = Quiénes asistieron
serve-name = Nombre
serve-role = Función
serve-remove = Quitar
serve-remove-thing = Quitar { $what }
serve-new-attendee = Un nuevo asistente
serve-their-role = Su función
serve-none-choice = (ninguna)
serve-actions = Acciones
serve-what = Qué
serve-who = Quién
serve-by-when = Para cuándo
serve-done = Hecha
serve-done-tick = hecha
serve-yes = sí
serve-no = no
serve-new-action = Una nueva acción
serve-figures = Cifras
serve-figure = Cifra
serve-value-of = Valor de { $what }
serve-new-figure = Una nueva cifra
serve-its-value = Su valor
serve-team = Equipo
serve-who-is = Quién es { $role }
serve-new-member-role = La función del nuevo miembro
serve-name-or-description = Nombre o descripción
serve-new-value = Un nuevo valor
serve-new-value-hint = Deje el valor vacío para cambiar solo los campos de arriba.
serve-new-status = Un nuevo estado
serve-no-change = (sin cambios)
serve-add-button = Agregar
serve-move-up = Subir
serve-move-down = Bajar
serve-in-file = en { $file }
serve-remove-from-file = { $kind ->
        [step] Quitar este paso del archivo
        [measure] Quitar esta medida del archivo
        [persona] Quitar esta persona tipo del archivo
       *[other] Quitar esta mejora del archivo
    }
serve-remove-delete = Quitar esta persona tipo: borrar { $file }
serve-field-step-title = Título
serve-field-step-actors = Quiénes participan (separados por comas)
serve-field-step-coproduction = Nivel de coproducción
serve-field-step-opportunity = Oportunidad de mejora
serve-field-step-configurations = Configuraciones de valor
serve-field-step-personas = Personas tipo a las que afecta
serve-field-measure-quadrant = Cuadrante (solo medidas de resultado)
serve-field-measure-name = Medida
serve-field-measure-definition = Definición
serve-field-measure-data-source = De dónde vienen los datos
serve-field-measure-baseline = Línea de base
serve-field-measure-target = Meta
serve-field-measure-unit = Unidad
serve-field-measure-direction = Qué dirección es mejor
serve-field-measure-target-value = Meta como número
serve-field-improvement-title = Título
serve-field-improvement-cluster = Grupos de oportunidad (uno o más)
serve-field-improvement-steps = Pasos a los que afecta
serve-field-improvement-configurations = Configuraciones de valor
serve-field-improvement-personas = Personas tipo a las que afecta
serve-field-improvement-owner = Quién la dirige
serve-field-improvement-measures = Medidas que la mostrarán
serve-field-improvement-note = Nota
serve-field-persona-name = Nombre
serve-field-persona-kind = Tipo
serve-field-persona-segment = Segmento que representa
serve-field-persona-share-percent = Parte de la población (%)
serve-field-persona-contacts-per-year = Contactos por año
serve-field-persona-annual-cost = Costo por año
serve-field-persona-currency = Moneda del costo
serve-field-persona-story = Historia (Markdown)
serve-field-session-title = De qué trata la sesión
serve-field-session-facilitator = Quién la dirige
serve-field-session-note-taker = Quién anota las respuestas
serve-field-session-decisions = Lo que decidió el equipo (uno por línea)
serve-field-map-perspectives = Perspectivas desde las que se dibuja el mapa (una por línea)
serve-field-population-name = Nombre
serve-field-population-description = Quiénes son
serve-field-population-setting = Dónde reciben atención
serve-field-population-size-people = Cuántas personas (un número entero)
serve-field-population-size-as-of = Contadas cuándo
serve-field-population-size-note = Cómo se contaron
serve-refused-host = Esta dirección no es la de este servidor
serve-refused-host-help = Abra la dirección que mostró covalue serve.
serve-refused-token = Esta página necesita la dirección con su clave de acceso
serve-refused-token-help = Abra la dirección que mostró covalue serve, con ?token=… al final.
serve-refused-unreadable = No se pudo leer el formulario
serve-send-again = Envíelo de nuevo.
serve-refused-csrf = Este formulario no viene de una página de este servidor
serve-refused-csrf-help = Abra de nuevo la página desde la dirección que mostró covalue serve y guarde desde allí.
serve-not-found = Esa página no existe
serve-not-found-help = Vuelva a la lista de poblaciones.
serve-error-page = No se puede mostrar esta página
serve-error-workbook-unreadable = No se puede leer el cuaderno
serve-error-file-unreadable = No se puede leer { $file }
serve-error-file-unwritable = No se puede escribir { $file }
serve-error-file-unremovable = No se puede quitar { $file }
serve-error-report = No se puede hacer el informe
serve-error-see-terminal = Lo que salió mal está escrito en la ventana donde se ejecuta covalue serve.

## Lo que no hizo un guardado, y por qué.
serve-not-saved = No se guardó nada: { $reason }.
serve-not-changed = No se cambió nada: { $reason }.
serve-not-saved-unreadable = No se guardó nada: el archivo quedaría mal escrito en { $place }: { $problem }.
serve-not-saved-gone = No se guardó nada: { $kind ->
        [step] el paso
        [measure] la medida
        [persona] la persona tipo
       *[other] la mejora
    } `{ $id }` ya no está en el cuaderno (alguien lo quitó o cambió su identificador). Copie lo que escribió y vuelva a agregarlo.
serve-not-saved-composite = No se guardó: alguien cambió si esta persona tipo es una combinación mientras usted escribía. Mire de nuevo la casilla y guarde.
serve-not-saved-clash = No se guardó: alguien cambió { $fields } de { $kind ->
        [step] este paso
        [measure] esta medida
        [persona] esta persona tipo
       *[other] esta mejora
    } mientras usted escribía. Ambas versiones se muestran en cada campo; la suya sigue en el formulario. Guarde de nuevo para conservar la suya.
serve-not-moved = No se movió ni se quitó nada: alguien cambió { $kind ->
        [step] este paso
        [measure] esta medida
        [persona] esta persona tipo
       *[other] esta mejora
    } desde que se abrió la página. Aquí está como está ahora; inténtelo de nuevo.
serve-not-removed-tick = No se quitó nada: marque la casilla para indicar que quiere quitar { $kind ->
        [step] este paso
        [measure] esta medida
        [persona] esta persona tipo
       *[other] esta mejora
    }.
serve-not-removed-changed = No se quitó nada: alguien cambió esta persona tipo desde que se abrió la página. Aquí está como está ahora; inténtelo de nuevo.
serve-not-removed-named = No se quitó nada: { $count ->
        [one] { $names } todavía menciona
       *[other] { $names } todavía mencionan
    } a esta persona tipo. Desmárquela allí primero y luego quítela.
serve-not-saved-taken = No se guardó nada: ya existe { $kind ->
        [step] un paso
        [measure] una medida
        [persona] una persona tipo
       *[other] una mejora
    } `{ $id }`; dele otro identificador.
serve-not-saved-not-text = No se guardó nada: { $file } no es texto UTF-8; corríjalo en un editor.
serve-not-saved-no-file = No se guardó nada: no existe { $file }; cree los archivos de la población con `covalue new population`.
serve-not-saved-file-taken = No se guardó nada: ya existe un archivo { $file }; dele otro identificador a esta persona tipo.
serve-conflict-answer = la respuesta a «{ $question }»
serve-conflict-part = la parte de { $persona } en «{ $question }»

## La carpeta de la sesión (covalue session pack).
pack-page-title = Sesión { $session } · { $title }
pack-footer-session = sesión { $session }
pack-printed = impreso el { $date }
pack-printed-at = { $revision } · impreso el { $date }
pack-session = Sesión { $session }
pack-facilitator = Facilitador
pack-note-taker = Quien toma notas
pack-populations = Poblaciones
pack-since = Desde { $since }:
pack-since-own-commit = la versión (commit) en que se creó el acta de esta sesión ({ $commit })
pack-since-last-session = la última sesión ({ $session }, commit { $commit })
pack-first-session = Esta es la primera sesión del equipo: no hay nada anterior con qué comparar.
pack-nothing-changed = Nada ha cambiado desde entonces.
pack-changes-unshown = No se pueden mostrar los cambios: { $reason }.
pack-no-commit = Ninguna sesión anterior registra una versión (commit), así que todavía no hay nada con qué comparar.
pack-agenda = Orden del día
pack-no-focus = Todavía no hay pasos en foco: el facilitador indica los pasos de la sesión en su acta.
pack-changes = Qué cambió desde la última sesión
pack-changes-since = Desde { $since }, hasta el cuaderno tal como está ahora.
pack-open-items = Puntos abiertos
pack-open-items-note = Lo que sigue abierto o aplazado en los pasos de esta sesión, y lo que informa la revisión del cuaderno sobre ellos.
pack-item-state = { $state ->
        [deferred] Aplazada{ $overdue ->
            [yes] , fecha vencida
           *[no] {""}
        }
       *[other] Abierta{ $overdue ->
            [yes] , fecha vencida
           *[no] {""}
        }
    }
pack-owner = Responsable
pack-by = para el
pack-found = { $kind ->
        [problem] Problema
        [past-due] Vencida
       *[other] Pendiente
    }
pack-step-done = Todas las preguntas de este paso están respondidas o no aplican, y la revisión no informa nada sobre él.
pack-earlier-actions = Acciones aún abiertas de sesiones anteriores
pack-what = Qué
pack-due = Fecha límite
pack-session-column = Sesión
pack-current-answers = Respuestas actuales
pack-setting = Ámbito de atención
pack-size = Tamaño
pack-figures = Cifras
pack-figure = Cifra
pack-value = Valor
pack-team = El equipo
pack-date-passed = fecha vencida
pack-map-steps = Los pasos del mapa del proceso
pack-step = Paso
pack-who = Quién
pack-coproduction-today = Coproducción hoy
pack-coproduction-level = Nivel de coproducción
pack-opportunity = Oportunidad
pack-configuration = Configuración
pack-active = (activa)
pack-compass-caption = Brújula de valor de { $population }: las medidas de cada cuadrante. El formulario completo define cada medida.
pack-not-written = Todavía sin escribir.
pack-not-answered = Todavía sin responder.
pack-measures-over-time = Medidas a lo largo del tiempo
pack-chart-caption = { $measure }: { $latest }. Puntos en orden cronológico; la línea discontinua es la mediana.
pack-worksheets = Hojas de trabajo
pack-worksheets-note = Escriba las respuestas del equipo debajo de cada pregunta, y la parte de cada persona tipo de un recorrido en su propio cuadro. Quien toma notas copia la marca entre llaves del margen en las notas pasadas en limpio, encima de la respuesta a la que corresponde: así las respuestas encuentran su lugar en el cuaderno.
pack-persona = Persona tipo:
pack-legend-levels = Nivel de coproducción:
pack-legend-configurations = Configuraciones:
pack-legend-star = Marque una oportunidad con ★.
pack-steps-range = Pasos { $first } a { $last }
pack-blank-map-caption = Mapa del proceso vacío para completar: pasos { $first } a { $last }
pack-attendance = Asistencia
pack-roles = Funciones: paciente o familiar colaborador, médico, enfermería, operaciones, finanzas, comunidad, otra.
pack-name = Nombre
pack-role = Función
pack-signature = Firma

serve-field-measure-kind = Tipo de medida (resultado si se deja vacío)
serve-field-measure-frequency = Con qué frecuencia se toma
serve-measure-kind-outcome = resultado (en un cuadrante de la brújula de valor)
serve-measure-kind-process = proceso (cómo se hace el trabajo)
serve-measure-kind-balancing = equilibrio (lo que podría empeorar)
serve-field-improvement-learning = Qué aprendió el equipo de ella
serve-field-improvement-exemplar = Por qué otros sitios podrían aprender de ella (la marca como ejemplo)
pack-md-worksheets-note = Escriban las respuestas del equipo bajo cada encabezado, conservando su `{"{"}#id{"}"}`: `covalue import` pone cada una en su lugar, y la parte de cada persona de un recorrido bajo esa persona.
