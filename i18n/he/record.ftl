# המילים של עמודת "עם בעיות" בסיכומי ההשלמה ושל שמות התפקידים בעמודים
# (מזהי rec-). עברית, טיוטה.

rec-col-with-problems = עם בעיות
rec-n-with-problems = { $count } עם בעיות
rec-completeness-problems = תשובה שבה covalue check מוצא שגיאה או אזהרה נספרת כנענתה עם בעיות: השאלה אינה סגורה עד שהבעיה מתוקנת.
rec-focus-counts = השאלות של השלבים שבמוקד עבור { $population }
rec-roles = תפקידים: { $roles }.
