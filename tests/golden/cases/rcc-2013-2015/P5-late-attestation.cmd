check --rules rules --today 2026-11-22 --lang en samples/invalid/P5-late-attestation.xml
check --rules rules --today 2026-11-22 --lang sv --format json samples/invalid/P5-late-attestation.xml
