-- id: S4
-- severity: error
-- title.sv: Felaktigt angivet belopp
-- title.en: Malformed amount
-- explain.sv: Belopp skrivs med siffror, punkt som decimaltecken och högst två decimaler, utan
--   tusentalsavgränsare och utan valuta: 1234.50 eller -250.00 (högst 12 siffror före punkten).
--   Meddelandet säger hur beloppet ska skrivas, t.ex. "1 234,50" → 1234.50.
-- explain.en: Amounts are digits with a dot as decimal separator and at most two decimals, no
--   thousands separators and no currency: 1234.50 or -250.00 (at most 12 digits before the dot).
--   The message tells how to write the amount, e.g. "1 234,50" → 1234.50.
-- fix.sv: Skriv beloppet med siffror och punkt som decimaltecken, utan mellanslag,
--   tusentalsavgränsare och valuta, t.ex. 1234.50 eller -250.00. Ett minustecken skrivs med vanligt
--   bindestreck (-).
-- fix.en: Write the amount with digits and a dot as decimal separator, without spaces, thousands
--   separators or currency, e.g. 1234.50 or -250.00. Write a minus sign as a plain hyphen (-).
-- message.sv: Beloppet "{value}" i <{name}> har fel format: {value:hint}
-- message.en: The amount "{value}" in <{name}> is malformed: {value:hint}
SELECT line, col, name, value FROM (
  SELECT n.id AS seq, n.line, n.col, n.name, coalesce(n.text, '') AS value
  FROM node n JOIN format f ON f.id = n.fmt
  WHERE f.type = 'amount' AND n.amount IS NULL
  UNION ALL
  SELECT e.id + (SELECT count(*) FROM node), e.line, e.col, 'expense', coalesce(e.text, '')
  FROM expense e WHERE e.amount IS NULL
)
ORDER BY line, col, seq
