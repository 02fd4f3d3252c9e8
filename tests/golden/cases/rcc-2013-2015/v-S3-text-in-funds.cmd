check --rules rules --today 2026-11-22 --lang en tests/golden/inputs/S3-text-in-funds.xml
check --rules rules --today 2026-11-22 --lang sv tests/golden/inputs/S3-text-in-funds.xml
