-- id: G3
-- severity: error
-- title.sv: Året ligger utanför programperioden
-- title.en: year is outside the programme's years
-- explain.sv: Redovisningsåret måste vara ett av programperiodens år (years.tsv).
-- explain.en: The reporting year must be one of the programme period's years (years.tsv).
-- message.sv: År {year} ingår inte i programmet {programme} (år: {years})
-- message.en: Year {year} is not part of programme {programme} (years: {years})
SELECT f.line, f.col, f.num AS year, (SELECT value FROM param WHERE name = 'id') AS programme,
  (SELECT group_concat(year, ', ') FROM (SELECT year FROM programme_year ORDER BY year)) AS years
FROM field f
WHERE f.name = 'year' AND f.num IS NOT NULL
  AND f.num NOT IN (SELECT year FROM programme_year)
