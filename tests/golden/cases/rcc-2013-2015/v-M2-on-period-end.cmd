check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/M2-on-period-end.xml
