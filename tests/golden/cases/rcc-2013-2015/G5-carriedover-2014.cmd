check --rules rules --today 2026-11-22 --lang en --previous samples/invalid/G5-previous-2013.xml samples/invalid/G5-carriedover-2014.xml
check --rules rules --today 2026-11-22 --lang sv --format json --previous samples/invalid/G5-previous-2013.xml samples/invalid/G5-carriedover-2014.xml
