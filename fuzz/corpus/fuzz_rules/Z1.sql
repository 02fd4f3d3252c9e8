-- id: Z1
-- severity: warning
-- scope: statement
-- title.sv: t
-- title.en: t
-- explain.sv: e
--   continued
-- explain.en: e
-- message.sv: {n} rader, {sum:amount}
-- message.en: {n} lines, {sum:amount}
-- message.big.sv: stor {sum:amount}
-- message.big.en: big {sum:amount}
SELECT NULL AS line, NULL AS col, count(*) AS n, sum(amount) AS sum,
  CASE WHEN sum(amount) > 100 THEN 'big' END AS variant,
  CASE WHEN count(*) > 3 THEN 'error' ELSE 'info' END AS severity
FROM expense
