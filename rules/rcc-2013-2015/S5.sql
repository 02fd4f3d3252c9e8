-- id: S5
-- severity: error
-- title.sv: Felskrivet eller omöjligt datum
-- title.en: Malformed or impossible date
-- explain.sv: Datum skrivs ÅÅÅÅ-MM-DD och måste finnas i kalendern (2014-02-30 finns inte).
--   Året i <year> skrivs med fyra siffror.
-- explain.en: Dates are written YYYY-MM-DD and must exist in the calendar (2014-02-30 does not).
--   The year in <year> is four digits.
-- fix.sv: Skriv datum som ÅÅÅÅ-MM-DD med ledande nollor, t.ex. 2015-03-12, och året i <year> med
--   fyra siffror. Kontrollera att dagen finns i månaden.
-- fix.en: Write dates as YYYY-MM-DD with leading zeros, e.g. 2015-03-12, and the year in <year> as
--   four digits. Check that the day exists in the month.
-- message.sv: "{value}" i {where_sv} är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2015-03-12
-- message.en: "{value}" in {where_en} is not a date; write YYYY-MM-DD, e.g. 2015-03-12
-- message.impossible.sv: Datumet {value} i {where_sv} finns inte i kalendern; ange ett verkligt datum
-- message.impossible.en: The date {value} in {where_en} does not exist in the calendar; give a real date
-- message.year.sv: "{value}" i <year> är inget årtal; skriv året med fyra siffror, t.ex. 2014
-- message.year.en: "{value}" in <year> is not a year; write it as four digits, e.g. 2014
SELECT n.line, n.col, f.field AS name, coalesce(n.text, '') AS value,
  -- where, as the administrator writes it: "attributet date på <attestation>"
  CASE WHEN instr(f.field, '.') > 0 THEN 'attributet ' || substr(f.field, instr(f.field, '.') + 1) || ' på <' || substr(f.field, 1, instr(f.field, '.') - 1) || '>'
    WHEN f.field = 'note' THEN 'attributet note på <expense>' ELSE '<' || f.field || '>' END AS where_sv,
  CASE WHEN instr(f.field, '.') > 0 THEN 'attribute ' || substr(f.field, instr(f.field, '.') + 1) || ' on <' || substr(f.field, 1, instr(f.field, '.') - 1) || '>'
    WHEN f.field = 'note' THEN 'attribute note on <expense>' ELSE '<' || f.field || '>' END AS where_en,
  CASE
    WHEN f.type = 'year' THEN 'year'
    WHEN n.text GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN 'impossible'
  END AS variant
FROM node n JOIN format f ON f.id = n.fmt
WHERE (f.type = 'date' AND NOT is_date(coalesce(n.text, ''))
       -- an empty date is missing: S1
       AND trim(coalesce(n.text, ''), ' ' || char(9, 10, 13, 160, 8239)) <> '')
   OR (f.type = 'year' AND NOT coalesce(n.text, '') GLOB '[0-9][0-9][0-9][0-9]')
ORDER BY n.id
