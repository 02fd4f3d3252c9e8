-- id: A2
-- severity: error
-- title.sv: Utgående saldo stämmer inte
-- title.en: The closing balance does not add up
-- explain.sv: <closing> ska vara <carriedOver> + <received> − <totalExpenses>: det som finns kvar
--   av årets medel.
-- explain.en: <closing> must be <carriedOver> + <received> − <totalExpenses>: what is left of the
--   year's funds.
-- fix.sv: Räkna ut överfört från förra året (<carriedOver>) + erhållet (<received>) − totala
--   kostnader (<totalExpenses>) och skriv resultatet i <closing>. Stämmer inte det med bokföringen
--   är något av de tre beloppen fel: rätta det.
-- fix.en: Compute carried over from last year (<carriedOver>) + received (<received>) − total
--   expenses (<totalExpenses>) and write the result in <closing>. If that does not match the books,
--   one of the three amounts is wrong: correct it.
-- message.sv: Utgående saldo {closing:amount} ska vara överfört {carried:amount} + erhållet {received:amount} − kostnader {total:amount} = {expected:amount}
-- message.en: The closing balance {closing:amount} should be carried over {carried:amount} + received {received:amount} − expenses {total:amount} = {expected:amount}
SELECT c.line, c.col, c.amount AS closing, s.carriedOver AS carried, s.received, s.totalExpenses AS total,
  s.carriedOver + s.received - s.totalExpenses AS expected
FROM field c, figures s
WHERE c.name = 'closing' AND c.amount <> s.carriedOver + s.received - s.totalExpenses
