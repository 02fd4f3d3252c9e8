-- id: S1
-- severity: error
-- title.sv: Obligatoriskt element eller attribut saknas
-- title.en: A required element or attribute is missing
-- explain.sv: Varje element och attribut som formatet kräver måste finnas (se statement-format.md).
--   Meddelandet anger vad som saknas och i vilket element. Ett okänt namn som nästan stämmer
--   (t.ex. carriedover) rapporteras i stället som S3 med förslag på rätt namn.
-- explain.en: Every element and attribute the format requires must be present (see
--   statement-format.md). The message names what is missing and where. An unknown name that is
--   nearly right (e.g. carriedover) is reported as S3 with the right name instead.
-- message.sv: Elementet <{name}> saknas i <{parent}>; det är obligatoriskt
-- message.en: Element <{name}> is missing from <{parent}>; it is required
-- message.attribute.sv: Attributet {name} saknas på <{parent}>; det är obligatoriskt
-- message.attribute.en: Attribute {name} is missing on <{parent}>; it is required
WITH required AS (
  SELECT p.id AS pid, p.line, p.col, pf.name AS parent, f.id AS fid, f.name, f.kind
  FROM node p
  JOIN format pf ON pf.id = p.fmt
  JOIN format f ON f.parent = p.fmt AND f.min > 0
  WHERE f.path <> 'statement/expenses/expense'
    AND NOT EXISTS (SELECT 1 FROM node c WHERE c.parent = p.id AND c.fmt = f.id)
    -- a close unknown sibling is reported by S3 with this name as suggestion
    AND NOT EXISTS (SELECT 1 FROM node u WHERE u.parent = p.id AND u.fmt IS NULL AND u.kind = f.kind
                    AND edit_distance(u.name, f.name) <= 2)
  UNION ALL
  -- an <expenses> without any expense line
  SELECT p.id, p.line, p.col, 'expenses', f.id, f.name, f.kind
  FROM node p JOIN format f ON f.path = 'statement/expenses/expense'
  WHERE p.path = 'statement/expenses' AND NOT EXISTS (SELECT 1 FROM expense)
  UNION ALL
  -- attributes of expense lines
  SELECT NULL, e.line, e.col, 'expense', f.id, f.name, f.kind
  -- every line is read only when the groups show a line without one
  FROM (SELECT 1 FROM expense_group WHERE category IS NULL OR criterion IS NULL LIMIT 1) AS some_missing
  CROSS JOIN expense e
  JOIN format f ON f.parent = (SELECT id FROM format WHERE path = 'statement/expenses/expense')
               AND f.kind = 'attribute' AND f.min > 0
  WHERE (e.category IS NULL OR e.criterion IS NULL)
    AND ((f.name = 'category' AND e.category IS NULL) OR (f.name = 'criterion' AND e.criterion IS NULL))
    AND NOT EXISTS (SELECT 1 FROM node u WHERE u.parent IS NULL AND u.line = e.line AND u.col = e.col
                    AND u.kind = 'attribute' AND edit_distance(u.name, f.name) <= 2)
)
SELECT line, col, name, parent, CASE kind WHEN 'attribute' THEN 'attribute' END AS variant
FROM required
ORDER BY line, col, fid
