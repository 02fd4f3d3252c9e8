check --rules rules --today 2026-11-22 --lang en --format json samples/invalid/A3-balance-split.xml samples/valid/norr-2013.xml
