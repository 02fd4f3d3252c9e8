check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/enc-iso-8859-1-holds-1252.xml
