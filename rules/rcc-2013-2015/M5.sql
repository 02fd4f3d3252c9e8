-- id: M5
-- severity: warning
-- title.sv: Mottagarens organisationsnummer har ändrats sedan förra året
-- title.en: The recipient's organisation number differs from last year's statement
-- explain.sv: Samma RCC brukar ha samma mottagare år från år. Ett annat organisationsnummer än i
--   förra årets redovisning (från registret eller --previous) ska följas upp. Utan förra årets
--   redovisning prövas M5 inte (se noteringen från G5).
-- explain.en: An RCC normally has the same recipient every year. An organisation number other than
--   in last year's statement (from the register or --previous) should be followed up. Without last
--   year's statement M5 is not evaluated (see the info finding of G5).
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
WHERE o.name = 'recipient.orgnr' AND o.text <> p.text
