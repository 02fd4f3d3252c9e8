check --rules rules --today 2026-11-22 --lang en samples/invalid/A5-negative-repay.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/A5-negative-repay.xml
