check --rules rules --today 2026-11-22 --lang en samples/valid/syd-2014.xml
