check --rules rules --today 2026-11-22 --lang en samples/invalid/G7-carryforward-2015.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/G7-carryforward-2015.xml
