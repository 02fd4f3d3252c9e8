-- id: G6
-- severity: error
-- title.sv: Första programåret: inget överfört belopp
-- title.en: First programme year: carriedOver must be 0
-- explain.sv: Under programperiodens första år finns inga medel från ett tidigare år att föra in.
-- explain.en: In the programme period's first year there are no funds from an earlier year to bring in.
-- fix.sv: Skriv <carriedOver>0.00</carriedOver> i redovisningen för programperiodens första år.
-- fix.en: Write <carriedOver>0.00</carriedOver> in the statement for the programme period's first
--   year.
-- message.sv: {year} är programmets första år, så överfört från förra året ska vara 0,00 kr, inte {carried:amount}
-- message.en: {year} is the programme's first year, so carried over from last year must be SEK 0.00, not {carried:amount}
SELECT c.line, c.col, s.year, c.amount AS carried
FROM field c, figures s
WHERE c.name = 'carriedOver' AND c.amount <> 0
  AND s.year = (SELECT min(year) FROM programme_year)
