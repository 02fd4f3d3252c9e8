check --rules rules --today 2026-11-22 --lang en samples/invalid/G3-year-2016.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/G3-year-2016.xml
