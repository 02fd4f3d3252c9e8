check --rules rules --today 2026-11-22 --lang en samples/invalid/X3-wrong-namespace.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/X3-wrong-namespace.xml
