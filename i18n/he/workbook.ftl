# המילים ש-covalue כותב בקבצים של חוברת עבודה חדשה.

wb-title = חוברת עבודה ליצירת ערך בהפקה משותפת: { $name }
wb-prompt-personas = התשובה נמצאת בקבצים שבתיקייה personas/; הערות על האוכלוסייה נכתבות כאן.
wb-prompt-process-map = התשובה נמצאת בקובץ process-map.toml; הערות על המפה נכתבות כאן.
wb-prompt-compass = התשובה נמצאת בקובץ value-compass.toml; הערות על המדדים נכתבות כאן.
wb-prompt-walkthrough = הוסיפו כותרת משנה לכל פרסונה, למשל { $example }, ותארו איך האדם הזה פוגש את התצורה { $configuration }.
