# Las palabras que covalue escribe en los archivos de un cuaderno nuevo.

wb-title = Cuaderno de trabajo de creación de valor en la coproducción: { $name }
wb-prompt-personas = Se responde con los archivos de personas/; las notas sobre la población van aquí.
wb-prompt-process-map = Se responde con process-map.toml; las notas sobre el mapa van aquí.
wb-prompt-compass = Se responde con value-compass.toml; las notas sobre las medidas van aquí.
wb-prompt-walkthrough = Agregue un subtítulo por persona, como { $example }, que diga cómo esa persona se encuentra con la configuración { $configuration }.
