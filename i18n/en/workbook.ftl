# The words covalue writes into a new workbook's files (a person edits them
# afterwards): the default title and the notes it adds to a question's prompt.

# The title `covalue init` gives a workbook when none is given.
wb-title = Coproduction value workbook: { $name }
# Added to the prompt of a question answered by the persona files.
wb-prompt-personas = Answered by the files in personas/; notes about the population go here.
# Added to the prompt of a question answered by the process map.
wb-prompt-process-map = Answered by process-map.toml; notes about the map go here.
# Added to the prompt of a question answered by the value compass.
wb-prompt-compass = Answered by value-compass.toml; notes about the measures go here.
# Added to a walk-through's prompt. $example is a sub-heading as it is typed
# (`### Sara {#sara}`); $configuration is the step's configuration.
wb-prompt-walkthrough = Add one sub-heading per persona, such as { $example }, saying how that person meets the { $configuration }.
