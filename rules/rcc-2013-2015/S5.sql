-- id: S5
-- severity: error
-- title.sv: Felskrivet eller omöjligt datum
-- title.en: Malformed or impossible date
-- explain.sv: Datum skrivs ÅÅÅÅ-MM-DD och måste finnas i kalendern (2014-02-30 finns inte).
--   Året i <year> skrivs med fyra siffror.
-- explain.en: Dates are written YYYY-MM-DD and must exist in the calendar (2014-02-30 does not).
--   The year in <year> is four digits.
-- message.sv: "{value}" ({name}) är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2015-03-12
-- message.en: "{value}" ({name}) is not a date; write YYYY-MM-DD, e.g. 2015-03-12
-- message.impossible.sv: Datumet {value} ({name}) finns inte i kalendern; ange ett verkligt datum
-- message.impossible.en: The date {value} ({name}) does not exist in the calendar; give a real date
-- message.year.sv: "{value}" i <year> är inget årtal; skriv året med fyra siffror, t.ex. 2014
-- message.year.en: "{value}" in <year> is not a year; write it as four digits, e.g. 2014
SELECT n.line, n.col, f.field AS name, coalesce(n.text, '') AS value,
  CASE
    WHEN f.type = 'year' THEN 'year'
    WHEN n.text GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN 'impossible'
  END AS variant
FROM node n JOIN format f ON f.id = n.fmt
WHERE (f.type = 'date' AND NOT is_date(coalesce(n.text, '')))
   OR (f.type = 'year' AND NOT coalesce(n.text, '') GLOB '[0-9][0-9][0-9][0-9]')
ORDER BY n.id
