check --rules rules --today 2026-11-22 --lang en --strict samples/invalid/G2-received.xml
check --rules rules --today 2026-11-22 --lang en samples/invalid/G2-received.xml
