# covalues sidtexter på svenska (utkast till översättning).

test-greeting = Hej { $name }

form-short = Kort formulär
form-full = Fullständigt formulär
form-register = Förbättringsregister

page-number = sida { $page } av { $pages }
