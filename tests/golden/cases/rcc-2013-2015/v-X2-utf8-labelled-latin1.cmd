check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/X2-utf8-labelled-latin1.xml
