# מילות העמוד של covalue בעברית (טיוטת תרגום).

test-greeting = שלום { $name }

form-short = טופס מקוצר
form-full = טופס מלא
form-register = מרשם שיפורים

page-number = עמוד { $page } מתוך { $pages }
