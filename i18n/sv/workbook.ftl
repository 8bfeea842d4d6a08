# Orden covalue skriver i en ny arbetsboks filer.

wb-title = Arbetsbok för värdeskapande genom samproduktion: { $name }
wb-prompt-personas = Besvaras av filerna i personas/; anteckningar om populationen skrivs här.
wb-prompt-process-map = Besvaras av process-map.toml; anteckningar om processkartan skrivs här.
wb-prompt-compass = Besvaras av value-compass.toml; anteckningar om måtten skrivs här.
wb-prompt-walkthrough = Lägg till en underrubrik per persona, till exempel { $example }, och beskriv hur den personen möter konfigurationen { $configuration }.

wb-population-about = Vilka som hör till populationen. Se docs/format.md för alla nycklar.
wb-example-setting = Öppenvårdsmottagning, länssjukhus
wb-example-size-note = Varifrån siffran kommer
wb-example-figure-label = Medianålder
wb-example-figure-value = 49 år
wb-population-roles =
    Roller: team-lead, clinical, nurse, operations, finance, patient-partner,
    family-partner, community-member, facilitator, other (och de som guiden lägger till)
wb-example-team-name = Specialistsjuksköterska
wb-process-about = En överblick över tjänsten i { $min } till { $max } steg, i ordning.
wb-process-copy = Kopiera blocket [[step]] nedan för varje steg och ta bort tecknen #.
wb-example-step-title = Första kontakten med mottagningen
wb-example-opportunity = Vad som kunde bli bättre här
wb-compass-copy = Kopiera blocket [[measure]] nedan för varje mått och ta bort tecknen #.
wb-example-measure-name = Vad som mäts
wb-example-measure-definition = Vilka som räknas, hur det mäts och under vilken period
wb-example-measure-source = Varifrån data kommer
wb-example-measure-baseline = Värdet i dag
wb-example-measure-target = Målvärdet
wb-example-segment = Nyligen diagnostiserade, i arbetsför ålder
wb-persona-prompt = En sammansatt bild av flera personer, aldrig en verklig person. Vad är viktigt för { $name }? Hur ser veckan ut? Hur och när möter personen vården, och vad hjälper eller hindrar?
wb-session-about =
    Ett teammöte. `covalue check` kontrollerar filen; `covalue import` för
    tillbaka de renskrivna anteckningarna från mötet till svarsfilerna.
wb-session-decisions = Vad teamet beslutade, ett beslut per rad.
wb-session-attendees = Vilka som deltog, var och en med en roll: { $roles }.
wb-session-actions = Vad någon ska göra och till när; lägg till done = true när det är gjort.

wb-readme =
    # Vår arbetsbok för värdeskapande genom samproduktion

    Den här mappen är vår självskattning, förd med covalue: vanliga textfiler
    vars historik git sparar.

    - `populations/<namn>/` rymmer en population: `population.toml`, våra personas
      i `personas/`, processkartan, värdekompassen och våra svar på guidens
      frågor i `answers/`, en fil per steg.
    - Svara under varje frågas rubrik. Behåll { $id } i slutet av rubriken:
      det är så covalue hittar svaret. Börja ett svar med `Ej tillämplig:`
      eller `Uppskjuten:` och ett skäl när det är så det ligger till.
    - Personas är sammansatta bilder, aldrig verkliga patienter: inga namn,
      födelsedatum, telefonnummer eller personnummer för verkliga personer.

    Före ett möte:

    ```
    covalue check                      # vad som är öppet eller fel
    covalue render --form short        # kortversionen att skriva ut, i out/
    covalue diff session-2             # vad som ändrats sedan taggen session-2
    ```

    Efter ett möte: gör en commit och tagga den: `git tag session-3`.

wb-compass-limits = Värdekompassen: { $basis ->
        [published] den publicerade guiden ber om
        [convention] den här guidens praxis är
       *[suggested] guiden föreslår
    } { $min } till { $max } mått, { $per ->
        [any] hur många som helst
        [at-least] minst { $permin }
        [exactly] exakt { $permin }
       *[range] { $permin } till { $permax }
    } per kvadrant.
wb-session-dirty = Arbetsboken hade ändringar som ännu inte var incheckade när detta skrevs.
wb-session-no-git = arbetsboken låg inte i git när detta skrevs.
