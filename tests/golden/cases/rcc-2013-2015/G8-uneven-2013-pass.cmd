register --db $T/reg.db --rules rules --today 2026-11-22 --lang en samples/valid
