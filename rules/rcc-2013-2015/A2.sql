-- id: A2
-- severity: error
-- title.sv: Utgående saldo stämmer inte
-- title.en: The closing balance does not add up
-- explain.sv: <closing> ska vara <carriedOver> + <received> − <totalExpenses>: det som finns kvar
--   av årets medel.
-- explain.en: <closing> must be <carriedOver> + <received> − <totalExpenses>: what is left of the
--   year's funds.
-- message.sv: Utgående saldo {closing:amount} ska vara överfört {carried:amount} + erhållet {received:amount} − kostnader {total:amount} = {expected:amount}
-- message.en: closing {closing:amount} must be carriedOver {carried:amount} + received {received:amount} − totalExpenses {total:amount} = {expected:amount}
SELECT c.line, c.col, c.amount AS closing, s.carriedOver AS carried, s.received, s.totalExpenses AS total,
  s.carriedOver + s.received - s.totalExpenses AS expected
FROM field c, figures s
WHERE c.name = 'closing' AND c.amount <> s.carriedOver + s.received - s.totalExpenses
