-- id: M3
-- severity: warning
-- title.sv: Kontaktens e-postadress verkar felaktig
-- title.en: The contact e-mail address is not plausible
-- explain.sv: E-postadressen ska ha formen namn@domän.toppdomän, utan mellanslag.
-- explain.en: The e-mail address should have the form local@domain.tld, without spaces.
-- message.sv: E-postadressen "{value}" verkar felaktig; skriv den som namn@domän.se
-- message.en: The e-mail address "{value}" is not plausible; write it as local@domain.tld
SELECT line, col, text AS value
FROM field
WHERE name = 'contact.email' AND NOT plausible_email(coalesce(text, ''))
