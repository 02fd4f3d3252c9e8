-- id: G8
-- severity: error
-- scope: register
-- title.sv: Årets beviljade belopp är inte lika eller summerar inte till anslaget
-- title.en: The year's granted amounts are not equal, or do not add up to the appropriation
-- explain.sv: Registernivå, per år: alla RCC:s aktuella redovisningar ska ange samma beviljade belopp
--   och summan ska vara årets anslag. Visas i sammanställningen (Lika fördelning) och av
--   grantcheck list. Så länge redovisningar saknas för ett år är G8 en upplysning som
--   namnger de RCC som saknas; fel bara om de inkomna anger olika beviljade belopp.
-- explain.en: Register level, per year: the current statements of all RCCs must report the same
--   granted amount, and their sum must be the year's appropriation. Shown in the summary (Equal
--   shares) and by grantcheck list. While statements of a year are missing, G8 is an info finding
--   naming the missing RCCs; an error only when the statements present report different amounts.
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
-- message.incomplete.sv: {year}: {n} av {rccs} inkomna; saknas: {missing_sv}. G8 prövas när alla finns
-- message.incomplete.en: {year}: {n} of {rccs} received; missing: {missing_en}. G8 is checked when all are in
-- Only the RCCs of the rule set count (an unknown RCC is registered as
-- unidentified and never current); an incomplete year is one info finding
-- naming the missing RCCs, an error only when the amounts present differ.
WITH cur AS (
  SELECT s.* FROM register_statement s
  WHERE s.programme = (SELECT value FROM param WHERE name = 'id')
    AND s.rcc IN (SELECT code FROM code WHERE list = 'rcc')
),
y AS (
  SELECT c.year, count(c.granted) AS n, sum(c.granted) AS total, min(c.granted) AS lowest, max(c.granted) AS highest
  FROM cur c GROUP BY c.year
),
gone AS (
  SELECT y.year, group_concat(k.label_sv, ', ') AS missing_sv, group_concat(k.label_en, ', ') AS missing_en
  FROM y JOIN (SELECT * FROM code WHERE list = 'rcc' ORDER BY seq) k
  WHERE k.code NOT IN (SELECT c.rcc FROM cur c WHERE c.year = y.year AND c.granted IS NOT NULL)
  GROUP BY y.year
)
SELECT NULL AS line, NULL AS col, y.year, y.n, y.total, y.lowest, y.highest, p.appropriation,
  (SELECT value FROM param WHERE name = 'rcc_count') AS rccs, g.missing_sv, g.missing_en,
  CASE WHEN y.lowest <> y.highest THEN NULL WHEN g.year IS NOT NULL THEN 'incomplete' ELSE 'sum' END AS variant,
  CASE WHEN y.lowest = y.highest AND g.year IS NOT NULL THEN 'info' ELSE 'error' END AS severity
FROM y JOIN programme_year p ON p.year = y.year LEFT JOIN gone g ON g.year = y.year
WHERE y.lowest <> y.highest OR y.total <> p.appropriation OR g.year IS NOT NULL
ORDER BY y.year
