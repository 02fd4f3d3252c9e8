-- id: P1
-- severity: warning
-- title.sv: Hög andel indirekta kostnader
-- title.en: High share of indirect costs (overhead)
-- explain.sv: Indirekta kostnader (category="overhead") över tröskeln (overhead_max_percent i
--   programme.tsv, 10 %) av de totala kostnaderna ska följas upp.
-- explain.en: Indirect costs (category="overhead") above the threshold (overhead_max_percent in
--   programme.tsv, 10 %) of total expenses should be followed up.
-- message.sv: Indirekta kostnader {overhead:amount} är {share:percent} av kostnaderna {total:amount}, mer än gränsen {max} %
-- message.en: Indirect costs {overhead:amount} are {share:percent} of expenses {total:amount}, more than the threshold of {max}%
WITH t AS (SELECT sum(amount) AS total FROM expense HAVING count(*) > 0 AND count(amount) = count(*)),
     o AS (SELECT sum(amount) AS overhead, min(id) AS first FROM expense WHERE category = 'overhead'),
     m AS (SELECT value AS max FROM param WHERE name = 'overhead_max_percent')
SELECT e.line, e.col, o.overhead, t.total, share_bp(o.overhead, t.total) AS share, m.max
FROM t, o, m JOIN expense e ON e.id = o.first
WHERE exceeds_share(o.overhead, t.total, m.max)
