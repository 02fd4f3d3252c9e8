-- id: P1
-- severity: warning
-- title.sv: Hög andel indirekta kostnader
-- title.en: High share of indirect costs (overhead)
-- explain.sv: Indirekta kostnader (category="overhead") över tröskeln för programmet (10 % av de
--   totala kostnaderna) ska följas upp.
-- explain.en: Indirect costs (category="overhead") above the programme's threshold (10 % of total
--   expenses) should be followed up.
-- fix.sv: Kontrollera att bara verkliga indirekta kostnader redovisas som overhead; kostnader som
--   hör till ett kostnadsslag (t.ex. personal eller lokaler) redovisas där. Är andelen riktig:
--   förklara den för handläggaren.
-- fix.en: Check that only real indirect costs are reported as overhead; costs that belong to a
--   category (e.g. staff or premises) go there. If the share is right, explain it to the officer.
-- message.sv: Indirekta kostnader {overhead:amount} är {share:percent} av kostnaderna {total:amount}, mer än gränsen {max} %
-- message.en: Indirect costs {overhead:amount} are {share:percent} of expenses {total:amount}, more than the threshold of {max}%
WITH t AS (SELECT sum(sum) AS total,
                  sum(sum) FILTER (WHERE category = 'overhead') AS overhead,
                  min(first) FILTER (WHERE category = 'overhead') AS first
           FROM expense_group HAVING sum(lines) > 0 AND sum(amounts) = sum(lines)),
     m AS (SELECT value AS max FROM param WHERE name = 'overhead_max_percent')
SELECT e.line, e.col, t.overhead, t.total, share_bp(t.overhead, t.total) AS share, m.max
FROM t CROSS JOIN m JOIN expense e ON e.id = t.first
WHERE exceeds_share(t.overhead, t.total, m.max)
