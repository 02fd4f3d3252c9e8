-- id: M5
-- severity: warning
-- title.sv: Mottagarens organisationsnummer har ändrats sedan förra året
-- title.en: The recipient's organisation number differs from last year's statement
-- explain.sv: Samma RCC brukar ha samma mottagare år från år. Ett annat organisationsnummer än i
--   förra årets redovisning (från registret eller --previous) ska följas upp. Utan förra årets
--   redovisning prövas M5 inte (se noteringen från G5). Bara siffrorna jämförs: samma nummer
--   skrivet utan bindestreck rapporteras av S7, inte här.
-- explain.en: An RCC normally has the same recipient every year. An organisation number other than
--   in last year's statement (from the register or --previous) should be followed up. Without last
--   year's statement M5 is not evaluated (see the info finding of G5). Only the digits are
--   compared: the same number written without its hyphen is reported by S7, not here.
-- fix.sv: Kontrollera att organisationsnumret i <recipient> är mottagarens. Har mottagaren
--   verkligen bytts behöver inget rättas; meddela handläggaren.
-- fix.en: Check that the organisation number in <recipient> is the recipient's. If the recipient
--   really has changed nothing needs correcting; tell the officer.
-- message.sv: Organisationsnumret {value} skiljer sig från {previous} i redovisningen för {prev_year} ({source})
-- message.en: The organisation number {value} differs from {previous} in the statement for {prev_year} ({source})
SELECT o.line, o.col, o.text AS value, p.text AS previous, s.year - 1 AS prev_year,
  (SELECT value FROM context WHERE name = 'previous_source') AS source
FROM field o, figures s
JOIN previous_field p ON p.name = 'recipient.orgnr'
-- digits only: "2321000040" is last year's 232100-0040 written without the hyphen (S7 reports the form)
WHERE o.name = 'recipient.orgnr'
  AND replace(replace(o.text, '-', ''), ' ', '') <> replace(replace(p.text, '-', ''), ' ', '')
