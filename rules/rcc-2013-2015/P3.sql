-- id: P3
-- severity: warning
-- title.sv: Negativ kostnadsrad utan förklaring
-- title.en: A negative expense line without a note
-- explain.sv: En negativ kostnadsrad är en rättelse (t.ex. en återförd kostnad) och ska förklaras
--   med attributet note.
-- explain.en: A negative expense line is a correction (e.g. a reversed cost) and should be explained
--   in a note attribute.
-- message.sv: Negativ kostnadsrad {amount:amount} ({category}, {criterion}) saknar förklaring; lägg till note="…"
-- message.en: Negative expense line {amount:amount} ({category}, {criterion}) has no explanation; add note="…"
SELECT line, col, amount, category, criterion
FROM expense
WHERE amount < 0 AND (note IS NULL OR trim(note) = '')
ORDER BY id
