check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/S1-blank-nbsp.xml
