-- id: A4
-- severity: error
-- title.sv: Kostnaderna överstiger tillgängliga medel
-- title.en: Expenses exceed the funds available
-- explain.sv: Kostnaderna får inte överstiga de medel som fanns: överfört från förra året plus
--   erhållet i år (<carriedOver> + <received>).
-- explain.en: Expenses must not exceed the funds available: carried over from last year plus
--   received this year (<carriedOver> + <received>).
-- fix.sv: Kontrollera kostnaderna och beloppen <carriedOver> och <received>. Kostnader som inte ska
--   betalas med statsbidraget ska inte redovisas här; kostnaderna får högst uppgå till tillgängliga
--   medel.
-- fix.en: Check the expenses and the amounts <carriedOver> and <received>. Costs not paid for by
--   the state grant do not belong in the statement; expenses may be at most the funds available.
-- message.sv: Totala kostnader {total:amount} överstiger tillgängliga medel {available:amount} (överfört från förra året {carried:amount} + erhållet {received:amount}) med {over:amount}
-- message.en: Total expenses {total:amount} exceed the funds available {available:amount} (carried over from last year {carried:amount} + received {received:amount}) by {over:amount}
SELECT t.line, t.col, s.totalExpenses AS total, s.carriedOver + s.received AS available,
  s.carriedOver AS carried, s.received, s.totalExpenses - (s.carriedOver + s.received) AS over
FROM field t, figures s
WHERE t.name = 'totalExpenses' AND s.totalExpenses > s.carriedOver + s.received
