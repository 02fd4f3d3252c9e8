check --rules rules --today 2026-11-22 --lang sv tests/golden/inputs/X2-ampersand.xml
check --rules rules --today 2026-11-22 --lang sv tests/golden/inputs/X2-curly-quotes.xml
check --rules rules --today 2026-11-22 --lang sv tests/golden/inputs/X2-truncated.xml
check --rules rules --today 2026-11-22 --lang sv tests/golden/inputs/X2-utf8-labelled-latin1.xml
check --rules rules --today 2026-11-22 --lang sv tests/golden/inputs/X2-cp1252-undeclared.xml
check --rules rules --today 2026-11-22 --lang sv samples/invalid/X2-missing-end-tag.xml
