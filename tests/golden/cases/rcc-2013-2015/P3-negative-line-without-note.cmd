check --rules rules --today 2026-11-22 --lang en samples/invalid/P3-negative-line-without-note.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/P3-negative-line-without-note.xml
