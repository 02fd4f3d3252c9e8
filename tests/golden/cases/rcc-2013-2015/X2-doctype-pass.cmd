check --rules rules --today 2026-11-22 --lang en samples/valid/uppsala-orebro-2013.xml
