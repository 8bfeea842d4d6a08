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

# Comments and example values in a new workbook's TOML and persona files.
# A message of several lines is written as several comment lines.
wb-population-about = Who this population is. See docs/format.md for every key.
wb-example-setting = Outpatient clinic, regional centre
wb-example-size-note = Where the number comes from
wb-example-figure-label = Median age
wb-example-figure-value = 49 years
wb-population-roles =
    Roles: team-lead, clinical, nurse, operations, finance, patient-partner,
    family-partner, community-member, facilitator, other (and any the guide adds)
wb-example-team-name = Clinical nurse specialist
wb-process-about = A bird's-eye view of the service in { $min } to { $max } steps, in order.
wb-process-copy = Copy the [[step]] block below for each step and remove the # signs.
wb-example-step-title = First contact with the clinic
wb-example-opportunity = What could be better here
wb-compass-copy = Copy the [[measure]] block below for each measure and remove the # signs.
wb-example-measure-name = What is measured
wb-example-measure-definition = Who is counted, how it is measured, over what period
wb-example-measure-source = Where the data come from
wb-example-measure-baseline = The value today
wb-example-measure-target = The value aimed for
wb-example-segment = Recently diagnosed, working age
# The prompt of a new persona's file. $name is the persona's name.
wb-persona-prompt = A composite of several people, never one real person. What matters to { $name }? What does their week look like? How and when do they meet care, and what helps or hinders?
wb-session-about =
    A team session. `covalue check` checks this file; `covalue import` puts
    the typed-up notes of the session back into the answer files.
wb-session-decisions = What the team decided, one line each.
# $roles: the role ids, which stay as they are.
wb-session-attendees = Who came, each with a role: { $roles }.
wb-session-actions = What someone will do, by when; add done = true when it is done.

# The README `covalue init` writes, in Markdown. $id is `{#id}`, as typed.
wb-readme =
    # Our coproduction value workbook

    This folder is our self-assessment, kept with covalue: plain text files that
    git keeps the history of.

    - `populations/<name>/` holds one population: `population.toml`, the personas
      in `personas/`, the process map, the value compass, and our answers to the
      guide in `answers/`, one file per step.
    - Answer under each question's heading. Keep the { $id } at the end of the
      heading: it is how covalue finds the answer. Start an answer with
      `Not applicable:` or `Deferred:` and a reason when that is the truth.
    - Personas are composites, never real patients: no names, birth dates, phone
      numbers or identity numbers of real people.

    Before a session:

    ```
    covalue check                      # what is open or wrong
    covalue render --form short        # the printable short form, in out/
    covalue diff session-2             # what changed since the tag session-2
    ```

    After a session, commit and tag it: `git tag session-3`.

# The value compass's limits, the first comment of value-compass.toml.
# $basis: published, convention or suggested; $per: any, at-least, exactly
# or range (of $permin to $permax measures in each quadrant).
wb-compass-limits = The value compass: { $basis ->
        [published] the published guide asks for
        [convention] this guide's convention is
       *[suggested] the guide suggests
    } { $min } to { $max } measures, { $per ->
        [any] any number
        [at-least] at least { $permin }
        [exactly] exactly { $permin }
       *[range] { $permin } to { $permax }
    } per quadrant.
wb-session-dirty = The workbook had changes not yet committed when this was written.
wb-session-no-git = the workbook was not in git when this was written.
