-- id: M1
-- severity: error
-- title.sv: Mottagaren är inte en offentlig organisation
-- title.en: The recipient's organisation number is not that of a public body
-- explain.sv: Bidraget betalas till regioner (offentliga organisationer), vars organisationsnummer
--   börjar med 2. Kontrollera att mottagarens nummer är regionens och inte t.ex. ett bolags.
-- explain.en: The grant is paid to regions (public bodies), whose organisation numbers start with 2.
--   Check that the number is the region's and not, e.g., a company's.
-- fix.sv: Skriv regionens organisationsnummer i attributet orgnr på <recipient> (regioner har
--   nummer som börjar med 2, t.ex. 232100-0040), inte ett bolags eller en förvaltnings.
-- fix.en: Write the region's organisation number in the orgnr attribute of <recipient> (regions
--   have numbers starting with 2, e.g. 232100-0040), not a company's.
-- message.sv: Organisationsnumret {value} börjar inte med 2 och tillhör därför inte en offentlig organisation
-- message.en: The organisation number {value} does not start with 2, so it is not that of a public body
SELECT line, col, text AS value
FROM field
WHERE name = 'recipient.orgnr' AND orgnr_problem(text) IS NULL AND substr(text, 1, 1) <> '2'
