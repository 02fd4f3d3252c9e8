check --rules rules --today 2026-11-22 --lang en samples/invalid/A1-sum-mismatch.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/A1-sum-mismatch.xml
