check --rules rules --today 2026-11-22 --lang en samples/invalid/M2-attested-before-period-end.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/M2-attested-before-period-end.xml
