check --rules rules --today 2026-11-22 --lang en --previous tests/golden/inputs/M5-previous-2013-other-orgnr.xml samples/valid/sydost-2014.xml
check --rules rules --today 2026-11-22 --lang sv --format json --previous tests/golden/inputs/M5-previous-2013-other-orgnr.xml samples/valid/sydost-2014.xml
