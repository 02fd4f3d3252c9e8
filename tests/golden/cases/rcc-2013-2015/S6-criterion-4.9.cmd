check --rules rules --today 2026-11-22 --lang en samples/invalid/S6-criterion-4.9.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/S6-criterion-4.9.xml
