-- id: P4
-- severity: warning
-- title.sv: Hög andel kostnader som inte fördelats på kriterium
-- title.en: High share of costs not allocated to a criterion
-- explain.sv: Kostnader med criterion="shared" tjänar flera kriterier. Över tröskeln för programmet
--   (25 % av kostnaderna) blir det svårt att se vart pengarna gick; fördela dem om möjligt.
-- explain.en: Costs with criterion="shared" serve several criteria. Above the programme's threshold
--   (25 % of expenses) it is hard to see where the money went; allocate them where possible.
-- fix.sv: Fördela så mycket som möjligt av de gemensamma kostnaderna på kriterierna 4.1–6.3, t.ex.
--   efter arbetad tid, med en rad per kriterium.
-- fix.en: Allocate as much of the shared costs as you can to the criteria 4.1–6.3, e.g. by time
--   worked, with one line per criterion.
-- message.sv: Ej fördelade kostnader (Gemensamt, shared) {shared:amount} är {share:percent} av kostnaderna {total:amount}, mer än gränsen {max} %
-- message.en: Costs not allocated to a criterion (shared) {shared:amount} are {share:percent} of expenses {total:amount}, more than the threshold of {max}%
WITH t AS (SELECT sum(sum) AS total,
                  sum(sum) FILTER (WHERE criterion = 'shared') AS shared,
                  min(first) FILTER (WHERE criterion = 'shared') AS first
           FROM expense_group HAVING sum(lines) > 0 AND sum(amounts) = sum(lines)),
     m AS (SELECT value AS max FROM param WHERE name = 'shared_max_percent')
SELECT e.line, e.col, t.shared, t.total, share_bp(t.shared, t.total) AS share, m.max
FROM t CROSS JOIN m JOIN expense e ON e.id = t.first
WHERE exceeds_share(t.shared, t.total, m.max)
