-- id: A5
-- severity: error
-- title.sv: Negativt belopp där bara noll eller mer är rimligt
-- title.en: A negative amount where only zero or more makes sense
-- explain.sv: Alla belopp utom kostnadsrader (där en negativ rad är en rättelse, se P3) ska vara
--   noll eller större.
-- explain.en: Every amount but an expense line (where a negative line is a correction, see P3)
--   must be zero or more.
-- fix.sv: Skriv beloppet utan minustecken, eller 0.00 om det inte finns något att redovisa. En
--   rättelse av en kostnad redovisas som en negativ kostnadsrad med en förklaring i note.
-- fix.en: Write the amount without a minus sign, or 0.00 when there is nothing to report. A
--   correction of a cost is reported as a negative expense line with an explanation in note.
-- message.sv: <{name}> är negativt ({value:amount}); beloppet ska vara noll eller större
-- message.en: <{name}> is negative ({value:amount}); it must be zero or more
SELECT line, col, name, amount AS value
FROM field
WHERE amount < 0
ORDER BY line, col
