check --rules rules --today 2026-11-22 --lang en samples/invalid/P4-shared-35pc.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/P4-shared-35pc.xml
