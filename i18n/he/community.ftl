# חוברת המפגש של הקהילה (`covalue network session pack`) בעברית:
# טיוטת תרגום.

## הדף והכותרת התחתונה.
cpack-page-title = { $kind } { $date } · { $network }
cpack-footer-session = { $kind } { $date }
cpack-made = הופק ב־{ $date } מהגרסאות שנמשכו

## סוגי מפגשים.
cpack-kind-webinar = וובינר
cpack-kind-in-person = מפגש פנים אל פנים
cpack-kind-coaching-call = שיחת ליווי
cpack-kind-workshop = סדנה
cpack-kind-other = מפגש קהילה

## השער וסדר היום.
cpack-facilitator = מנחה
cpack-note-taker = רושם/ת פרוטוקול
cpack-sites = אתרים
cpack-agenda = סדר היום
cpack-agenda-actions = משימות ממפגשים קודמים
cpack-agenda-none-open = אין משימות פתוחות.
cpack-agenda-open = { $open } עדיין פתוחות.
cpack-agenda-open-overdue = { $open } עדיין פתוחות, { $overdue } עבר מועדן.
cpack-agenda-since = מאז המפגש הקודם ({ $session })
cpack-agenda-exemplars = תשובות ושיפורים שכדאי לאחרים לקרוא.
cpack-agenda-decisions = החלטות ומשימות חדשות
cpack-agenda-decisions-about = מי עושה מה, ועד מתי.

## מה השתנה בכל אתר.
cpack-changes = מה השתנה בכל אתר
cpack-changes-since = מאז המפגש { $session }, לפי הגרסה האחרונה שנמשכה מכל אתר ({ $command }).
cpack-changes-first = אין מפגש קודם להשוואה; כל אתר לפי הגרסה האחרונה שנמשכה ({ $command }).
cpack-site-not-fetched = עדיין לא נמשך: יש להריץ { $command } לפני המפגש
cpack-site-not-fetched-because = לא נמשך: { $why }
cpack-site-first = אין מפגש קודם להשוואה
cpack-site-unchanged = אין חדש מאז { $since }
cpack-site-changed = עבודה חדשה מאז { $since } (גרסה { $commit } מ־{ $date })
cpack-site-changed-undated = עבודה חדשה מאז { $since } (גרסה { $commit })
cpack-site-revision = נמשך: גרסה { $commit } מ־{ $date }
cpack-site-revision-undated = נמשך: גרסה { $commit }
cpack-site-now = כעת הושלמו { $settled } מתוך { $total }, { $open } פתוחות, { $problems ->
    [one] בעיה אחת
   *[other] { $problems } בעיות
}
cpack-col-site = אתר
cpack-col-commit = גרסה
cpack-col-date = תאריך
cpack-col-since = מאז המפגש הקודם
cpack-col-settled = הושלמו
cpack-col-open = פתוחות
cpack-col-problems = בעיות
cpack-state-changed = עבודה חדשה
cpack-state-unchanged = אין חדש
cpack-state-new = מפגש ראשון

## מצגות ודוגמאות לחיקוי.
cpack-presentations = מצגות
cpack-col-what = מה
cpack-col-about = בנושא
cpack-col-notes = הערות
cpack-about-both = שאלה { $question }, שיפור { $improvement }
cpack-about-question = שאלה { $question }
cpack-about-improvement = שיפור { $improvement }
cpack-exemplars = דוגמאות לחיקוי
cpack-no-exemplars = עדיין לא סומנו תשובה או שיפור כדוגמה לחיקוי.

## משימות.
cpack-actions = משימות
cpack-decided = הוחלט
cpack-col-owner = אחראי/ת
cpack-col-due = עד תאריך
cpack-col-session = מפגש
cpack-col-done = בוצע?
cpack-date-passed = המועד עבר
cpack-no-open-actions = אין משימה פתוחה ממפגש קודם.
cpack-new-actions = משימות חדשות

## דף הנוכחות.
cpack-attendance = נוכחות
cpack-roles = תפקידים: { $roles }.
cpack-role-coordinator = רכז/ת
cpack-col-name = שם
cpack-col-role = תפקיד
cpack-col-signature = חתימה
