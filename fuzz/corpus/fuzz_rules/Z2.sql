-- id: Z2
-- severity: error
-- scope: register
-- title.sv: t
-- title.en: t
-- explain.sv: e
-- explain.en: e
-- message.sv: {year}: {g:amount}
-- message.en: {year}: {g:amount}
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3)
SELECT NULL AS line, NULL AS col, s.year, sum(s.granted) AS g FROM register_statement s, r GROUP BY s.year
