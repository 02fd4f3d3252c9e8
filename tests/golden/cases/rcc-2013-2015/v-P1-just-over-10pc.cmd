check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/P1-just-over-10pc.xml
