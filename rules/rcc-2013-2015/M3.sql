-- id: M3
-- severity: warning
-- title.sv: Kontaktpersonens e-postadress verkar felaktig
-- title.en: The contact e-mail address is not plausible
-- explain.sv: E-postadressen ska ha formen namn@domän.toppdomän, utan mellanslag.
-- explain.en: The e-mail address should have the form local@domain.tld, without spaces.
-- fix.sv: Skriv kontaktpersonens e-postadress i attributet email på <contact>, t.ex.
--   email="karin.ek@regionostergotland.se", utan mellanslag eller namn runt adressen.
-- fix.en: Write the contact person's e-mail address in the email attribute of <contact>, e.g.
--   email="karin.ek@example.se", without spaces or a name around the address.
-- message.sv: E-postadressen "{value}" verkar felaktig; skriv den som namn@domän.se
-- message.en: The e-mail address "{value}" is not plausible; write it as local@domain.tld
SELECT line, col, text AS value
FROM field
WHERE name = 'contact.email' AND NOT plausible_email(coalesce(text, ''))
  AND trim(coalesce(text, ''), ' ' || char(9, 10, 13, 160, 8239)) <> '' -- an empty address is S1
