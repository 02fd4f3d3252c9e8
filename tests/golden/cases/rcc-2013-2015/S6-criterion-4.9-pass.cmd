check --rules rules --today 2026-11-22 --lang en samples/valid/vast-2013.xml
