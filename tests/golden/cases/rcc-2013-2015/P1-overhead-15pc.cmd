check --rules rules --today 2026-11-22 --lang en samples/invalid/P1-overhead-15pc.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/P1-overhead-15pc.xml
