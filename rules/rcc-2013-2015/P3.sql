-- id: P3
-- severity: warning
-- title.sv: Negativ kostnadsrad utan förklaring
-- title.en: A negative expense line without a note
-- explain.sv: En negativ kostnadsrad är en rättelse (t.ex. en återförd kostnad) och ska förklaras
--   med attributet note.
-- explain.en: A negative expense line is a correction (e.g. a reversed cost) and should be explained
--   in a note attribute.
-- fix.sv: Förklara rättelsen i attributet note på raden, t.ex. <expense category="travel"
--   criterion="4.2" note="Återbetald konferensavgift">-2500.00</expense>.
-- fix.en: Explain the correction in the note attribute of the line, e.g. <expense category="travel"
--   criterion="4.2" note="Refunded conference fee">-2500.00</expense>.
-- message.sv: Negativ kostnadsrad {amount:amount} ({category_sv}, kriterium {criterion_sv}) saknar förklaring; lägg till note="…"
-- message.en: Negative expense line {amount:amount} ({category_en}, criterion {criterion_en}) has no explanation; add note="…"
SELECT e.line, e.col, e.amount, e.category, e.criterion,
  -- the codes with their labels, as an administrator knows them: "Resor (travel)", "4.2 Vårdprocesser"
  coalesce(a.label_sv || ' (' || e.category || ')', e.category) AS category_sv,
  coalesce(a.label_en || ' (' || e.category || ')', e.category) AS category_en,
  coalesce(e.criterion || ' ' || r.label_sv, e.criterion) AS criterion_sv,
  coalesce(e.criterion || ' ' || r.label_en, e.criterion) AS criterion_en
FROM expense e
LEFT JOIN code a ON a.list = 'category' AND a.code = e.category
LEFT JOIN code r ON r.list = 'criterion' AND r.code = e.criterion
WHERE amount < 0 AND (note IS NULL OR trim(note) = '')
ORDER BY e.id
