-- id: G5
-- severity: error
-- title.sv: Överfört belopp stämmer inte med förra årets redovisning
-- title.en: carriedOver differs from last year's carryForward
-- explain.sv: Det som förs in från förra året (<carriedOver>) ska vara exakt det som samma RCC förde
--   över i förra årets redovisning (<carryForward>). Förra årets redovisning hämtas ur registret
--   eller anges med --previous; saknas den ges en notering (info) om att G5 inte prövades.
-- explain.en: What is brought in from last year (<carriedOver>) must equal what the same RCC carried
--   forward in last year's statement (<carryForward>). Last year's statement comes from the register
--   or is given with --previous; when it is missing, an info finding says G5 was not evaluated.
-- message.sv: Överfört från förra året {carried:amount} skiljer sig från {forward:amount} som fördes över i redovisningen för {prev_year} ({source})
-- message.en: carriedOver {carried:amount} differs from carryForward {forward:amount} in the statement for {prev_year} ({source})
-- message.not_evaluated.sv: G5 prövades inte: samma RCC:s redovisning för {prev_year} finns inte tillgänglig; ange den med --previous eller registrera den
-- message.not_evaluated.en: G5 was not evaluated: the same RCC's statement for {prev_year} is not available; give it with --previous or register it
WITH prev AS (SELECT max(amount) AS forward, count(*) AS n FROM previous_field WHERE name = 'carryForward')
SELECT c.line, c.col, c.amount AS carried, p.forward, s.year - 1 AS prev_year,
  (SELECT value FROM context WHERE name = 'previous_source') AS source,
  CASE WHEN p.n = 0 THEN 'info' END AS severity,
  CASE WHEN p.n = 0 THEN 'not_evaluated' END AS variant
FROM field c, figures s, prev p
WHERE c.name = 'carriedOver' AND c.amount IS NOT NULL
  AND s.year IN (SELECT year FROM programme_year)
  AND s.year > (SELECT min(year) FROM programme_year)
  AND (p.n = 0 OR c.amount <> p.forward)
