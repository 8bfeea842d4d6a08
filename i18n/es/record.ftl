# Las palabras de la columna "con problemas" de los resúmenes y de los
# nombres de los roles en las páginas (ids rec-). Español, borrador.

rec-col-with-problems = Con problemas
rec-n-with-problems = { $count } con problemas
rec-completeness-problems = Una respuesta en la que covalue check encuentra un error o una advertencia cuenta como respondida con problemas: no está resuelta hasta que se corrija el problema.
rec-focus-counts = Las preguntas de los pasos en foco para { $population }
rec-roles = Funciones: { $roles }.
