check --rules rules --today 2026-11-22 --lang en samples/invalid/X4-unknown-programme.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/X4-unknown-programme.xml
