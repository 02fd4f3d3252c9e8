-- id: G5
-- severity: error
-- title.sv: Överfört belopp stämmer inte med förra årets redovisning
-- title.en: The amount carried over differs from last year's statement
-- explain.sv: Det belopp som förts över från förra året (<carriedOver>) ska vara exakt det som
--   samma RCC förde över till nästa år i förra årets redovisning (<carryForward>). Förra årets
--   redovisning hämtas ur registret eller anges med --previous; saknas den ges en notering (info)
--   om att G5 inte prövades.
-- explain.en: What is brought in from last year (<carriedOver>) must equal what the same RCC carried
--   forward in last year's statement (<carryForward>). Last year's statement comes from the register
--   or is given with --previous; when it is missing, an info finding says G5 was not evaluated.
-- fix.sv: Skriv i <carriedOver> exakt det belopp som stod i <carryForward> i förra årets
--   redovisning. Var förra årets belopp fel ska den redovisningen rättas och lämnas in på nytt.
-- fix.en: Write in <carriedOver> exactly the amount in <carryForward> of last year's statement. If
--   last year's amount was wrong, that statement must be corrected and sent again.
-- message.sv: Överfört från förra året {carried:amount} skiljer sig från {forward:amount} som fördes över i redovisningen för {prev_year} ({source})
-- message.en: Carried over from last year {carried:amount} differs from the {forward:amount} carried forward in the statement for {prev_year} ({source})
-- message.not_evaluated.sv: G5 prövades inte: samma RCC:s redovisning för {prev_year} finns inte tillgänglig; ange den med --previous FIL
-- message.not_evaluated.en: G5 was not evaluated: the same RCC's statement for {prev_year} is not available; give it with --previous FILE
-- message.other_rcc.sv: G5 prövades inte: filen som angavs med --previous gäller {given_rcc}, men den här redovisningen gäller {rcc}; ange {rcc}s redovisning för {prev_year}
-- message.other_rcc.en: G5 was not evaluated: the --previous file is the statement of {given_rcc}, but this statement is {rcc}'s; give {rcc}'s statement for {prev_year}
-- message.other_year.sv: G5 prövades inte: filen som angavs med --previous är redovisningen för {given_year}, inte för {prev_year}; ange redovisningen för {prev_year}
-- message.other_year.en: G5 was not evaluated: the --previous file is the statement for {given_year}, not for {prev_year}; give the statement for {prev_year}
-- last year's carryForward, and the --previous statement that was given but is another RCC's or
-- another year's (context set by the engine)
WITH prev AS (SELECT max(amount) AS forward, count(*) AS n,
                     (SELECT value FROM context WHERE name = 'given_rcc') AS given_rcc,
                     (SELECT CAST(value AS INTEGER) FROM context WHERE name = 'given_year') AS given_year
              FROM previous_field WHERE name = 'carryForward')
SELECT c.line, c.col, c.amount AS carried, p.forward, s.year - 1 AS prev_year,
  (SELECT value FROM context WHERE name = 'previous_source') AS source,
  coalesce((SELECT label_sv FROM code WHERE list = 'rcc' AND code = p.given_rcc), p.given_rcc) AS given_rcc,
  coalesce((SELECT label_sv FROM code WHERE list = 'rcc' AND code = i.text), i.text) AS rcc,
  p.given_year,
  CASE WHEN p.n = 0 THEN 'info' END AS severity,
  CASE WHEN p.n > 0 THEN NULL
       WHEN p.given_rcc IS NOT NULL AND p.given_rcc <> i.text THEN 'other_rcc'
       WHEN p.given_rcc IS NOT NULL THEN 'other_year'
       ELSE 'not_evaluated' END AS variant
FROM prev p CROSS JOIN field c, figures s
LEFT JOIN field i ON i.name = 'rcc.id'
WHERE c.name = 'carriedOver' AND c.amount IS NOT NULL
  AND s.year IN (SELECT year FROM programme_year)
  AND s.year > (SELECT min(year) FROM programme_year)
  AND (p.n = 0 OR c.amount <> p.forward)
