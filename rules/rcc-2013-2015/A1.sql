-- id: A1
-- severity: error
-- title.sv: Summan av kostnadsraderna stämmer inte med totala kostnader
-- title.en: The expense lines do not add up to the total expenses
-- explain.sv: Summan av alla <expense>-rader ska vara exakt <totalExpenses> (på öret). Prövas inte
--   när någon rad har ett felskrivet belopp (S4). Meddelandet visar båda beloppen och skillnaden.
-- explain.en: The sum of all <expense> lines must equal <totalExpenses> exactly (to the öre). Not
--   evaluated while a line has a malformed amount (S4). The message shows both and the difference.
-- fix.sv: Summera alla <expense>-rader på nytt och jämför med <totalExpenses>. Leta efter en rad
--   som saknas, som finns två gånger eller har fel belopp, och rätta den; stämmer raderna, skriv
--   deras summa i <totalExpenses>.
-- fix.en: Add up all <expense> lines again and compare with <totalExpenses>. Look for a line that
--   is missing, appears twice or has a wrong amount, and correct it; if the lines are right, write
--   their sum in <totalExpenses>.
-- message.sv: Summan av kostnadsraderna ({sum:amount}) stämmer inte med totala kostnader ({total:amount}); skillnad {diff:amount}
-- message.en: The expense lines add up to {sum:amount}, but the total expenses are {total:amount}; difference {diff:amount}
WITH lines AS (
  SELECT sum(sum) AS sum FROM expense_group
  HAVING sum(lines) > 0 AND sum(amounts) = sum(lines)
)
SELECT t.line, t.col, l.sum, t.amount AS total, l.sum - t.amount AS diff
FROM lines l CROSS JOIN field t
WHERE t.name = 'totalExpenses' AND t.amount IS NOT NULL AND l.sum <> t.amount
