check --rules rules --today 2026-11-22 --lang en --previous samples/valid/sydost-2013.xml tests/golden/inputs/M5-orgnr-without-hyphen.xml
check --rules rules --today 2026-11-22 --lang sv --previous samples/valid/sydost-2013.xml tests/golden/inputs/M5-orgnr-without-hyphen.xml
