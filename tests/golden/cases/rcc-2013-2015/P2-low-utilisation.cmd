check --rules rules --today 2026-11-22 --lang en samples/invalid/P2-low-utilisation.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/P2-low-utilisation.xml
