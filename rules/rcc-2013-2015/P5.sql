-- id: P5
-- severity: warning
-- title.sv: Attesterad efter sista inlämningsdag
-- title.en: Attested after the statement's due date
-- explain.sv: Redovisningen ska vara inlämnad senast sista inlämningsdagen (31 mars året efter
--   redovisningsåret). En senare attestering tyder på en sen redovisning.
-- explain.en: The statement is due by the due date (31 March of the year after the reporting year).
--   A later attestation suggests a late statement.
-- fix.sv: Kontrollera attesteringsdatumet. Är det riktigt behöver inget rättas; lämna in
--   redovisningen så snart som möjligt.
-- fix.en: Check the attestation date. If it is right nothing needs correcting; send the statement
--   as soon as possible.
-- message.sv: Attesterad {date}, efter sista dag {due} för redovisningen av {year}
-- message.en: Attested {date}, after the due date {due} of the statement for {year}
SELECT d.line, d.col, d.text AS date, y.due, y.year
FROM field d, figures s
JOIN programme_year y ON y.year = s.year
WHERE d.name = 'attestation.date' AND is_date(d.text) AND d.text > y.due
