check --rules rules --today 2026-11-22 --lang en --format json samples/valid/vast-2014.xml
