# covalue serve: העמודים שדוחים בקשה שהשרת לא יכול היה לקבל (גדולה מדי,
# איטית מדי, פגומה), ומה היה שגוי בטופס שלא נשמר.

http-crowded = השרת עמוס
http-crowded-help = יותר מדי חיבורים פתוחים; נסו שוב בעוד כמה שניות.
http-busy = השרת עמוס
http-busy-help = טפסים אחרים נשלחים כרגע; שמרו שוב בעוד כמה שניות.
http-head-late = הבקשה לא הגיעה בזמן
http-head-late-help = פתחו את העמוד שוב.
http-body-late = הטופס לא הגיע בזמן
http-body-late-help = בדקו את החיבור לרשת ושמרו שוב.
http-head-too-large = הכותרות של הבקשה גדולות מדי
http-head-too-large-help = פתחו את הכתובת ש־covalue serve הדפיס; אם זה עדיין נכשל, מחקו את העוגיות של השרת הזה.
http-too-many-headers = בבקשה יש יותר מדי כותרות
http-too-many-headers-help = פתחו בדפדפן את הכתובת ש־covalue serve הדפיס.
http-malformed = זו אינה בקשה שדפדפן שולח
http-malformed-help = פתחו בדפדפן את הכתובת ש־covalue serve הדפיס.
http-version = השרת הזה מדבר רק HTTP/1.1
http-version-help = פתחו בדפדפן את הכתובת ש־covalue serve הדפיס.
http-chunked = הטופס הזה נשלח בחלקים
http-chunked-help = שלחו אותו עם האורך שלו (Content-Length), כמו שדפדפנים עושים.
http-no-length = הטופס הזה לא מציין את האורך שלו
http-no-length-help = שלחו אותו עם האורך שלו (Content-Length), כמו שדפדפנים עושים.
http-bad-length = לא ניתן לקרוא את האורך של הטופס הזה
http-bad-length-help = שלחו אותו שוב מהעמוד.
http-too-large = הטופס הזה גדול מדי
http-too-large-help = תשובה של כמה עמודים זה בסדר; מסמכים ארוכים שמרו בקבצים של חוברת העבודה.
http-method = השרת הזה רק מציג עמודים ושומר טפסים
http-method-help = פתחו בדפדפן את הכתובת ש־covalue serve הדפיס.

# מה היה שגוי בטופס (אחרי "שום דבר לא נשמר: ").
http-field-empty = { $field }: השדה לא יכול להיות ריק
http-field-not-number = { $field }: `{ $value }` אינו מספר; כתבו ספרות, למשל 21 או 3.5
http-field-choose-one = { $field }: בחרו אחת מהאפשרויות ברשימה
http-field-tick-one = { $field }: סמנו לפחות אחת
http-field-not-in-list = { $field }: `{ $value }` אינו ברשימה
http-not-in-workbook = { $name } (לא בחוברת העבודה)
http-what-sees = מה ש{ $perspective } רואה
http-figure-needs-both = נתון צריך גם תיאור וגם ערך
http-not-a-role = `{ $value }` אינו תפקיד
http-team-role = בחרו את התפקיד של חבר הצוות
http-attendee-needs = משתתף צריך שם (או תיאור) ותפקיד
http-action-what = כתבו מהי הפעולה
http-not-a-date = `{ $value }` אינו תאריך: כתבו אותו בצורה YYYY-MM-DD
http-value-not-number = `{ $value }` אינו מספר: כתבו ספרות, למשל 58 או 2.4
http-not-a-state = `{ $value }` אינו סטטוס של המדריך
http-answer-needs-text = שאלה שנענתה צריכה תשובה: כתבו אותה בתיבת הטקסט, או בחרו סטטוס אחר
http-na-needs-reason = כתבו למה השאלה אינה רלוונטית
http-deferred-needs-reason = כתבו למה השאלה נדחית
http-unknown-status = סטטוס לא מוכר `{ $status }`
http-open-with-text = בתיבת הטקסט יש תשובה, אבל הסטטוס הוא פתוחה: בחרו נענתה כדי לשמור אותה, או רוקנו את התיבה
http-not-text = { $file } אינו טקסט UTF-8
http-fix-in-editor = תקנו אותו בעורך טקסט, ואז פתחו את העמוד שוב.
http-record-gone = { $kind ->
        [step] השלב
        [measure] המדד
       *[other] השיפור
    } `{ $id }` כבר לא נמצא ב־{ $file }
http-record-gone-help = מישהו הסיר אותו או שינה את המזהה שלו בינתיים. חזרו לעמוד של האוכלוסייה.
http-inline-sub = { $kind ->
        [measure] המדד הזה כתוב בשורה אחת ב־{ $file }; הוסיפו את הערך שלו בעורך טקסט
       *[other] השיפור הזה כתוב בשורה אחת ב־{ $file }; הוסיפו את הסטטוס שלו בעורך טקסט
    }
http-item-gone = { $item ->
        [figure] הנתון
        [team] חבר הצוות
        [attendees] המשתתף
       *[other] הפעולה
    } שסימנתם להסרה אינו ב־{ $file } כפי שהעמוד הציג: מישהו שינה או הסיר אותו בינתיים; הסתכלו שוב ברשימה
http-action-gone = הפעולה שסימנתם כבוצעה אינה ב־{ $file } כפי שהעמוד הציג: מישהו שינה או הסיר אותה בינתיים; הסתכלו שוב ברשימה
http-edit-unreadable = לא ניתן לקרוא את { $file } כפי שהוא עכשיו, ולכן covalue לא ישנה אותו: { $why }
http-edit-missing = ב־{ $file } כבר אין את מה שהטופס הזה משנה ({ $what }); פתחו את העמוד שוב
http-edit-would-break = השינוי היה משאיר את { $file } לא קריא ({ $why }); שום דבר לא נכתב
http-edit-by-hand = `{ $what }` ב־{ $file } { $why ->
        [list] אינו כתוב כרשימה בסוגריים מרובעים
        [inline] כתוב בשורה אחת
        [line] אינו כתוב בשורה אחת
       *[table] אינו טבלה
    }; שנו אותו בעורך טקסט
http-part-open-fence = שורה { $line } בטקסט, `{ $text }`, פותחת קטע קוד שלא נסגר אף פעם, ולכן הוא היה מסתיר את החלקים של הפרסונות שאחרי החלק הזה. שום דבר לא נשמר: סגרו אותו באותם סימנים בשורה נפרדת.
http-part-high-heading = שורה { $line } בטקסט, `{ $text }`, היא כותרת ברמה של החלקים של הפרסונות או מעליה, ולכן היא הייתה מסיימת את החלק הזה שם. שום דבר לא נשמר: כתבו כותרות משנה עם { $marks } או יותר, ואת החלק של כל פרסונה בתיבה משלו.
http-part-unknown-persona = לאף פרסונה באוכלוסייה הזו אין את המזהה `{ $id }`: החלק הזה מוצג תחת כותרת משלו. שנו את המזהה לזה של פרסונה, או הוסיפו את הפרסונה.
http-people-whole = כתבו כמה אנשים כמספר שלם, למשל 640
http-figure-needs = { $key ->
        [label] לנתון חסר התיאור
       *[other] לנתון חסר הערך
    }: כתבו אותו, או סמנו את התיבה כדי להסיר את הנתון
http-item-changed-gone = { $item ->
        [figure] הנתון
       *[other] חבר הצוות
    } ששיניתם אינו ב־{ $file } כפי שהעמוד הציג: מישהו שינה או הסיר אותו בינתיים; הסתכלו שוב ברשימה
http-bad-id = אי אפשר להשתמש ב־"{ $id }" כמזהה: השתמשו באותיות לטיניות קטנות, בספרות ובמקפים בודדים (בלי רווחים, לוכסנים או נקודות), למשל "{ $example }"
http-stray-own = שורה { $line } בטקסט, `{ $heading }`, היא כותרת עם המזהה של השאלה הזו עצמה, ולכן לשאלה יהיו שתי כותרות. שום דבר לא נשמר: הסירו את `{ $mark }` מהכותרת (או את הכותרת כולה).
http-stray-other = שורה { $line } בטקסט, `{ $heading }`, היא כותרת עם המזהה של השאלה `{ $id }`, והיא הייתה משתלטת על התשובה שלה. שום דבר לא נשמר: הסירו את `{ $mark }` מהכותרת (או את הכותרת כולה); כדי לענות על השאלה `{ $id }`, תנו לה כותרת משלה באותה רמה כמו האחרות.
http-qr-label = קוד QR עם הכתובת של העמוד הזה ומפתח הגישה שלו
