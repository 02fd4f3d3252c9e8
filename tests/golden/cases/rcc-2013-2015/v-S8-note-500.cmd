check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/S8-note-500.xml
