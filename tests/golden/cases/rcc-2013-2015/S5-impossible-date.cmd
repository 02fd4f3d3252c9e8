check --rules rules --today 2026-11-22 --lang en samples/invalid/S5-impossible-date.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/S5-impossible-date.xml
