-- id: S6
-- severity: error
-- title.sv: Kod som inte finns i regeluppsättningens lista
-- title.en: A code not in the rule set's list
-- explain.sv: RCC-id, kostnadsslag (category), kriterium (criterion) och valuta måste vara koder ur
--   regeluppsättningens listor (codes.tsv). Meddelandet räknar upp de tillåtna koderna.
-- explain.en: The RCC id, expense category, criterion and currency must be codes from the rule
--   set's lists (codes.tsv). The message lists the allowed codes.
-- message.sv: Koden "{value}" ({name}) finns inte; tillåtna koder: {allowed}
-- message.en: The code "{value}" ({name}) does not exist; allowed codes: {allowed}
WITH coded AS (
  SELECT n.id AS seq, n.line, n.col, f.field AS name, coalesce(n.text, '') AS value, f.list
  FROM node n JOIN format f ON f.id = n.fmt
  WHERE f.type = 'code'
  UNION ALL
  SELECT e.id * 2 + 1000000000, e.line, e.col, 'category', e.category, 'category'
  -- every line is read only when the groups show an unknown code
  FROM (SELECT 1 FROM expense_group g WHERE g.category IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM code c WHERE c.list = 'category' AND c.code = g.category) LIMIT 1) AS some_unknown
  CROSS JOIN expense e
  LEFT JOIN code k ON k.list = 'category' AND k.code = e.category
  WHERE e.category IS NOT NULL AND k.code IS NULL
  UNION ALL
  SELECT e.id * 2 + 1000000001, e.line, e.col, 'criterion', e.criterion, 'criterion'
  -- every line is read only when the groups show an unknown code
  FROM (SELECT 1 FROM expense_group g WHERE g.criterion IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM code c WHERE c.list = 'criterion' AND c.code = g.criterion) LIMIT 1) AS some_unknown
  CROSS JOIN expense e
  LEFT JOIN code k ON k.list = 'criterion' AND k.code = e.criterion
  WHERE e.criterion IS NOT NULL AND k.code IS NULL
)
SELECT c.line, c.col, c.name, c.value,
  (SELECT group_concat(k.code, ', ') FROM code k WHERE k.list = c.list) AS allowed
FROM coded c
WHERE NOT EXISTS (SELECT 1 FROM code k WHERE k.list = c.list AND k.code = c.value)
ORDER BY c.line, c.col, c.seq
