# Textos de página de covalue en español (borrador de traducción).

test-greeting = Hola { $name }

form-short = Formulario breve
form-full = Formulario completo
form-register = Registro de mejoras

page-number = página { $page } de { $pages }
