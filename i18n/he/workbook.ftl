# המילים ש-covalue כותב בקבצים של חוברת עבודה חדשה.

wb-title = חוברת עבודה ליצירת ערך בהפקה משותפת: { $name }
wb-prompt-personas = התשובה נמצאת בקבצים שבתיקייה personas/; הערות על האוכלוסייה נכתבות כאן.
wb-prompt-process-map = התשובה נמצאת בקובץ process-map.toml; הערות על המפה נכתבות כאן.
wb-prompt-compass = התשובה נמצאת בקובץ value-compass.toml; הערות על המדדים נכתבות כאן.
wb-prompt-walkthrough = הוסיפו כותרת משנה לכל פרסונה, למשל { $example }, ותארו איך האדם הזה פוגש את התצורה { $configuration }.

wb-population-about = מי שייכים לאוכלוסייה. כל המפתחות מתוארים ב-docs/format.md.
wb-example-setting = מרפאת חוץ, מרכז אזורי
wb-example-size-note = מאיפה המספר
wb-example-figure-label = גיל חציוני
wb-example-figure-value = 49 שנים
wb-population-roles =
    תפקידים: team-lead, clinical, nurse, operations, finance, patient-partner,
    family-partner, community-member, facilitator, other (ועוד תפקידים שהמדריך מוסיף)
wb-example-team-name = אח/ות קליני/ת מומחה/ית
wb-process-about = מבט על על השירות ב-{ $min } עד { $max } שלבים, לפי הסדר.
wb-process-copy = העתיקו את הבלוק [[step]] שלמטה לכל שלב והסירו את סימני ה-#.
wb-example-step-title = הפנייה הראשונה למרפאה
wb-example-opportunity = מה אפשר לשפר כאן
wb-compass-copy = העתיקו את הבלוק [[measure]] שלמטה לכל מדד והסירו את סימני ה-#.
wb-example-measure-name = מה נמדד
wb-example-measure-definition = מי נספר, איך מודדים ובאיזו תקופה
wb-example-measure-source = מאיפה הנתונים מגיעים
wb-example-measure-baseline = הערך היום
wb-example-measure-target = ערך היעד
wb-example-segment = מאובחנים לאחרונה, בגיל העבודה
wb-persona-prompt = דמות מורכבת מכמה אנשים, אף פעם לא אדם אמיתי אחד. מה חשוב ל{ $name }? איך נראה השבוע שלהם? איך ומתי הם פוגשים את מערכת הבריאות, ומה עוזר או מפריע?
wb-session-about =
    מפגש צוות. `covalue check` בודק את הקובץ הזה; `covalue import` מחזיר
    את הסיכומים המוקלדים של המפגש לקובצי התשובות.
wb-session-decisions = מה הצוות החליט, החלטה אחת בכל שורה.
wb-session-attendees = מי השתתף, כל אחד עם תפקיד: { $roles }.
wb-session-actions = מה מישהו יעשה ועד מתי; הוסיפו done = true כשזה נעשה.

wb-readme =
    # חוברת העבודה שלנו ליצירת ערך בהפקה משותפת

    התיקייה הזו היא ההערכה העצמית שלנו, המתנהלת ב-covalue: קובצי טקסט פשוטים
    ש-git שומר את ההיסטוריה שלהם.

    - `populations/<name>/` מכילה אוכלוסייה אחת: `population.toml`, הפרסונות
      בתיקייה `personas/`, מפת התהליך, מצפן הערך והתשובות שלנו לשאלות המדריך
      בתיקייה `answers/`, קובץ אחד לכל שלב.
    - עונים מתחת לכותרת של כל שאלה. משאירים את { $id } בסוף הכותרת: כך
      covalue מוצא את התשובה. כשזה המצב, פותחים את התשובה ב-`לא רלוונטי:`
      או ב-`נדחה:` ובסיבה.
    - הפרסונות מורכבות מכמה אנשים, אף פעם לא מטופלים אמיתיים: בלי שמות,
      תאריכי לידה, מספרי טלפון או מספרי זהות של אנשים אמיתיים.

    לפני מפגש:

    ```
    covalue check                      # מה פתוח או שגוי
    covalue render --form short        # הגרסה המקוצרת להדפסה, בתיקייה out/
    covalue diff session-2             # מה השתנה מאז התגית session-2
    ```

    אחרי מפגש, עושים commit ומתייגים: `git tag session-3`.

wb-compass-limits = מצפן הערך: { $basis ->
        [published] המדריך שפורסם מבקש
        [convention] המוסכמה של מדריך זה היא
       *[suggested] המדריך מציע
    } { $min } עד { $max } מדדים, { $per ->
        [any] כל מספר
        [at-least] לפחות { $permin }
        [exactly] בדיוק { $permin }
       *[range] { $permin } עד { $permax }
    } בכל רביע.
wb-session-dirty = בחוברת העבודה היו שינויים שטרם נשמרו ב־git כשזה נכתב.
wb-session-no-git = חוברת העבודה לא הייתה ב־git כשזה נכתב.
