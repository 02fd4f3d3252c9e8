-- id: M2
-- severity: error
-- title.sv: Attesteringsdatum före periodens slut eller i framtiden
-- title.en: Attestation date before the end of the period, or in the future
-- explain.sv: Redovisningen kan attesteras först när året är slut och inte senare än i dag
--   (körningens datum; --today anger det för reproducerbara körningar).
-- explain.en: A statement can be attested only after the year has ended, and not later than today
--   (the run date; --today sets it for reproducible runs).
-- fix.sv: Skriv det datum då redovisningen intygades i attributet date på <attestation>, som
--   ÅÅÅÅ-MM-DD. Det ska ligga efter redovisningsårets slut och får inte ligga efter dagens datum.
-- fix.en: Write the date the statement was attested in the date attribute of <attestation>, as
--   YYYY-MM-DD. It must be after the end of the reporting year and not after today.
-- message.sv: Attesterad {date}, före periodens slut {end}; attestera efter årets slut
-- message.en: Attested {date}, before the end of the period {end}; attest after the year has ended
-- message.future.sv: Attesterad {date}, som ligger efter dagens datum {today}; kontrollera datumet
-- message.future.en: Attested {date}, which is after today {today}; check the date
WITH d AS (SELECT line, col, text FROM field WHERE name = 'attestation.date' AND is_date(text)),
     e AS (SELECT coalesce((SELECT text FROM field WHERE name = 'period.to' AND is_date(text)),
                           (SELECT printf('%04d-12-31', year) FROM figures WHERE year IS NOT NULL)) AS "end"),
     t AS (SELECT value AS today FROM context WHERE name = 'today')
SELECT d.line, d.col, d.text AS date, e."end", t.today,
  CASE WHEN d.text > t.today THEN 'future' END AS variant
FROM e CROSS JOIN d, t
WHERE d.text > t.today OR d.text <= e."end"
