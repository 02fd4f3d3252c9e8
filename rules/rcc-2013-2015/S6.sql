-- id: S6
-- severity: error
-- title.sv: Kod som inte finns i regeluppsättningens lista
-- title.en: A code not in the rule set's list
-- explain.sv: RCC-id, kostnadsslag (category), kriterium (criterion) och valuta måste vara koder ur
--   regeluppsättningens listor; formatbeskrivningen listar dem med sina namn. Meddelandet räknar
--   upp de tillåtna koderna.
-- explain.en: The RCC id, expense category, criterion and currency must be codes from the rule
--   set's lists; the format guide lists them with their names. The message lists the allowed codes.
-- fix.sv: Skriv en av de tillåtna koderna exakt som den står (t.ex. category="travel" för Resor,
--   criterion="4.2" för Vårdprocesser).
-- fix.en: Write one of the allowed codes exactly as listed (e.g. category="travel" for Travel,
--   criterion="4.2" for Care processes).
-- message.sv: Koden "{value}" ({what_sv}) finns inte; tillåtna koder: {allowed_sv}
-- message.en: The code "{value}" ({what_en}) does not exist; allowed codes: {allowed_en}
WITH coded AS (
  SELECT n.id AS seq, n.line, n.col, f.field AS name, coalesce(n.text, '') AS value, f.list
  FROM node n JOIN format f ON f.id = n.fmt
  WHERE f.type = 'code'
  UNION ALL
  SELECT e.id * 2 + 1000000000, e.line, e.col, 'category', e.category, 'category'
  -- every line is read only when the groups show an unknown code
  -- (a missing attribute is NULL, which is_code leaves out: S1 reports it)
  FROM (SELECT 1 FROM expense_group g WHERE NOT is_code('category', g.category) LIMIT 1) AS some_unknown
  CROSS JOIN expense e
  WHERE NOT is_code('category', e.category)
  UNION ALL
  SELECT e.id * 2 + 1000000001, e.line, e.col, 'criterion', e.criterion, 'criterion'
  FROM (SELECT 1 FROM expense_group g WHERE NOT is_code('criterion', g.criterion) LIMIT 1) AS some_unknown
  CROSS JOIN expense e
  WHERE NOT is_code('criterion', e.criterion)
)
SELECT c.line, c.col, c.name, c.value,
  -- what the code is and the allowed codes with their labels
  CASE c.list WHEN 'rcc' THEN 'id på <rcc>' WHEN 'category' THEN 'kostnadsslag, category'
    WHEN 'criterion' THEN 'kriterium, criterion' WHEN 'currency' THEN 'valuta, <currency>' ELSE c.name END AS what_sv,
  CASE c.list WHEN 'rcc' THEN 'id on <rcc>' WHEN 'category' THEN 'expense category'
    WHEN 'criterion' THEN 'criterion' WHEN 'currency' THEN 'currency' ELSE c.name END AS what_en,
    -- (the criteria's labels are too long for one line: the format guide lists them)
  (SELECT group_concat(CASE WHEN c.list = 'criterion' THEN k.code ELSE k.code || ' (' || k.label_sv || ')' END, ', ')
   FROM code k WHERE k.list = c.list) AS allowed_sv,
  (SELECT group_concat(CASE WHEN c.list = 'criterion' THEN k.code ELSE k.code || ' (' || k.label_en || ')' END, ', ')
   FROM code k WHERE k.list = c.list) AS allowed_en
FROM coded c
WHERE NOT is_code(c.list, c.value)
ORDER BY c.line, c.col, c.seq
