check --rules rules --today 2026-11-22 --lang en samples/invalid/A4-overspent.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/A4-overspent.xml
