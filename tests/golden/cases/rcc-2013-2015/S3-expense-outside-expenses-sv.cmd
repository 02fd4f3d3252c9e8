check --rules rules --today 2026-11-22 --lang sv tests/golden/inputs/S3-expense-outside-expenses.xml
