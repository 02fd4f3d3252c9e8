check --rules rules --today 2026-11-22 --lang en --previous samples/valid/vast-2013.xml samples/valid/vast-2014.xml
