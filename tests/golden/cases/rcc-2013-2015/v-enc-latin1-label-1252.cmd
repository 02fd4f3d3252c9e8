check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/enc-latin1-label-1252.xml
