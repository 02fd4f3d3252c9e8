-- id: G8
-- severity: error
-- scope: register
-- title.sv: Årets beviljade belopp är inte lika eller summerar inte till anslaget
-- title.en: The year's granted amounts are not equal, or do not add up to the appropriation
-- explain.sv: Registernivå, per år: alla RCC:s aktuella redovisningar ska ange samma beviljade belopp
--   och summan ska vara årets anslag. Visas i sammanställningen (Lika fördelning) och av
--   grantcheck list. Saknas redovisningar för ett år sägs det i meddelandet.
-- explain.en: Register level, per year: the current statements of all RCCs must report the same
--   granted amount, and their sum must be the year's appropriation. Shown in the summary (Equal
--   shares) and by grantcheck list. When statements of a year are missing, the message says so.
-- fix.sv: Gäller registret (handläggaren). Kontrollera att varje RCC:s redovisning för året anger
--   samma beviljade belopp och att alla RCC:s redovisningar är registrerade; en felaktig
--   redovisning ersätts genom att RCC:n lämnar in en rättad.
-- fix.en: For the register (the officer). Check that every RCC's statement for the year reports the
--   same granted amount and that all RCCs' statements are registered; a wrong statement is replaced
--   when the RCC sends a corrected one.
-- message.sv: {year}: de aktuella redovisningarna anger olika beviljade belopp ({lowest:amount}–{highest:amount}); summan {total:amount} ska vara anslaget {appropriation:amount}
-- message.en: {year}: the current statements report different granted amounts ({lowest:amount} to {highest:amount}); their sum {total:amount} must be the appropriation {appropriation:amount}
-- message.sum.sv: {year}: summan av beviljade belopp {total:amount} i {n} av {rccs} RCC:s redovisningar skiljer sig från anslaget {appropriation:amount}
-- message.sum.en: {year}: the granted amounts of {n} of {rccs} RCCs' statements add up to {total:amount}, not the appropriation {appropriation:amount}
WITH y AS (
  SELECT s.year, count(*) AS n, sum(s.granted) AS total, min(s.granted) AS lowest, max(s.granted) AS highest
  FROM register_statement s
  WHERE s.granted IS NOT NULL AND s.programme = (SELECT value FROM param WHERE name = 'id')
  GROUP BY s.year
)
SELECT NULL AS line, NULL AS col, y.year, y.n, y.total, y.lowest, y.highest, p.appropriation,
  (SELECT value FROM param WHERE name = 'rcc_count') AS rccs,
  CASE WHEN y.lowest = y.highest THEN 'sum' END AS variant
FROM y JOIN programme_year p ON p.year = y.year
WHERE y.lowest <> y.highest OR y.total <> p.appropriation
ORDER BY y.year
