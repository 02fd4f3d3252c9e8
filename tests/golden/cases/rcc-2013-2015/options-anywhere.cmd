check samples/valid/norr-2013.xml --rules rules --today 2026-11-22 --lang sv
check samples/invalid/A1-sum-mismatch.xml --lang=en --rules=rules --today=2026-11-22 --format=json
register samples/valid/norr-2013.xml --db $T/reg.db --rules rules --today 2026-11-22 --lang en
list --db $T/reg.db --rules rules --year 1999 --lang en
explain A1 --rules rules --lang en
check --rules rules --today 2026-11-22 --lang en -- samples/valid/norr-2013.xml
check --rules rules --today 2026-11-22 --lang en -- --strict
check --rules rules --today 2026-11-22 --lang en samples/valid/norr-2013.xml -- -h
