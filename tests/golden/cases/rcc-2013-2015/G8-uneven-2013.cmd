register --db $T/reg.db --rules rules --today 2026-11-22 --lang en samples/valid
register --db $T/reg.db --rules rules --today 2026-11-22 --lang en samples/invalid/G1-granted.xml
register --db $T/reg.db --rules rules --today 2026-11-22 --lang sv samples/invalid/G2-received.xml
