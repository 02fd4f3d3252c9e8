-- id: A6
-- severity: error
-- title.sv: En summa är för stor för att beräknas exakt
-- title.en: A sum too large to compute exactly
-- explain.sv: Belopp räknas exakt i hela ören med 64 bitar. En summa som inte ryms (över
--   92 233 720 368 547 758,07 kr) rapporteras i stället för att avrundas; regler som behöver
--   summan prövas då inte. Kontrollera beloppen.
-- explain.en: Amounts are computed exactly in whole öre with 64 bits. A sum that does not fit
--   (above SEK 92,233,720,368,547,758.07) is reported instead of being rounded; rules that need
--   the sum are not evaluated. Check the amounts.
-- fix.sv: Ett så stort belopp är nästan säkert ett skrivfel (t.ex. ett kontonummer i beloppsfältet
--   eller belopp i ören). Kontrollera beloppen mot bokföringen.
-- fix.en: An amount this large is almost certainly a typing error (e.g. an account number in an
--   amount, or amounts in öre). Check the amounts against the books.
-- message.sv: Summan av de {lines} kostnadsraderna är för stor för att beräknas exakt; kontrollera beloppen
-- message.en: The sum of the {lines} expense lines is too large to compute exactly; check the amounts
-- message.rule.sv: En summa i regel {rule} är för stor för att beräknas exakt; kontrollera beloppen
-- message.rule.en: A sum in rule {rule} is too large to compute exactly; check the amounts
-- the groups' sums first, as one row (README, "three habits"): the nodes are read only when a
-- sum overflows
WITH g AS (SELECT sum(lines) AS lines, sum_overflows(sum) AS overflows FROM expense_group)
SELECT n.line, n.col, g.lines, NULL AS rule
FROM g CROSS JOIN node n
WHERE g.overflows = 1 AND n.path = 'statement/expenses' AND n.nth = 1
