check --rules rules --today 2026-11-22 --lang en --today 2015-03-01 samples/valid/sydost-2014.xml
