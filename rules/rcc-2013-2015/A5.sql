-- id: A5
-- severity: error
-- title.sv: Negativt belopp där bara noll eller mer är rimligt
-- title.en: A negative amount where only zero or more makes sense
-- explain.sv: Alla belopp utom kostnadsrader (där en negativ rad är en rättelse, se P3) ska vara
--   noll eller större.
-- explain.en: Every amount but an expense line (where a negative line is a correction, see P3)
--   must be zero or more.
-- message.sv: <{name}> är negativt ({value:amount}); beloppet ska vara noll eller större
-- message.en: <{name}> is negative ({value:amount}); it must be zero or more
SELECT line, col, name, amount AS value
FROM field
WHERE amount < 0
ORDER BY line, col
