# Orden covalue skriver i en ny arbetsboks filer.

wb-title = Arbetsbok för värdeskapande genom samproduktion: { $name }
wb-prompt-personas = Besvaras av filerna i personas/; anteckningar om populationen skrivs här.
wb-prompt-process-map = Besvaras av process-map.toml; anteckningar om processkartan skrivs här.
wb-prompt-compass = Besvaras av value-compass.toml; anteckningar om måtten skrivs här.
wb-prompt-walkthrough = Lägg till en underrubrik per persona, till exempel { $example }, och beskriv hur den personen möter konfigurationen { $configuration }.
