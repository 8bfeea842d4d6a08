# covalue's page words in English: every word covalue itself puts on a
# printed or served page. Each message has the same id and the same
# variables in every language (tests/languages.rs checks it).
# Swedish, Hebrew and Spanish are draft translations.

## Used by the tests of the engine.
test-greeting = Hello { $name }

## The document.
form-short = Short form
form-full = Full form
form-register = Register of improvements

## The running footer of every printed page.
page-number = page { $page } of { $pages }
