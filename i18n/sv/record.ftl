# Orden för kolumnen "med problem" i sammanställningarna och för rollernas
# namn på sidorna (rec-id). Svenska, utkast.

rec-col-with-problems = Med problem
rec-n-with-problems = { $count } med problem
rec-completeness-problems = Ett svar där covalue check hittar ett fel eller en varning räknas som besvarat med problem: frågan är inte avklarad förrän problemet är åtgärdat.
rec-focus-counts = Frågorna i stegen i fokus för { $population }
rec-roles = Roller: { $roles }.
