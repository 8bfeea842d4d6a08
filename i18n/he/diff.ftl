## דפי השינויים של covalue diff (diff --format md ו־--format html): מה
## השתנה בין שתי גרסאות של חוברת עבודה. בעברית החץ מצביע שמאלה: הערך
## הקודם מימין, החדש משמאל.

diff-title-since = מה השתנה מאז { $old }
diff-title-between = מה השתנה בין { $old } לבין { $new }
diff-compared = { $old } ← { $new }
diff-version-commit = { $version } (קומיט { $commit })
diff-last-commit = הקומיט האחרון ({ $commit })
diff-commit = קומיט { $commit }
diff-working-tree = הקבצים כפי שהם עכשיו
diff-arrow = ←
diff-none = (אין)
diff-workbook = חוברת העבודה ({ $file })
diff-not-compared-label = לא הושווה:
diff-not-compared = בגרסה { $version }, { $place }: { $message }
diff-col-population = אוכלוסייה
diff-col-changes = שינויים
diff-col-completeness = התקדמות
diff-printed = { $compared } · הודפס { $date }

diff-area = { $area ->
        [population] אוכלוסייה
        [personas] פרסונות
        [process-map] מפת תהליך
        [configurations] תצורות ערך
        [value-compass] מצפן ערך
        [improvements] שיפורים
       *[answers] תשובות
    }

diff-the-population = האוכלוסייה
diff-the-map = המפה עצמה
diff-record-field = { $what }: { $field }
diff-field-value = { $field } { $change }
diff-field-words = { $field }: { $words }
diff-persona = { $change ->
        [added] נוספה הפרסונה { $name } ({ $id })
        [removed] הוסרה הפרסונה { $name } ({ $id })
       *[changed] הפרסונה { $name } ({ $id })
    }
diff-step = { $change ->
        [added] נוסף השלב { $name } ({ $id }) כשלב { $to }
        [removed] הוסר השלב { $name } ({ $id }), שהיה שלב { $from }
        [moved] הועבר השלב { $name } ({ $id }) ממקום { $from } למקום { $to }
       *[changed] השלב { $name } ({ $id })
    }
diff-measure = { $change ->
        [added] נוסף המדד { $name } ({ $id }){ $kind ->
            [outcome] {" "}ברביע { $quadrant }
            [process] , מדד תהליך
            [balancing] , מדד מאזן
           *[other] , מדד מסוג { $kind }
        }
        [removed] הוסר המדד { $name } ({ $id }){ $kind ->
            [outcome] {" "}מהרביע { $quadrant }
            [process] , מדד תהליך
            [balancing] , מדד מאזן
           *[other] , מדד מסוג { $kind }
        }
       *[changed] המדד { $name } ({ $id })
    }
diff-improvement-added = נוסף השיפור { $name } ({ $id }) ({ $about })
diff-cluster-status = { $cluster }, { $status }
diff-improvement = { $change ->
        [added] נוסף השיפור { $name } ({ $id })
        [removed] הוסר השיפור { $name } ({ $id })
       *[changed] השיפור { $name } ({ $id })
    }
diff-walkthrough = { $change ->
        [added] נוסף המעבר של { $name } ({ $id }) ב{ $configuration }
        [removed] הוסר המעבר של { $name } ({ $id }) ב{ $configuration }
       *[changed] המעבר של { $name } ({ $id }) ב{ $configuration }
    }
diff-answer = { $question } ({ $id })
diff-not-in-guide = אינה שאלה של המדריך
diff-status-reason = { $status }: { $reason }
diff-status-deferred = { $status }: { $reason } ({ $details })

diff-settled = { $done } מתוך { $total } שאלות סגורות (טופס { $form ->
        [short] מקוצר
       *[full] מלא
    })
diff-settled-change = { $before } ← { $after } מתוך { $total } שאלות סגורות (טופס { $form ->
        [short] מקוצר
       *[full] מלא
    })
diff-settled-change-total = { $before } מתוך { $before_total } ← { $after } מתוך { $total } שאלות סגורות (טופס { $form ->
        [short] מקוצר
       *[full] מלא
    })
diff-settled-more = { $state ->
        [open] פתוחות
       *[deferred] נדחו
    } { $before } ← { $after }
diff-and-more = { $first }; { $more }
diff-population-added = אוכלוסייה חדשה עם { $personas ->
        [one] פרסונה אחת
       *[other] { $personas } פרסונות
    }, { $steps ->
        [one] שלב תהליך אחד
       *[other] { $steps } שלבי תהליך
    } ו־{ $measures ->
        [one] מדד אחד
       *[other] { $measures } מדדים
    }; { $settled }.
diff-population-removed = הוסרה. היו בה { $personas ->
        [one] פרסונה אחת
       *[other] { $personas } פרסונות
    }, { $steps ->
        [one] שלב תהליך אחד
       *[other] { $steps } שלבי תהליך
    } ו־{ $measures ->
        [one] מדד אחד
       *[other] { $measures } מדדים
    }; { $settled }.
diff-population-changed = { $settled }.

diff-summary-none = אין שינויים בין { $old } לבין { $new }.
diff-summary = { $changes ->
        [one] שינוי אחד
       *[other] { $changes } שינויים
    } בין { $old } לבין { $new }: { $what }.
diff-summary-populations = { $count ->
        [one] אוכלוסייה אחת { $state ->
            [added] נוספה
            [removed] הוסרה
           *[changed] השתנתה
        }
       *[other] { $count } אוכלוסיות { $state ->
            [added] נוספו
            [removed] הוסרו
           *[changed] השתנו
        }
    }
diff-summary-workbook = { $file } השתנה
diff-summary-unreadable = לא ניתן היה לקרוא קבצים
diff-list-and = { $first } ו־{ $last }

diff-stat-new = אוכלוסייה חדשה
diff-stat-removed = הוסרה
diff-stat-count = { $what ->
        [added] { $count } נוספו
        [removed] { $count } הוסרו
        [changed] { $count } השתנו
        [moved] { $count } הועברו
        [answers] { $count ->
            [one] תשובה אחת
           *[other] { $count } תשובות
        }
       *[unreadable] { $count ->
            [one] קובץ אחד שלא נקרא
           *[other] { $count } קבצים שלא נקראו
        }
    }
