-- id: G3
-- severity: error
-- title.sv: Året ligger utanför programperioden
-- title.en: The year is outside the programme period
-- explain.sv: Redovisningsåret måste vara ett av programperiodens år (för rcc-2013-2015: 2013, 2014
--   och 2015).
-- explain.en: The reporting year must be one of the programme period's years (for rcc-2013-2015:
--   2013, 2014 and 2015).
-- fix.sv: Skriv redovisningsåret med fyra siffror i <year>. Gäller redovisningen ett år i en annan
--   programperiod, ange den periodens program i <programme>.
-- fix.en: Write the reporting year as four digits in <year>. If the statement is for a year in
--   another programme period, name that period's programme in <programme>.
-- message.sv: År {year} ingår inte i programmet {programme} (år: {years})
-- message.en: Year {year} is not part of programme {programme} (years: {years})
SELECT f.line, f.col, f.num AS year, (SELECT value FROM param WHERE name = 'id') AS programme,
  (SELECT group_concat(year, ', ') FROM (SELECT year FROM programme_year ORDER BY year)) AS years
FROM field f
WHERE f.name = 'year' AND f.num IS NOT NULL
  AND f.num NOT IN (SELECT year FROM programme_year)
