# El paquete de las sesiones de la comunidad (`covalue network session pack`)
# en español: un borrador de traducción.

## La página y su pie.
cpack-page-title = { $kind } { $date } · { $network }
cpack-footer-session = { $kind } { $date }
cpack-made = hecho el { $date } a partir de las versiones descargadas

## Tipos de sesión.
cpack-kind-webinar = Seminario web
cpack-kind-in-person = Reunión presencial
cpack-kind-coaching-call = Llamada de acompañamiento
cpack-kind-workshop = Taller
cpack-kind-other = Sesión de la comunidad

## La portada y el orden del día.
cpack-facilitator = Facilitador/a
cpack-note-taker = Encargado/a de las notas
cpack-sites = Sitios
cpack-agenda = Orden del día
cpack-agenda-actions = Acciones de sesiones anteriores
cpack-agenda-none-open = ninguna pendiente.
cpack-agenda-open = { $open } todavía pendientes.
cpack-agenda-open-overdue = { $open } todavía pendientes, { $overdue } con la fecha vencida.
cpack-agenda-since = desde la última sesión ({ $session })
cpack-agenda-exemplars = respuestas y mejoras para que los demás las lean.
cpack-agenda-decisions = Decisiones y nuevas acciones
cpack-agenda-decisions-about = quién hace qué y para cuándo.

## Qué cambió en cada sitio.
cpack-changes = Qué cambió en cada sitio
cpack-changes-since = Desde la sesión { $session }, según la última versión descargada de cada sitio ({ $command }).
cpack-changes-first = No hay una sesión anterior con la que comparar; cada sitio según su última descarga ({ $command }).
cpack-site-not-fetched = todavía no descargado: ejecute { $command } antes de la sesión
cpack-site-not-fetched-because = no descargado: { $why }
cpack-site-first = no hay una sesión anterior con la que comparar
cpack-site-unchanged = nada nuevo desde el { $since }
cpack-site-changed = trabajo nuevo desde el { $since } (versión { $commit } del { $date })
cpack-site-changed-undated = trabajo nuevo desde el { $since } (versión { $commit })
cpack-site-revision = descargado: versión { $commit } del { $date }
cpack-site-revision-undated = descargado: versión { $commit }
cpack-site-now = ahora { $settled } de { $total } resueltas, { $open } abiertas, { $problems ->
    [one] { $problems } problema
   *[other] { $problems } problemas
}
cpack-col-site = Sitio
cpack-col-commit = Versión
cpack-col-date = Fecha
cpack-col-since = Desde la última sesión
cpack-col-settled = Resueltas
cpack-col-open = Abiertas
cpack-col-problems = Problemas
cpack-state-changed = trabajo nuevo
cpack-state-unchanged = nada nuevo
cpack-state-new = primera sesión

## Presentaciones y ejemplos destacados.
cpack-presentations = Presentaciones
cpack-col-what = Qué
cpack-col-about = Sobre
cpack-col-notes = Notas
cpack-about-both = pregunta { $question }, mejora { $improvement }
cpack-about-question = pregunta { $question }
cpack-about-improvement = mejora { $improvement }
cpack-exemplars = Ejemplos destacados
cpack-no-exemplars = Todavía no hay ninguna respuesta ni mejora marcada como ejemplo destacado.

## Acciones.
cpack-actions = Acciones
cpack-decided = Decidido
cpack-col-owner = Responsable
cpack-col-due = Fecha límite
cpack-col-session = Sesión
cpack-col-done = ¿Hecho?
cpack-date-passed = fecha vencida
cpack-no-open-actions = No hay ninguna acción pendiente de una sesión anterior.
cpack-new-actions = Nuevas acciones

## La hoja de asistencia.
cpack-attendance = Asistencia
cpack-roles = Roles: { $roles }.
cpack-role-coordinator = Coordinador/a
cpack-col-name = Nombre
cpack-col-role = Rol
cpack-col-signature = Firma
