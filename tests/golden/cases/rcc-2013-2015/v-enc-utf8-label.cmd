check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/enc-utf8-label.xml
