check --rules rules --today 2026-11-22 --lang en samples/invalid/G4-period-from.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/G4-period-from.xml
