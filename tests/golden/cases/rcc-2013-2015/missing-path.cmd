check --rules rules --today 2026-11-22 --lang en no/such/file.xml
check --rules rules --today 2026-11-22 --lang sv samples/valid no/such/file.xml
register --db $T/reg.db --rules rules --lang en samples/valid/norr-2013.xml no/such/file.xml
list --db $T/reg.db --rules rules --lang en
