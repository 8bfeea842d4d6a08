# covalue serve: las páginas que rechazan una solicitud que el servidor no
# pudo recibir (demasiado grande, demasiado lenta, mal formada), y lo que
# estaba mal en un formulario que no se guardó.

http-crowded = El servidor está ocupado
http-crowded-help = Hay demasiadas conexiones abiertas; inténtelo de nuevo en unos segundos.
http-busy = El servidor está ocupado
http-busy-help = Se están enviando otros formularios; guarde de nuevo en unos segundos.
http-head-late = La solicitud no llegó a tiempo
http-head-late-help = Abra la página de nuevo.
http-body-late = El formulario no llegó a tiempo
http-body-late-help = Revise la conexión de red y guarde de nuevo.
http-head-too-large = Los encabezados de la solicitud son demasiado grandes
http-head-too-large-help = Abra la dirección que mostró covalue serve; si sigue fallando, borre las cookies de este servidor.
http-too-many-headers = La solicitud tiene demasiados encabezados
http-too-many-headers-help = Abra en un navegador la dirección que mostró covalue serve.
http-malformed = Esta solicitud no es de las que envía un navegador
http-malformed-help = Abra en un navegador la dirección que mostró covalue serve.
http-version = Aquí solo se habla HTTP/1.1
http-version-help = Abra en un navegador la dirección que mostró covalue serve.
http-chunked = Este formulario se envió por partes
http-chunked-help = Envíelo con su longitud (Content-Length), como hacen los navegadores.
http-no-length = Este formulario no indica su longitud
http-no-length-help = Envíelo con su longitud (Content-Length), como hacen los navegadores.
http-bad-length = No se puede leer la longitud de este formulario
http-bad-length-help = Envíelo de nuevo desde la página.
http-too-large = Este formulario es demasiado grande
http-too-large-help = Una respuesta de unas pocas páginas está bien; guarde los documentos largos entre los archivos del cuaderno.
http-method = Este servidor solo muestra páginas y guarda formularios
http-method-help = Abra en un navegador la dirección que mostró covalue serve.

# Lo que estaba mal en un formulario (después de "No se guardó nada: ").
http-field-empty = { $field }: no puede quedar vacío
http-field-not-number = { $field }: `{ $value }` no es un número; escriba cifras, como 21 o 3.5 (con punto)
http-field-choose-one = { $field }: elija una opción de la lista
http-field-tick-one = { $field }: marque al menos una
http-field-not-in-list = { $field }: `{ $value }` no está en la lista
http-not-in-workbook = { $name } (no está en el cuaderno)
http-what-sees = lo que ve { $perspective }
http-figure-needs-both = un dato necesita una etiqueta y un valor
http-not-a-role = `{ $value }` no es un rol
http-team-role = elija el rol del miembro del equipo
http-attendee-needs = un participante necesita un nombre (o una descripción) y un rol
http-action-what = diga cuál es la acción
http-not-a-date = `{ $value }` no es una fecha: escríbala como AAAA-MM-DD
http-value-not-number = `{ $value }` no es un número: escriba cifras, como 58 o 2.4 (con punto)
http-not-a-state = `{ $value }` no es un estado de la guía
http-answer-needs-text = una pregunta respondida necesita una respuesta: escríbala en el cuadro de texto o elija otro estado
http-na-needs-reason = diga por qué la pregunta no aplica: escriba el motivo
http-deferred-needs-reason = diga por qué se pospone la pregunta: escriba el motivo
http-unknown-status = estado desconocido `{ $status }`
http-open-with-text = el cuadro de texto tiene una respuesta, pero el estado es Abierta: elija Respondida para guardarla, o vacíe el cuadro
http-not-text = { $file } no es texto UTF-8
http-fix-in-editor = Corríjalo en un editor de texto y abra la página de nuevo.
http-record-gone = { $kind ->
        [step] El paso
        [measure] La medida
       *[other] La mejora
    } `{ $id }` ya no está en { $file }
http-record-gone-help = Alguien lo quitó o cambió su identificador mientras tanto. Vuelva a la página de la población.
http-inline-sub = { $kind ->
        [measure] esta medida está escrita en una sola línea en { $file }; agregue su valor en un editor de texto
       *[other] esta mejora está escrita en una sola línea en { $file }; agregue su estado en un editor de texto
    }
http-item-gone = { $item ->
        [figure] el dato
        [team] el miembro del equipo
        [attendees] el participante
       *[other] la acción
    } que marcó para quitar no está en { $file } como lo mostraba la página: alguien lo cambió o lo quitó mientras tanto; mire la lista de nuevo
http-action-gone = la acción que marcó como hecha no está en { $file } como la mostraba la página: alguien la cambió o la quitó mientras tanto; mire la lista de nuevo
http-edit-unreadable = { $file } no se puede leer tal como está ahora, así que covalue no lo cambiará: { $why }
http-edit-missing = { $file } ya no tiene lo que cambia este formulario ({ $what }); abra la página de nuevo
http-edit-would-break = el cambio dejaría { $file } ilegible ({ $why }); no se escribió nada
http-edit-by-hand = `{ $what }` en { $file } { $why ->
        [list] no está escrito como una lista entre corchetes
        [inline] está escrito en una sola línea
        [line] no está escrito en una sola línea
       *[table] no es una tabla
    }; cámbielo en un editor de texto
http-part-open-fence = la línea { $line } del texto, `{ $text }`, abre un bloque de código que nunca se cierra, así que ocultaría las partes de las personas tipo que vienen después. No se guardó nada: ciérrelo con las mismas marcas en una línea propia.
http-part-high-heading = la línea { $line } del texto, `{ $text }`, es un título al nivel de las partes de las personas tipo o más alto, así que terminaría esta parte ahí. No se guardó nada: escriba subtítulos con { $marks } o más, y la parte de cada persona tipo en su propio cuadro.
http-part-unknown-persona = Ninguna persona tipo de esta población tiene el identificador `{ $id }`: esta parte se muestra bajo su propio título. Cambie el identificador por el de una persona tipo, o agregue la persona tipo.
http-people-whole = escriba cuántas personas como un número entero, como 640
http-figure-needs = { $key ->
        [label] un dato necesita su etiqueta
       *[other] un dato necesita su valor
    }: escríbalo, o marque la casilla para quitar el dato
http-item-changed-gone = { $item ->
        [figure] el dato
       *[other] el miembro del equipo
    } que cambió no está en { $file } como lo mostraba la página: alguien lo cambió o lo quitó mientras tanto; mire la lista de nuevo
http-bad-id = "{ $id }" no se puede usar como identificador: use letras minúsculas, cifras y guiones simples (sin espacios, barras ni puntos), por ejemplo "{ $example }"
http-stray-own = la línea { $line } del texto, `{ $heading }`, es un título con el identificador de esta misma pregunta, así que la pregunta tendría dos títulos. No se guardó nada: quite `{ $mark }` de ese título (o el título entero).
http-stray-other = la línea { $line } del texto, `{ $heading }`, es un título con el identificador de la pregunta `{ $id }`, cuya respuesta tomaría. No se guardó nada: quite `{ $mark }` de ese título (o el título entero); para responder la pregunta `{ $id }`, dele su propio título al mismo nivel que las demás.
http-qr-label = Código QR con la dirección de esta página y su clave de acceso
