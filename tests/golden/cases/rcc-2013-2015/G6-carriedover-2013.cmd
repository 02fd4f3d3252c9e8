check --rules rules --today 2026-11-22 --lang en samples/invalid/G6-carriedover-2013.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/G6-carriedover-2013.xml
