check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/P5-on-due-date.xml
