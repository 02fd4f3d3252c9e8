check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/P5-day-after-due.xml
