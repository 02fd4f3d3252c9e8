check --rules rules --today 2026-11-22 --lang sv --previous samples/valid/norr-2013.xml --previous samples/valid/sydost-2013.xml samples/valid/sydost-2014.xml
