check --rules rules --today 2026-11-22 --lang en samples/invalid/M4-currency-eur.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/M4-currency-eur.xml
