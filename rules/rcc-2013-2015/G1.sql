-- id: G1
-- severity: error
-- title.sv: Beviljat belopp är inte den lika andelen
-- title.en: granted is not the equal share
-- explain.sv: Statsbidraget delas lika mellan RCC: varje RCC beviljas årets anslag delat med antalet
--   RCC (years.tsv och rcc_count i programme.tsv). Meddelandet visar beräkningen.
-- explain.en: The state grant is shared equally: each RCC is granted the year's appropriation divided
--   by the number of RCCs (years.tsv and rcc_count in programme.tsv). The message shows the
--   computation.
-- message.sv: Beviljat {granted:amount} är inte den lika andelen: anslaget för {year} {appropriation:amount} / {rccs} RCC = {share:amount}
-- message.en: granted {granted:amount} is not the equal share: the {year} appropriation {appropriation:amount} / {rccs} RCCs = {share:amount}
SELECT g.line, g.col, g.amount AS granted, y.year, y.appropriation, p.value AS rccs,
  y.appropriation / p.value AS share
FROM field g, figures s
JOIN programme_year y ON y.year = s.year
JOIN param p ON p.name = 'rcc_count'
WHERE g.name = 'granted' AND g.amount <> y.appropriation / p.value
