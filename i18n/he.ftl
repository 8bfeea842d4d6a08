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
