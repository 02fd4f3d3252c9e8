-- id: A4
-- severity: error
-- title.sv: Bidraget är överförbrukat
-- title.en: The grant is overspent
-- explain.sv: Kostnaderna får inte överstiga de medel som fanns: överfört från förra året plus
--   erhållet i år (<carriedOver> + <received>).
-- explain.en: Expenses must not exceed the funds available: carried over from last year plus
--   received this year (<carriedOver> + <received>).
-- message.sv: Totala kostnader {total:amount} överstiger tillgängliga medel {available:amount} (överfört {carried:amount} + erhållet {received:amount}) med {over:amount}
-- message.en: totalExpenses {total:amount} exceed the funds available {available:amount} (carriedOver {carried:amount} + received {received:amount}) by {over:amount}
SELECT t.line, t.col, s.totalExpenses AS total, s.carriedOver + s.received AS available,
  s.carriedOver AS carried, s.received, s.totalExpenses - (s.carriedOver + s.received) AS over
FROM field t, figures s
WHERE t.name = 'totalExpenses' AND s.totalExpenses > s.carriedOver + s.received
