# Las palabras que covalue escribe en los archivos de un cuaderno nuevo.

wb-title = Cuaderno de trabajo de creación de valor en la coproducción: { $name }
wb-prompt-personas = Se responde con los archivos de personas/; las notas sobre la población van aquí.
wb-prompt-process-map = Se responde con process-map.toml; las notas sobre el mapa van aquí.
wb-prompt-compass = Se responde con value-compass.toml; las notas sobre las medidas van aquí.
wb-prompt-walkthrough = Agregue un subtítulo por persona, como { $example }, que diga cómo esa persona se encuentra con la configuración { $configuration }.

wb-population-about = Quiénes forman esta población. Vea docs/format.md para todas las claves.
wb-example-setting = Consulta externa, centro regional
wb-example-size-note = De dónde sale el número
wb-example-figure-label = Edad mediana
wb-example-figure-value = 49 años
wb-population-roles =
    Roles: team-lead, clinical, nurse, operations, finance, patient-partner,
    family-partner, community-member, facilitator, other (y los que agregue la guía)
wb-example-team-name = Enfermera clínica especialista
wb-process-about = Una vista general del servicio en { $min } a { $max } pasos, en orden.
wb-process-copy = Copie el bloque [[step]] de abajo para cada paso y quite los signos #.
wb-example-step-title = Primer contacto con la clínica
wb-example-opportunity = Qué podría mejorar aquí
wb-compass-copy = Copie el bloque [[measure]] de abajo para cada medida y quite los signos #.
wb-example-measure-name = Qué se mide
wb-example-measure-definition = A quiénes se cuenta, cómo se mide y en qué período
wb-example-measure-source = De dónde vienen los datos
wb-example-measure-baseline = El valor actual
wb-example-measure-target = El valor buscado
wb-example-segment = Diagnóstico reciente, en edad de trabajar
wb-persona-prompt = Un compuesto de varias personas, nunca una persona real. ¿Qué le importa a { $name }? ¿Cómo es su semana? ¿Cómo y cuándo se encuentra con la atención, y qué le ayuda o le dificulta?
wb-session-about =
    Una sesión del equipo. `covalue check` revisa este archivo; `covalue import` devuelve
    las notas de la sesión, ya pasadas en limpio, a los archivos de respuestas.
wb-session-decisions = Lo que decidió el equipo, una decisión por línea.
wb-session-attendees = Quiénes vinieron, cada uno con un rol: { $roles }.
wb-session-actions = Lo que alguien hará y para cuándo; agregue done = true cuando esté hecho.

wb-readme =
    # Nuestro cuaderno de creación de valor en la coproducción

    Esta carpeta es nuestra autoevaluación, llevada con covalue: archivos de
    texto simple cuya historia guarda git.

    - `populations/<nombre>/` contiene una población: `population.toml`, las
      personas en `personas/`, el mapa del proceso, la brújula de valor y
      nuestras respuestas a la guía en `answers/`, un archivo por paso.
    - Responda bajo el encabezado de cada pregunta. Conserve el { $id } al
      final del encabezado: así encuentra covalue la respuesta. Empiece una
      respuesta con `No aplica:` o `Aplazada:` y un motivo cuando así sea.
    - Las personas son compuestos, nunca pacientes reales: ni nombres, ni
      fechas de nacimiento, ni teléfonos, ni números de identidad de personas
      reales.

    Antes de una sesión:

    ```
    covalue check                      # lo que está abierto o mal
    covalue render --form short        # el formulario corto para imprimir, en out/
    covalue diff session-2             # lo que cambió desde la etiqueta session-2
    ```

    Después de una sesión, haga un commit y etiquételo: `git tag session-3`.

wb-compass-limits = La brújula de valor: { $basis ->
        [published] la guía publicada pide
        [convention] la convención de esta guía es
       *[suggested] la guía sugiere
    } de { $min } a { $max } medidas, { $per ->
        [any] cualquier número
        [at-least] al menos { $permin }
        [exactly] exactamente { $permin }
       *[range] de { $permin } a { $permax }
    } por cuadrante.
wb-session-dirty = El libro de trabajo tenía cambios aún sin confirmar cuando se escribió esto.
wb-session-no-git = el libro de trabajo no estaba en git cuando se escribió esto.
