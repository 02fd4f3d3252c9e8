check --rules rules --today 2026-11-22 --lang en samples/invalid/A6-overflow.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/A6-overflow.xml
