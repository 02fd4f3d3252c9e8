check --rules rules --today 2026-11-22 --lang sv samples/valid
