## דוח הרשת (`covalue network report`): טקסט, Markdown, HTML ו־PDF.
## המילים של המדריך עצמו (שלבים, שאלות, אשכולות, סטטוסים, רביעים) באות
## מהמדריך המובנה באותה שפה.

net-page-title = { $network } · דוח רשת
net-footer-kind = דוח רשת
net-footer-made = הופק ב־{ $date } מהגרסאות המפורטות בו
net-made = הופק ב־{ $date } מהגרסאות המפורטות בסוף.
net-text-heading = רשת: { $network } · { $sites } אתרים, { $read } נקראו מהמטמון · { $date }
net-learnt = מה האתרים למדו
net-no-site-read = עדיין לא נקרא אף אתר: הריצו { $command }.
net-short-form-note = אתר זה עובד בטופס המקוצר, שאין בו שלב 9: מוצגת תשובתו לשאלת הטופס המקוצר שעוסקת בערך.
net-no-step9 = אין תשובה לשלב 9 (הערכת ערך והצעדים הבאים) בגרסה שנקראה.
net-state = { $state ->
    [open] פתוחה
    [deferred] נדחתה
    [not-applicable] לא רלוונטית
    [answered] נענתה
    [settled] הושלמה
    [problems] בעיות
    [missing] חסרה
    [not-its-form] טופס מקוצר
   *[other] { $state }
}
net-not-answered = עדיין לא נענתה ({ $state }).
net-offered-exemplar = ★ האתר מציע זאת כדוגמה לחיקוי
net-improvements-of = שיפורים · { $cluster }
net-exemplar-badge = ★ דוגמה לחיקוי
net-status-since = { $status } מאז { $date }
net-no-status = עדיין ללא סטטוס
net-led-by = בהובלת { $owner }
net-target = יעד { $target }
net-learnt-from-note = מה למדו, מתוך ההערה:
net-learnt-label = מה למדו:
net-register-empty = מרשם השיפורים שלו ריק.
net-no-register = עדיין אין לו מרשם שיפורים.
net-exemplars = דוגמאות לחיקוי
net-no-exemplar = אף אתר או רכז עדיין לא סימנו דוגמה לחיקוי. אתר מסמן תשובה בהערה { $comment } מתחת לכותרת שלה, או שיפור ב־{ $field }; הרכז מוסיף { $table } לרשת.
net-none-marked = עדיין לא סומנה אף אחת.
net-marked-by = { $who ->
    [site] סומן על ידי האתר
   *[coordinator] סומן על ידי הרכז
}
net-why = למה, במילים של האתר:
net-coordinator-note = הערת הרכז:
net-not-shown = לא מוצג: { $what }
net-unfound-answer = אתר { $site }: התשובה ל־{ $question } אינה בגרסה שנקראה (הדוח יכול להציג את תשובות שלב 9 של אתר, את התשובות שהוא מסמן ואת השיפורים שלו)
net-unfound-improvement = אתר { $site }: השיפור { $improvement } אינו בגרסה שנקראה (הדוח יכול להציג את תשובות שלב 9 של אתר, את התשובות שהוא מסמן ואת השיפורים שלו)
net-unfound-answer-unread = אתר { $site }: התשובה ל־{ $question }: האתר עדיין לא נמשך
net-unfound-improvement-unread = אתר { $site }: השיפור { $improvement }: האתר עדיין לא נמשך
net-side-by-side = מדדים זה לצד זה
net-no-domain = הרשת עדיין לא הגדירה תחום מדידה משותף.
net-no-site-measures = אף אתר עדיין לא מודד זאת.
net-differ = יש הבדלים ב{ $what }: נקודת פתיחה לשיחה על מערך מדדים משותף.
net-differ-word = { $what ->
    [definitions] הגדרות
    [units] יחידות
    [sources] מקורות
   *[frequencies] תדירויות
}
net-agree = ההגדרות, היחידות והמקורות של האתרים תואמים.
net-definition = הגדרה:
net-source = מקור:
net-unit = יחידה:
net-frequency = תדירות:
net-latest = אחרון:
net-target-label = יעד:
net-not-written = לא נכתב
net-none = אין
net-not-recorded = לא צוין
net-none-yet = עדיין אין
net-completeness-steps = שלמות: אתרים × שלבים
net-completeness-short = שלמות: אתרים × שאלות הטופס המקוצר
net-site-population = אתר · אוכלוסייה
net-sites = אתרים
net-sites-text = אתרים (הגרסה שבה נקרא כל אחד)
net-col-site = אתר
net-col-country = מדינה
net-col-ref = ענף או תג
net-col-commit = גרסה
net-col-date = תאריך
net-col-workbook = חוברת עבודה
net-col-settled = הושלמו
net-col-open = פתוחות
net-col-deferred = נדחו
net-col-problems = בעיות
net-col-population = אוכלוסייה
net-col-personas = פרסונות
net-col-process-map = מפת תהליך
net-col-coproduction = הפקה משותפת
net-col-configurations = תצורות
net-col-walked = נסקרו
net-col-improvement = שיפור
net-col-status = סטטוס
net-col-measure = מדד
net-col-unit = יחידה
net-col-latest = אחרון
net-col-latest-values = ערכים אחרונים
net-col-owner = אחראי
net-col-measure-target = מדד: ערך אחרון מול יעד
net-col-learnt = מה למדו
net-from-its-note = (מתוך ההערה)
net-fetch-failed = המשיכה האחרונה נכשלה, ולכן זו גרסה ישנה יותר: { $why }
net-default-branch = ענף ברירת המחדל
net-not-fetched = לא נמשך
net-not-fetched-why = לא נמשך: { $why }
net-first-problem = { $count } (הראשונה: { $place } { $message })
net-process-steps = { $count ->
    [one] שלב אחד
   *[other] { $count } שלבים
}
net-populations-by-type = אוכלוסיות לפי סוג
net-type-sites = { $name } ({ $population }, { $count } אתרים)
net-by-cluster = שיפורים לפי אשכול: כמה בכל סטטוס
net-no-register-anywhere = לאף אתר עדיין אין מרשם שיפורים.
net-by-quadrant = מדדים לפי רביע במצפן הערך
net-unmapped = מדדים שאינם שייכים לתחום משותף
net-unknown-domain = התחום שלו { $domain } אינו אחד מתחומי הרשת
net-date-unknown = תאריך לא ידוע
net-read-at = { $ref } בגרסה { $commit }
net-short-form-site = טופס מקוצר
net-problem-count = { $count ->
    [0] אין בעיות
    [one] בעיה אחת
   *[other] { $count } בעיות
}
net-site-counts = { $settled }/{ $total } הושלמו{ $short }, { $open } פתוחות, { $deferred } נדחו
net-text-legend = S הושלמה, o פתוחה, d נדחתה, - לא רלוונטית, ! בעיות, · אתר בטופס מקוצר
net-short-questions-text = שלמות: אתרים × שאלות הטופס המקוצר
net-personas-text = פרסונות
net-process-map-text = מפת תהליך
net-coproduction-text = הפקה משותפת
net-configurations-text = תצורות
net-walked-text = נסקרו
