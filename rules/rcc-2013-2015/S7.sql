-- id: S7
-- severity: error
-- title.sv: Felaktigt organisationsnummer
-- title.en: Malformed organisation number
-- explain.sv: Organisationsnumret skrivs NNNNNN-NNNN och den sista siffran är en kontrollsiffra
--   (Luhn-algoritmen över de tio siffrorna). Kontrollera numret mot Bolagsverket eller SCB.
-- explain.en: The organisation number is written NNNNNN-NNNN and its last digit is a check digit
--   (the Luhn algorithm over the ten digits). Check the number against the official registers.
-- fix.sv: Skriv organisationsnumret som NNNNNN-NNNN, t.ex. orgnr="232100-0040", och kontrollera
--   siffrorna mot regionens uppgifter.
-- fix.en: Write the organisation number as NNNNNN-NNNN, e.g. orgnr="232100-0040", and check the
--   digits against the region's records.
-- message.sv: Organisationsnumret "{value}" ska skrivas NNNNNN-NNNN (sex siffror, bindestreck, fyra siffror)
-- message.en: The organisation number "{value}" must be written NNNNNN-NNNN (six digits, a hyphen, four digits)
-- message.checkdigit.sv: Organisationsnumret {value} har fel kontrollsiffra; kontrollera numret
-- message.checkdigit.en: The organisation number {value} has a wrong check digit; check the number
SELECT n.line, n.col, coalesce(n.text, '') AS value,
  CASE orgnr_problem(coalesce(n.text, '')) WHEN 'checkdigit' THEN 'checkdigit' END AS variant
FROM node n JOIN format f ON f.id = n.fmt
WHERE f.type = 'orgnr' AND orgnr_problem(coalesce(n.text, '')) IS NOT NULL
ORDER BY n.id
