check
check --format xml x.xml
check --lang de x.xml
check --today 2014-02-30 x.xml
frobnicate
check --rules no/such/dir samples/valid/norr-2013.xml
check --rules rules --today 2026-11-22 rules
check --help
help list
--help
