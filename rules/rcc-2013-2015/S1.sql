-- id: S1
-- severity: error
-- title.sv: Obligatoriskt element eller attribut saknas eller är tomt
-- title.en: A required element or attribute is missing or empty
-- explain.sv: Varje element och attribut som formatet kräver måste finnas och ha ett värde: ett
--   värde som är tomt eller bara består av mellanslag räknas som saknat (t.ex. name, role och date
--   på <attestation>). Meddelandet anger vad som saknas och i vilket element. Ett okänt namn som
--   nästan stämmer (t.ex. carriedover) rapporteras i stället som S3 med förslag på rätt namn.
-- explain.en: Every element and attribute the format requires must be present and have a value: a
--   value that is empty or only spaces counts as missing (e.g. name, role and date on
--   <attestation>). The message names what is missing and where. An unknown name that is nearly
--   right (e.g. carriedover) is reported as S3 with the right name instead.
-- fix.sv: Lägg till det som saknas där meddelandet anger och fyll i ett värde, t.ex. <attestation
--   name="Per Holm" role="Verksamhetschef" date="2015-03-12"/>. Formatbeskrivningen
--   (docs/format.sv.md) visar en fullständig redovisning.
-- fix.en: Add what is missing where the message says and fill in a value, e.g. <attestation
--   name="Per Holm" role="Head of unit" date="2015-03-12"/>. The format guide (docs/format.en.md)
--   shows a complete statement.
-- message.sv: Elementet <{name}> saknas i <{parent}>; det är obligatoriskt
-- message.en: Element <{name}> is missing from <{parent}>; it is required
-- message.attestation.sv: Elementet <attestation> saknas i <statement>; lägg till <attestation name="…" role="…" date="ÅÅÅÅ-MM-DD"/> sist i redovisningen, före </statement>
-- message.attestation.en: Element <attestation> is missing from <statement>; add <attestation name="…" role="…" date="YYYY-MM-DD"/> at the end of the statement, before </statement>
-- message.attribute.sv: Attributet {name} saknas på <{parent}>; det är obligatoriskt
-- message.attribute.en: Attribute {name} is missing on <{parent}>; it is required
-- message.blank.sv: Elementet <{name}> i <{parent}> är tomt; det är obligatoriskt och ska ha ett värde
-- message.blank.en: Element <{name}> in <{parent}> is empty; it is required and must have a value
-- message.attribute_blank.sv: Attributet {name} på <{parent}> är tomt; det är obligatoriskt och ska ha ett värde
-- message.attribute_blank.en: Attribute {name} on <{parent}> is empty; it is required and must have a value
WITH required AS (
  SELECT p.id AS pid, p.line, p.col, (SELECT name FROM format WHERE id = p.fmt) AS parent, f.id AS fid, f.name,
    f.kind
  FROM format f
  JOIN node p ON p.fmt = f.parent
  WHERE f.min > 0 AND f.path <> 'statement/expenses/expense'
    -- first per format, before its parents are looked up: a child can be missing only where no
    -- node has its format, or where an element repeats (a second <funds> without <granted>)
    -- (IN probes node_fmt through one cursor, where NOT EXISTS opens one for every format; IS NOT 1,
    -- as the NULL format of an unknown node makes IN give NULL rather than 0)
    AND ((f.id IN (SELECT fmt FROM node)) IS NOT 1 OR EXISTS (SELECT 1 FROM node WHERE nth > 1))
    AND NOT EXISTS (SELECT 1 FROM node c WHERE c.parent = p.id AND c.fmt = f.id)
    -- a close unknown sibling is reported by S3 with this name as suggestion
    AND NOT EXISTS (SELECT 1 FROM node u WHERE u.parent = p.id AND u.fmt IS NULL AND u.kind = f.kind
                    AND edit_distance(u.name, f.name) <= 2
                    -- but a known name in the wrong place (<expense> outside <expenses>) is no typo
                    AND NOT EXISTS (SELECT 1 FROM format k WHERE k.name = u.name AND k.kind = u.kind))
  UNION ALL
  -- blank is missing: a required text or date that is empty or only whitespace
  -- (amounts, codes and organisation numbers have their own rules: S4, S6, S7)
  SELECT n.parent, n.line, n.col, pf.name, f.id, f.name, f.kind || '_blank'
  -- (from the nodes: started from format's type index, the IN list would be a temporary table)
  FROM node n CROSS JOIN format f ON f.id = n.fmt JOIN format pf ON pf.id = f.parent
  WHERE f.min > 0 AND f.type IN ('text', 'date') AND f.path <> 'statement@version'
    -- a blank value is empty or starts with whitespace (tab, newline and space sort before '!', the
    -- no-break spaces from char(160) on): compared first, so that trim() runs for few values
    AND (n.text IS NULL OR n.text < '!' OR n.text >= char(160))
    AND coalesce(trim(n.text, ' ' || char(9, 10, 13, 160, 8239)), '') = ''
  UNION ALL
  -- an <expenses> without any expense line
  SELECT p.id, p.line, p.col, 'expenses', f.id, f.name, f.kind
  FROM (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM expense)) AS no_lines
  CROSS JOIN node p JOIN format f ON f.path = 'statement/expenses/expense'
  WHERE p.path = 'statement/expenses'
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
SELECT line, col, name, parent,
  CASE kind WHEN 'attribute' THEN 'attribute' WHEN 'attribute_blank' THEN 'attribute_blank'
            WHEN 'element_blank' THEN 'blank'
            -- a missing attestation: show the whole element to add
            WHEN 'element' THEN CASE WHEN name = 'attestation' THEN 'attestation' END END AS variant
FROM required
ORDER BY line, col, fid
