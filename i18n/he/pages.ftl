# מילות העמוד של covalue בעברית: כל מילה ש-covalue עצמה מציבה בעמוד מודפס
# או מוצג. טיוטת תרגום שנכתבה עבור צוותי בריאות; שיפורים יתקבלו בברכה.
# אותם מזהים ואותם משתנים כמו ב-en.ftl.

## המסמך.
form-short = טופס מקוצר
form-full = טופס מלא
form-register = מרשם שיפורים

## הכותרת התחתונה בכל עמוד מודפס.
page-number = עמוד { $page } מתוך { $pages }

## רכיבים משותפים לדוחות.
write-space-label = מקום לכתיבה: { $id }
session-label = המפגש
session-date = תאריך המפגש
session-facilitator = מנחה
session-attendees = משתתפים, כל אחד עם תפקידו (שותף מטופל, קלינאי, מנהל …)
session-note-taker = רושם/ת
session-next = המפגש הבא
pill-overdue = באיחור
pill-draft = טיוטת שאלה
label-not-applicable = לא רלוונטי:
label-deferred = נדחה:
deferred-owner = אחראי/ת: { $owner }
deferred-until = עד: { $date }
date-passed = (התאריך עבר)
card-name = שם
card-kind = סוג:
card-segment = פלח האוכלוסייה
card-share = שיעור (%)
card-contacts = פניות בשנה
card-cost = עלות שנתית
card-story = הסיפור שלו/ה (דמות מורכבת, לעולם לא אדם אמיתי)
card-one-per-persona = כרטיס אחד לכל פרסונה
process-caption = מפת התהליך של { $name }, { $steps } שלבים לפי הסדר. כל תיבה מציינת את רמת השותפות שלה: קווים מקווקווים היכן שאין שותפות כיום, קווים עבים יותר לרמות גבוהות יותר וקו כפול לרמה הגבוהה ביותר; כוכב מסמן הזדמנות לשיפור; התגיות מציינות את תצורות הערך.
process-table-caption = שלבי מפת התהליך
col-step = שלב
col-who = מי
col-coproduction-today = שותפות כיום
col-opportunity = הזדמנות
col-configurations = תצורות
level-active = (פעילה)
perspectives-caption = השלבים מנקודת המבט של כל צד
legend-levels = רמת שותפות:
legend-configurations = תצורות:
legend-star = סמנו הזדמנות ב-★.
blank-map-caption = מפת תהליך ריקה למילוי: { $rows } שורות
col-coproduction-level = רמת שותפות
col-configuration = תצורה
measures-caption = המדדים של מצפן הערך
col-measure = מדד
col-definition = הגדרה אופרטיבית
col-data-source = מקור הנתונים
col-baseline = ערך בסיס
col-target = יעד
definition-missing = חסרה הגדרה
no-measure-yet = עדיין אין מדד.
blank-measures-caption = טבלת מדדים ריקה למילוי
col-quadrant = רביע
col-baseline-target = ערך בסיס ← יעד
count-status = { $count } { $status }
col-improvement = שיפור
col-status = סטטוס
col-steps = שלבים
col-owner = אחראי/ת
col-measures-latest = מדדים, ערך אחרון
since-date = מאז { $date }
measure-latest = { $value } ב-{ $date }
measure-target = (יעד { $target })
measure-no-value = עדיין אין ערך
no-improvement-yet = עדיין אין שיפור במרשם.
declined-caption = הזדמנויות שלא נוצלו
col-why-not = מדוע לא

## שער הטופס המלא, תוכן העניינים, מידת ההשלמה ו"אודות הדוח".
blank-worksheet = דף עבודה ריק
full-lede-blank = דפי עבודה למילוי ביד. כל תיבה מסומנת במזהה השאלה שלה, כדי שאפשר יהיה להקליד את ההערות בחזרה למקום הנכון בחוברת העבודה.
full-lede = { $populations ->
    [one] תשובות הצוות לכל שלב במדריך עבור אוכלוסייה אחת, עם הפרסונות, מפת התהליך ומצפן הערך.
   *[other] תשובות הצוות לכל שלב במדריך עבור { $populations } אוכלוסיות, עם הפרסונות, מפת התהליך ומצפן הערך.
}
guide-version = { $guide }, גרסה { $version }
printed-on = הודפס { $date }
contents = תוכן העניינים
population = אוכלוסייה
grid-title = הפרסונות בתצורות הערך
open-items = נושאים פתוחים
about-title = אודות הדוח
no-population-yet = בחוברת העבודה אין עדיין אוכלוסייה. הוסיפו אחת באמצעות { $command }.
completeness = מידת השלמה
completeness-intro = שאלות הטופס המלא שנענו, שסומנו כלא רלוונטיות, שנדחו או שעדיין פתוחות. שאלה סגורה כאשר היא נענתה או סומנה כלא רלוונטית.
col-answered = נענו
col-not-applicable = לא רלוונטיות
col-deferred = נדחו
col-open = פתוחות
col-settled = סגורות
percent-of = { $percent }% מתוך { $total }
all-populations = כל האוכלוסיות
about-follows = הדוח עוקב אחר { $guide }, גרסה { $version }.
about-follows-blank = דפי העבודה עוקבים אחר { $guide }, גרסה { $version }.
about-printed = הוא הודפס על ידי covalue ב-{ $date }.
about-printed-from = הוא הודפס על ידי covalue ב-{ $date } מתוך { $revision }.
about-ids = כל שאלה מציגה את המזהה שלה בסוגריים מסולסלים, למשל { $example }: התשובה נכתבת מתחת לכותרת עם מזהה זה בקובץ התשובות של האוכלוסייה. שאלות לא רלוונטיות ושאלות שנדחו מוצגות עם הנימוק; שאלות שנדחו גם עם מי שיענה עליהן ועד מתי.
about-drafts = שאלות המסומנות „{ $pill }” אינן הנוסח המפורסם של המדריך: הן נכתבו עבור covalue על סמך התיאורים המפורסמים של המדריך, ויוחלפו כאשר הנוסח של המדריך עצמו יהיה זמין.
sources = מקורות
about-translation = המילים ש-covalue מציבה בעמוד זה (כותרות, תוויות, כותרות תחתונות) הן טיוטת תרגום שנעשתה עבור covalue.
about-guide-reviewed = השאלות וטקסטי העזרה של המדריך הם תרגום שהארגון בדק; הנוסח המפורסם הוא נוסח המקור.
about-guide-unreviewed = השאלות וטקסטי העזרה של המדריך הם טיוטת תרגום שאיש עדיין לא בדק; הנוסח המפורסם הוא נוסח המקור.
about-guide-english = השאלות וטקסטי העזרה של המדריך מודפסים בשפת המדריך עצמו.

## אוכלוסייה בטופס המלא.
blank-worksheet-title = דף עבודה ריק
population-n-of = אוכלוסייה { $index } מתוך { $count }
population-label = אוכלוסייה:
to-write-in = למילוי
write-population-label = מקום לכתוב מי היא האוכלוסייה
write-who = מי הם (תיאור)
about-the-population = על האוכלוסייה
write-setting-size = מסגרת; גודל (כמה אנשים, נכון למתי, לפי איזה מקור); נתונים דמוגרפיים
write-team = הצוות: ראש הצוות, קליני, תפעול, כספים, שותפים מטופלים, מנחה
setting = מסגרת
size = גודל
figures-caption = נתונים דמוגרפיים
col-figure = נתון
col-value = ערך
team-label = צוות:
steps-completeness-caption = מידת ההשלמה של כל שלב
percent = { $percent }%
question-n = שאלה { $number }:
compass-caption-blank = מצפן ערך: כתבו את המדדים בכל רביע, ולאחר מכן הגדירו כל אחד מהם למטה.
compass-caption = מצפן הערך של { $name }: המדדים בכל רביע.
chart-caption = תרשים ריצה: { $name }, { $count } ערכים, האחרון { $latest }. הנקודות לפי סדר הזמן; הקו המקווקו הוא החציון.
chart-caption-target = תרשים ריצה: { $name }, { $count } ערכים, האחרון { $latest }; יעד { $target }. הנקודות לפי סדר הזמן; הקו המקווקו הוא החציון.
persona-label = פרסונה: { $name }
notes = הערות
open-team-answer = פתוחה: תשובת הצוות
team-answer = תשובת הצוות
grid-intro = כיצד כל פרסונה פוגשת כל תצורה, בקיצור מתוך המעברים שלמעלה.
grid-caption = כל פרסונה בתצורות הערך
col-persona = פרסונה
not-written-yet = עדיין לא נכתב
col-question = שאלה
col-state = מצב
col-reason-owner-date = נימוק, אחראי/ת, תאריך
all-settled = כל השאלות נענו או סומנו כלא רלוונטיות.

## אוכלוסייה בטופס המקוצר, והמרשם.
write-who-short = מי הם, מסגרת וגודל
six-questions = שש השאלות
n-of-answered = { $answered } מתוך { $total } נענו
n-not-applicable = { $count } לא רלוונטיות
n-deferred = { $count } נדחו
n-open = { $count } פתוחות
personas = פרסונות
no-persona-yet = עדיין אין פרסונה.
process-map = מפת תהליך
opportunities = הזדמנויות לשיפור
step-n = שלב { $number }
no-process-map-yet = עדיין אין מפת תהליך.
from-full-form = מתוך הטופס המלא, { $heading }
read-on = { $more ->
    [0] המשך הקריאה בטופס המלא.
    [one] המשך הקריאה בטופס המלא (יש שם תשובה נוספת).
   *[other] המשך הקריאה בטופס המלא (יש שם עוד { $more } תשובות).
}
sources-not-drafts = שאלות שאינן מסומנות כטיוטה:
sources-questions = שאלות:
published-wording-of = הנוסח המפורסם של
printed-lower = הודפס { $date }
no-register-yet = עדיין אין מרשם שיפורים: הוסיפו אחד באמצעות { $command }.

## דוחות Markdown.
md-write-under = { $label }: כתבו זאת מתחת ל-{ $id } בקובץ { $file }.
md-about-ids = כל שאלה מציגה את המזהה שלה בסוגריים מסולסלים: התשובה נכתבת מתחת לכותרת עם מזהה זה בקובץ התשובות של האוכלוסייה.
md-short-sources-drafts = שאלות שאינן מסומנות כטיוטה הן הנוסח המפורסם של הטופס המקוצר של המדריך:
md-short-sources = השאלות הן הנוסח המפורסם של הטופס המקוצר של המדריך:
md-no-register-yet = עדיין אין מרשם שיפורים.
md-write-population = מי הם, מסגרת, גודל, נתונים וצוות: כתבו אותם בקובץ { $file }.
md-write-population-short = מי הם, מסגרת וגודל: כתבו אותם בקובץ { $file }.
md-write-personas = שם, סוג ({ $kinds }), פלח ונתונים של כל פרסונה: קובץ אחד לכל פרסונה בתיקייה { $folder }.
md-data = נתונים: { $source }.
md-baseline = ערך בסיס: { $value }.
md-target = יעד: { $value }.
md-latest = אחרון: { $latest } ({ $count } ערכים).
md-latest-target = אחרון: { $latest } ({ $count } ערכים; יעד { $target }).

## מילים שמודל הדוח יוצר: מצבים, נתונים, תפקידים, כותרות תחתונות.
state-blank = למענה
state-answered = נענתה
state-open = פתוחה
state-not-applicable = לא רלוונטית
state-deferred = נדחתה
detail-owner = אחראי/ת: { $owner }
detail-until = עד { $date }
figure-share = שיעור מהאוכלוסייה
figure-contacts = פניות בשנה
figure-cost = עלות שנתית
quadrant-other = אחר (רביע שאינו במדריך)
footer-guide = מדריך { $guide } גרסה { $version }
role-team-lead = ראש הצוות
role-clinical = קליני
role-operations = תפעול
role-finance = כספים
role-patient-partner = שותף/ה מטופל/ת
role-family-partner = שותף/ה מהמשפחה
role-community-member = נציג/ת הקהילה
role-nurse = אחות/אח
role-other = אחר
role-facilitator = מנחה

## התמונות: מפת תהליך, מצפן ערך, תרשימי ריצה.
map-title = מפת התהליך של { $name }: { $steps } שלבים
map-step = שלב { $number }: { $title }. שותפות: { $level }.
map-step-opportunity = שלב { $number }: { $title }. שותפות: { $level }. הזדמנות לשיפור.
map-legend-opportunity = הזדמנות לשיפור
map-legend-configuration = תצורת ערך
compass-title = מצפן הערך של { $name }
compass-title-blank = מצפן ערך ריק
compass-space-to-write = מקום לכתיבת מדדים
compass-no-measure = עדיין אין מדד
compass-no-measure-panel = עדיין אין מדד
compass-more = ועוד { $count } (ראו בטבלה)
compass-centre-1 = ערך
compass-centre-2 = עבור
compass-centre-3 = האדם
chart-title = תרשים ריצה של { $value }
chart-median = חציון { $value }
chart-target = יעד { $value }
chart-higher-better = גבוה יותר עדיף
chart-lower-better = נמוך יותר עדיף

# סוגי מדדים ותדירות; שיפור בכמה אשכולות.
measure-kind-process = מדדי תהליך
measure-kind-process-about = מדדי תהליך מראים אם העבודה נעשית כמתוכנן, למשל בדיקות בטיחות שנלקחות בזמן.
measure-kind-balancing = מדדי איזון
measure-kind-balancing-about = מדדי איזון עוקבים אחר מה שעלול להחמיר במקום אחר בעקבות השינוי, למשל ימים ללא תרופות.
frequency-weekly = שבועי
frequency-monthly = חודשי
frequency-quarterly = רבעוני
frequency-yearly = שנתי
also-under = גם תחת { $clusters }
about-own-texts = המבואות לשלבים וטקסטי העזרה הם כתיבה של המדריך הזה עבור covalue, ולא מילות המדריך המפורסם; כל אחד מהם מסומן כך במקום שבו הוא מודפס.
mark-published = נוסח מפורסם, { $source }
mark-own-question = טיוטת שאלה שנכתבה עבור covalue
mark-own-help = טקסט עזרה שנכתב עבור covalue
mark-own-intro = מבוא שנכתב עבור covalue
mark-own-title = כותרת שנכתבה עבור covalue
mark-translation-published = תרגום { $state ->
    [reviewed] שנבדק
   *[unreviewed] שלא נבדק
} של הנוסח המפורסם ({ $source })
mark-translation-own = תרגום { $state ->
    [reviewed] שנבדק
   *[unreviewed] שלא נבדק
} של טקסט שנכתב עבור covalue
pill-translation = תרגום

## העמודים של covalue serve.
serve-check = בדיקה
serve-index-guide = מדריך: { $guide }. כל עמוד נקרא מקובצי חוברת העבודה; כל שמירה נכתבת אליהם.
serve-session = מפגש
serve-steps-in-focus = שלבים במוקד:
serve-session-saved-in = התשובות שנשמרו נרשמות ב־{ $file }.
serve-index-checkline = בדיקה: { $errors ->
        [one] שגיאה אחת
       *[other] { $errors } שגיאות
    }, { $warnings ->
        [one] אזהרה אחת
       *[other] { $warnings } אזהרות
    }
serve-questions-open = { $count ->
        [one] שאלה פתוחה אחת
       *[other] { $count } שאלות פתוחות
    }
serve-join = כדי להצטרף מטלפון או ממחשב נוסף ברשת הזו, סרקו את הקוד: הוא מכיל את כתובת העמוד עם מפתח הגישה. כל מי שרואה אותו יכול לפתוח ולשנות את חוברת העבודה כל עוד השרת פועל.
serve-populations = אוכלוסיות
serve-population = אוכלוסייה
serve-answered = נענתה
serve-not-applicable = לא רלוונטית
serve-na-short = ל״ר
serve-deferred = נדחתה
serve-open = פתוחה
serve-settled = הושלם
serve-percent = { $percent } %
serve-no-population = בחוברת העבודה אין עדיין אוכלוסייה. צרו אחת בשורת הפקודה:
serve-check-lead = מה ש־covalue check מדווח על חוברת העבודה כפי שהיא בדיסק עכשיו ({ $form ->
        [short] טופס מקוצר
       *[full] טופס מלא
    }), לפי הסדר: בעיות לתיקון והתקדמות שעוד נדרשת, כל אחת ליד השאלה שלה.
serve-check-counts = { $problems ->
        [one] בעיה אחת
       *[other] { $problems } בעיות
    } ({ $errors ->
        [one] שגיאה אחת
       *[other] { $errors } שגיאות
    }, { $warnings ->
        [one] אזהרה אחת
       *[other] { $warnings } אזהרות
    }) · { $progress ->
        [one] הערת התקדמות אחת
       *[other] { $progress } הערות התקדמות
    }
serve-severity = { $severity ->
        [error] שגיאה
        [warning] אזהרה
       *[other] הערה
    }
serve-finding-kind = { $kind ->
        [problem] בעיה
       *[other] התקדמות
    }
serve-at = בשאלה
serve-check-nothing = אין כלום: covalue check לא מוצא בעיות ולא התקדמות לציין.
serve-progress = התקדמות
serve-with-problems = עם בעיות
serve-questions = שאלות
serve-check-says-here = מה covalue check אומר כאן
serve-conflict-title = לא נשמר: { $what } השתנה מאז שהעמוד נפתח
serve-conflict-help = מישהו (עורך טקסט, git pull, דפדפן אחר) שינה את זה ב־{ $file } בזמן שכתבתם; שאר הקובץ לא הפריע. שום דבר לא נכתב. שתי הגרסאות מופיעות למטה: העתיקו את מה שצריך, או שמרו את שלכם במקום שלהם.
serve-theirs = בדיסק עכשיו (שלהם)
serve-theirs-removed = כלום: הטקסט הוסר מהקובץ.
serve-theirs-field = בדיסק עכשיו (שלהם):
serve-empty = (ריק)
serve-yours = שלכם (לא נשמר)
serve-save-mine = לשמור את שלי במקום שלהם
serve-leave-it = לוותר ולחזור
serve-improvements = שיפורים
serve-improvement = שיפור
serve-add-improvement = הוספת שיפור
serve-kept-in = נשמר ב־{ $file }
serve-cluster = אשכול
serve-status = מצב
serve-since = מאז
serve-who-leads = מי מוביל
serve-edit = עריכה
serve-no-improvement = עדיין אין שיפורים.
serve-print = הדפסה:
serve-print-short = טופס מקוצר
serve-print-full = טופס מלא
serve-print-this = הדפסת הטופס הזה
serve-focus-first = השלבים שבמוקד מופיעים ראשונים.
serve-population-counts = { $answered } נענו · { $na } לא רלוונטיות · { $deferred } נדחו · { $open } פתוחות (טופס מלא)
serve-short-and-steps = טופס מקוצר ושלבים
serve-part = חלק
serve-in-focus = במוקד
serve-problems = בעיות
serve-none = אין.
serve-add = הוספת
serve-add-step = שלב
serve-add-persona = פרסונה
serve-add-measure = מדד
serve-add-an-improvement = שיפור
serve-or-open = או פתיחת
serve-open-register = מרשם השיפורים
serve-open-about = התיאור, הנתונים והצוות של האוכלוסייה
serve-open-map = נקודות המבט של מפת התהליך
serve-open-session = רישום המפגש
serve-process-map = מפת תהליך
serve-step = שלב
serve-coproduction = שיתוף בייצור
serve-opportunity = הזדמנות
serve-personas = פרסונות
serve-value-compass = מצפן ערך
serve-quadrant = רביע
serve-measure = מדד
serve-latest = אחרון
serve-saved-part = החלק של { $persona } נשמר.
serve-lead-text = טקסט פתיחה (Markdown)
serve-answer-text = תשובה (Markdown)
serve-walkthrough-lead = המצב והטקסט כאן הם הפתיחה של המעבר, לפני החלקים של הפרסונות; השאלה נחשבת נענתה ברגע שבחלק של פרסונה יש טקסט. לכל פרסונה יש תיבה משלה למטה.
serve-reason = סיבה
serve-owner-deferred = אחראי (נדחתה)
serve-until-deferred = עד (נדחתה)
serve-save = שמירה
serve-cancel = ביטול
serve-writes-to = נכתב ל־{ $file }
serve-each-part = החלק של כל פרסונה
serve-not-walked = עדיין לא נעשה מעבר.
serve-part-label = החלק של { $persona } (Markdown)
serve-save-part = שמירת החלק של { $persona }
serve-writes-part = נכתב רק החלק הזה, ל־{ $file }
serve-saved = { $question } נשמרה{ $answered ->
        [yes] : בתיבת הטקסט הייתה תשובה, ולכן היא עכשיו נענתה
       *[no] {""}
    }{ $listed ->
        [yes] , ונרשמה ב־{ $file }
       *[no] {""}
    }. הבדיקה מוצאת עכשיו { $errors ->
        [one] שגיאה אחת
       *[other] { $errors } שגיאות
    } באוכלוסייה הזו.
serve-owner = אחראי: { $owner }
serve-until = עד { $date }
serve-overdue = (באיחור)
serve-full-form-says = מה שהטופס המלא אומר:
serve-answer = מענה
serve-edit-on-population = { $kind ->
        [personas] עורכים את הפרסונות ב
        [process-map] עורכים את מפת התהליך ב
        [value-compass] עורכים את מצפן הערך ב
       *[other] עורכים זאת ב
    }
serve-population-page = עמוד האוכלוסייה
serve-crumb = { $kind ->
        [step] מפת תהליך
        [map] מפת תהליך
        [measure] מצפן ערך
        [persona] פרסונות
        [population] אודות
        [session] רישום המפגש
       *[other] שיפורים
    }
serve-heading-new = { $kind ->
        [step] שלב חדש
        [measure] מדד חדש
        [persona] פרסונה חדשה
       *[other] שיפור חדש
    }
serve-heading-about = אודות { $population }
serve-heading-map = מפת התהליך של { $population }
serve-heading-session = מפגש { $session }
serve-direction = { $direction ->
        [higher] גבוה יותר עדיף
       *[other] נמוך יותר עדיף
    }
serve-values-so-far = ערכים עד כה
serve-date = תאריך
serve-value = ערך
serve-note = הערה
serve-status-so-far = מצב עד כה
serve-id = מזהה
serve-id-hint = (אותיות לטיניות קטנות, ספרות ומקפים; נוצר מ{ $from ->
        [name] השם
       *[other] הכותרת
    } אם נשאר ריק)
serve-not-said = לא צוין
serve-none-yet = עדיין אין בחוברת העבודה
serve-perspectives = מה כל נקודת מבט רואה בשלב הזה
serve-composite = שילוב של כמה אנשים (אף פעם לא אדם אמיתי אחד)
serve-who-was-there = מי השתתף
serve-name = שם
serve-role = תפקיד
serve-remove = הסרה
serve-remove-thing = הסרת { $what }
serve-new-attendee = משתתף חדש
serve-their-role = התפקיד שלו
serve-none-choice = (אין)
serve-actions = משימות
serve-what = מה
serve-who = מי
serve-by-when = עד מתי
serve-done = בוצעה
serve-done-tick = בוצעה
serve-yes = כן
serve-no = לא
serve-new-action = משימה חדשה
serve-figures = נתונים
serve-figure = נתון
serve-value-of = הערך של { $what }
serve-new-figure = נתון חדש
serve-its-value = הערך שלו
serve-team = צוות
serve-who-is = מי ב{ $role }
serve-new-member-role = התפקיד של החבר החדש
serve-name-or-description = שם או תיאור
serve-new-value = ערך חדש
serve-new-value-hint = השאירו את הערך ריק כדי לשנות רק את השדות שלמעלה.
serve-new-status = מצב חדש
serve-no-change = (ללא שינוי)
serve-add-button = הוספה
serve-move-up = הזזה למעלה
serve-move-down = הזזה למטה
serve-in-file = ב־{ $file }
serve-remove-from-file = { $kind ->
        [step] הסרת השלב הזה מהקובץ
        [measure] הסרת המדד הזה מהקובץ
        [persona] הסרת הפרסונה הזו מהקובץ
       *[other] הסרת השיפור הזה מהקובץ
    }
serve-remove-delete = הסרת הפרסונה הזו: מחיקת { $file }
serve-field-step-title = כותרת
serve-field-step-actors = מי משתתף (מופרד בפסיקים)
serve-field-step-coproduction = רמת השיתוף בייצור
serve-field-step-opportunity = הזדמנות לשיפור
serve-field-step-configurations = תצורות ערך
serve-field-step-personas = הפרסונות שהוא נוגע להן
serve-field-measure-quadrant = רבע (למדדי תוצאה בלבד)
serve-field-measure-name = מדד
serve-field-measure-definition = הגדרה
serve-field-measure-data-source = מאיפה מגיעים הנתונים
serve-field-measure-baseline = ערך בסיס
serve-field-measure-target = יעד
serve-field-measure-unit = יחידה
serve-field-measure-direction = איזה כיוון עדיף
serve-field-measure-target-value = היעד כמספר
serve-field-improvement-title = כותרת
serve-field-improvement-cluster = אשכולות הזדמנות (אחד או יותר)
serve-field-improvement-steps = השלבים שהוא נוגע להם
serve-field-improvement-configurations = תצורות ערך
serve-field-improvement-personas = הפרסונות שהוא נוגע להן
serve-field-improvement-owner = מי מוביל
serve-field-improvement-measures = המדדים שיראו אותו
serve-field-improvement-note = הערה
serve-field-persona-name = שם
serve-field-persona-kind = סוג
serve-field-persona-segment = הקבוצה שהיא מייצגת
serve-field-persona-share-percent = חלק מהאוכלוסייה (%)
serve-field-persona-contacts-per-year = מגעים בשנה
serve-field-persona-annual-cost = עלות לשנה
serve-field-persona-currency = מטבע העלות
serve-field-persona-story = סיפור (Markdown)
serve-field-session-title = על מה המפגש
serve-field-session-facilitator = מי מנחה
serve-field-session-note-taker = מי רושם את התשובות
serve-field-session-decisions = מה הצוות החליט (אחד בכל שורה)
serve-field-map-perspectives = נקודות המבט שמהן המפה משורטטת (אחת בכל שורה)
serve-field-population-name = שם
serve-field-population-description = מי הם
serve-field-population-setting = איפה ניתן הטיפול
serve-field-population-size-people = כמה אנשים (מספר שלם)
serve-field-population-size-as-of = מתי נספרו
serve-field-population-size-note = איך נספרו
serve-refused-host = הכתובת הזו אינה של השרת הזה
serve-refused-host-help = פתחו את הכתובת ש־covalue serve הדפיס.
serve-refused-token = העמוד הזה דורש את הכתובת עם מפתח הגישה
serve-refused-token-help = פתחו את הכתובת ש־covalue serve הדפיס, עם ‎?token=…‎ בסופה.
serve-refused-unreadable = לא ניתן היה לקרוא את הטופס
serve-send-again = שלחו אותו שוב.
serve-refused-csrf = הטופס הזה לא הגיע מעמוד של השרת הזה
serve-refused-csrf-help = פתחו שוב את העמוד מהכתובת ש־covalue serve הדפיס, ושמרו משם.
serve-not-found = אין עמוד כזה
serve-not-found-help = חזרו לרשימת האוכלוסיות.
serve-error-page = לא ניתן להציג את העמוד הזה
serve-error-workbook-unreadable = לא ניתן לקרוא את חוברת העבודה
serve-error-file-unreadable = לא ניתן לקרוא את { $file }
serve-error-file-unwritable = לא ניתן לכתוב את { $file }
serve-error-file-unremovable = לא ניתן להסיר את { $file }
serve-error-report = לא ניתן להפיק את הדוח
serve-error-see-terminal = מה שהשתבש כתוב בחלון שבו פועל covalue serve.

## מה שמירה לא עשתה, ולמה.
serve-not-saved = שום דבר לא נשמר: { $reason }.
serve-not-changed = שום דבר לא שונה: { $reason }.
serve-not-saved-unreadable = שום דבר לא נשמר: הקובץ היה נקרא באופן שגוי ב־{ $place }: { $problem }.
serve-not-saved-gone = שום דבר לא נשמר: { $kind ->
        [step] השלב
        [measure] המדד
        [persona] הפרסונה
       *[other] השיפור
    } `{ $id }` כבר לא נמצא בחוברת העבודה (מישהו הסיר אותו או שינה את המזהה שלו). העתיקו את מה שכתבתם והוסיפו אותו שוב.
serve-not-saved-composite = לא נשמר: מישהו שינה אם הפרסונה הזו היא שילוב של כמה אנשים בזמן שכתבתם. הסתכלו שוב על התיבה ושמרו.
serve-not-saved-clash = לא נשמר: מישהו שינה את { $fields } ב{ $kind ->
        [step] שלב הזה
        [measure] מדד הזה
        [persona] פרסונה הזו
       *[other] שיפור הזה
    } בזמן שכתבתם. שתי הגרסאות מוצגות ליד כל שדה; שלכם עדיין בטופס. שמרו שוב כדי להשאיר את שלכם.
serve-not-moved = שום דבר לא הוזז או הוסר: מישהו שינה את { $kind ->
        [step] השלב הזה
        [measure] המדד הזה
        [persona] הפרסונה הזו
       *[other] השיפור הזה
    } מאז שהעמוד נפתח. הנה המצב עכשיו; נסו שוב.
serve-not-removed-tick = שום דבר לא הוסר: סמנו את התיבה כדי לאשר שאתם רוצים להסיר את { $kind ->
        [step] השלב הזה
        [measure] המדד הזה
        [persona] הפרסונה הזו
       *[other] השיפור הזה
    }.
serve-not-removed-changed = שום דבר לא הוסר: מישהו שינה את הפרסונה הזו מאז שהעמוד נפתח. הנה המצב עכשיו; נסו שוב.
serve-not-removed-named = שום דבר לא הוסר: { $count ->
        [one] { $names } עדיין מזכיר
       *[other] { $names } עדיין מזכירים
    } את הפרסונה הזו. בטלו את הסימון שם קודם, ואז הסירו אותה.
serve-not-saved-taken = שום דבר לא נשמר: כבר יש { $kind ->
        [step] שלב
        [measure] מדד
        [persona] פרסונה
       *[other] שיפור
    } `{ $id }`; תנו לזה מזהה אחר.
serve-not-saved-not-text = שום דבר לא נשמר: { $file } אינו טקסט UTF-8; תקנו אותו בעורך טקסט.
serve-not-saved-no-file = שום דבר לא נשמר: { $file } לא קיים; צרו את קובצי האוכלוסייה עם `covalue new population`.
serve-not-saved-file-taken = שום דבר לא נשמר: כבר יש קובץ { $file }; תנו לפרסונה הזו מזהה אחר.
serve-conflict-answer = התשובה לשאלה „{ $question }”
serve-conflict-part = החלק של { $persona } בשאלה „{ $question }”

## חוברת המפגש (covalue session pack).
pack-page-title = מפגש { $session } · { $title }
pack-footer-session = מפגש { $session }
pack-printed = הודפס ב־{ $date }
pack-printed-at = { $revision } · הודפס ב־{ $date }
pack-session = מפגש { $session }
pack-facilitator = מנחה
pack-note-taker = רושם/ת
pack-populations = אוכלוסיות
pack-since = מאז { $since }:
pack-since-own-commit = הגרסה (commit) שבה נוצר רישום המפגש הזה ({ $commit })
pack-since-last-session = המפגש הקודם ({ $session }, commit { $commit })
pack-first-session = זה המפגש הראשון של הצוות: אין שום דבר מוקדם יותר להשוות אליו.
pack-nothing-changed = שום דבר לא השתנה מאז.
pack-changes-unshown = לא ניתן להציג את השינויים: { $reason }.
pack-no-commit = אף מפגש קודם לא רשם גרסה (commit), ולכן עדיין אין למה להשוות.
pack-agenda = סדר יום
pack-no-focus = עדיין אין שלב במוקד: המנחה רושם את שלבי המפגש ברישום המפגש.
pack-changes = מה השתנה מאז המפגש הקודם
pack-changes-since = מאז { $since }, ועד חוברת העבודה כפי שהיא עכשיו.
pack-open-items = נושאים פתוחים
pack-open-items-note = מה שעדיין פתוח או נדחה בשלבים של המפגש הזה, ומה שבדיקת חוברת העבודה מדווחת עליהם.
pack-item-state = { $state ->
        [deferred] נדחתה{ $overdue ->
            [yes] , התאריך עבר
           *[no] {""}
        }
       *[other] פתוחה{ $overdue ->
            [yes] , התאריך עבר
           *[no] {""}
        }
    }
pack-owner = אחראי
pack-by = עד
pack-found = { $kind ->
        [problem] בעיה
        [past-due] באיחור
       *[other] לביצוע
    }
pack-step-done = כל השאלות בשלב הזה נענו או אינן רלוונטיות, והבדיקה לא מדווחת עליו דבר.
pack-earlier-actions = משימות שעדיין פתוחות ממפגשים קודמים
pack-what = מה
pack-due = עד מתי
pack-session-column = מפגש
pack-current-answers = התשובות הנוכחיות
pack-setting = מסגרת הטיפול
pack-size = גודל
pack-figures = נתונים
pack-figure = נתון
pack-value = ערך
pack-team = הצוות
pack-date-passed = התאריך עבר
pack-map-steps = השלבים של מפת התהליך
pack-step = שלב
pack-who = מי
pack-coproduction-today = שיתוף בייצור היום
pack-coproduction-level = רמת שיתוף בייצור
pack-opportunity = הזדמנות
pack-configuration = תצורה
pack-active = (פעיל)
pack-compass-caption = מצפן הערך של { $population }: המדדים בכל רביע. הטופס המלא מגדיר כל מדד.
pack-not-written = עדיין לא נכתב.
pack-not-answered = עדיין לא נענתה.
pack-measures-over-time = מדדים לאורך זמן
pack-chart-caption = { $measure }: { $latest }. הנקודות לפי סדר הזמן; הקו המקווקו הוא החציון.
pack-worksheets = דפי עבודה
pack-worksheets-note = כתבו את תשובות הצוות מתחת לכל שאלה, ואת החלק של כל פרסונה במעבר בתיבה משלו. הרושם/ת מעתיק/ה את הסימן שבסוגריים המסולסלים בשוליים אל הרשימות המודפסות, מעל התשובה שאליה הוא שייך: כך התשובות מוצאות את מקומן בחוברת העבודה.
pack-persona = פרסונה:
pack-legend-levels = רמת שיתוף בייצור:
pack-legend-configurations = תצורות:
pack-legend-star = סמנו הזדמנות ב־★.
pack-steps-range = שלבים { $first } עד { $last }
pack-blank-map-caption = מפת תהליך ריקה למילוי: שלבים { $first } עד { $last }
pack-attendance = נוכחות
pack-roles = תפקידים: שותף מטופל או בן משפחה, רופא, אחות, תפעול, כספים, קהילה, אחר.
pack-name = שם
pack-role = תפקיד
pack-signature = חתימה

serve-field-measure-kind = סוג המדד (תוצאה אם נשאר ריק)
serve-field-measure-frequency = באיזו תדירות הוא נמדד
serve-measure-kind-outcome = תוצאה (ברבע של מצפן הערך)
serve-measure-kind-process = תהליך (איך העבודה נעשית)
serve-measure-kind-balancing = איזון (מה עלול להחמיר)
serve-field-improvement-learning = מה הצוות למד ממנו
serve-field-improvement-exemplar = למה אתרים אחרים יכולים ללמוד ממנו (מסמן אותו כדוגמה לחיקוי)
pack-md-worksheets-note = הקלידו את תשובות הצוות מתחת לכל כותרת ושמרו על ה-`{"{"}#id{"}"}` שלה: `covalue import` מציב כל תשובה במקומה, ואת החלק של כל פרסונה במעבר תחת הפרסונה.
