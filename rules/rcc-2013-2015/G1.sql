-- id: G1
-- severity: error
-- title.sv: Beviljat belopp motsvarar inte en lika stor andel av anslaget
-- title.en: The granted amount is not an equal share of the appropriation
-- explain.sv: Statsbidraget delas lika mellan de regionala cancercentrumen: varje RCC beviljas
--   årets anslag delat med antalet RCC (för 2013–2015: 60 000 000 kr delat på 6 RCC = 10 000 000
--   kr). Meddelandet visar beräkningen.
-- explain.en: The state grant is shared equally between the regional cancer centres: each RCC is
--   granted the year's appropriation divided by the number of RCCs (for 2013–2015: SEK 60,000,000
--   divided among 6 RCCs = SEK 10,000,000). The message shows the computation.
-- fix.sv: Skriv det belopp som står i beslutet om statsbidrag i <granted>: den lika andel som
--   meddelandet visar. Har ni fått ett annat belopp utbetalt skrivs det i <received>.
-- fix.en: Write the amount from the grant decision in <granted>: the equal share the message shows.
--   If a different amount was paid out, write that in <received>.
-- message.sv: Beviljat {granted:amount} motsvarar inte en lika stor andel: anslaget för {year} ({appropriation:amount}) delat på {rccs} RCC = {share:amount}
-- message.en: Granted {granted:amount} is not the equal share: the {year} appropriation ({appropriation:amount}) divided among {rccs} RCCs = {share:amount}
SELECT g.line, g.col, g.amount AS granted, y.year, y.appropriation, p.value AS rccs,
  y.appropriation / p.value AS share
FROM field g, figures s
JOIN programme_year y ON y.year = s.year
JOIN param p ON p.name = 'rcc_count'
WHERE g.name = 'granted' AND g.amount <> y.appropriation / p.value
