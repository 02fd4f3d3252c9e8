check --rules rules --today 2026-11-22 --lang en samples/invalid/M6-display-name.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/M6-display-name.xml
