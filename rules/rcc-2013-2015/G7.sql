-- id: G7
-- severity: error
-- title.sv: Sista programåret: inget får föras över
-- title.en: Last programme year: carryForward must be 0
-- explain.sv: Vid programperiodens slut betalas outnyttjade medel tillbaka: under sista året ska
--   <carryForward> vara 0 och hela utgående saldot redovisas som <repay>.
-- explain.en: At the end of the programme period unused funds are repaid: in the last year
--   <carryForward> must be 0 and the whole closing balance reported as <repay>.
-- fix.sv: Skriv <carryForward>0.00</carryForward> och hela utgående saldot (<closing>) i <repay>.
-- fix.en: Write <carryForward>0.00</carryForward> and the whole closing balance (<closing>) in
--   <repay>.
-- message.sv: {year} är programmets sista år: {forward:amount} kan inte föras över utan ska betalas tillbaka (repay)
-- message.en: {year} is the programme's last year: {forward:amount} cannot be carried forward and must be repaid (repay)
SELECT f.line, f.col, s.year, f.amount AS forward
FROM field f, figures s
WHERE f.name = 'carryForward' AND f.amount <> 0
  AND s.year = (SELECT max(year) FROM programme_year)
