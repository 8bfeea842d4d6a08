# The words of the completeness counts' "with problems" and of role names
# on the pages (rec- ids). English.

rec-col-with-problems = With problems
rec-n-with-problems = { $count } with problems
rec-completeness-problems = An answer in which covalue check finds an error or a warning counts as answered with problems: it is not settled until the problem is fixed.
rec-focus-counts = The questions of the steps in focus for { $population }
rec-roles = Roles: { $roles }.
