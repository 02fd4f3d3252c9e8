-- id: S3
-- severity: error
-- title.sv: Element eller attribut som inte ingår i formatet
-- title.en: An element or attribute not in the format
-- explain.sv: Formatet har en fast uppsättning namn (skiftlägeskänsliga). Ett okänt namn är ofta en
--   felstavning: meddelandet föreslår det närmaste kända namnet när ett sådant finns
--   (t.ex. carriedover → carriedOver). Element i andra namnrymder ingår inte heller, och inte
--   heller text direkt i ett element som bara innehåller andra element eller attribut (t.ex.
--   <funds>, <expenses>, <balance>, <attestation>).
-- explain.en: The format has a fixed set of names (case-sensitive). An unknown name is often a typo:
--   the message suggests the nearest known name when there is one (e.g. carriedover →
--   carriedOver). Elements in other namespaces are not part of the format either, nor is text
--   directly inside an element that holds only elements or attributes (e.g. <funds>, <expenses>,
--   <balance>, <attestation>).
-- fix.sv: Rätta stavningen till det föreslagna namnet (stora och små bokstäver räknas), flytta ett
--   element som ligger på fel ställe dit det hör, eller ta bort det som inte hör till formatet.
-- fix.en: Correct the spelling to the suggested name (case matters), move an element that is in the
--   wrong place to where it belongs, or remove what is not part of the format.
-- message.sv: <{name}> ingår inte i formatet i <{parent}>; tillåtna där: {allowed}
-- message.en: <{name}> is not part of the format in <{parent}>; allowed there: {allowed}
-- message.suggest.sv: <{name}> ingår inte i formatet; menade du <{suggestion}>?
-- message.suggest.en: <{name}> is not part of the format; did you mean <{suggestion}>?
-- message.attribute.sv: Attributet {name} ingår inte i formatet på <{parent}>; tillåtna där: {allowed}
-- message.attribute.en: Attribute {name} is not part of the format on <{parent}>; allowed there: {allowed}
-- message.attribute_suggest.sv: Attributet {name} ingår inte i formatet; menade du {suggestion}?
-- message.attribute_suggest.en: Attribute {name} is not part of the format; did you mean {suggestion}?
-- message.namespace.sv: <{name}> i namnrymden "{ns}" ingår inte i formatet; formatets namnrymd är urn:grantcheck:statement:1
-- message.namespace.en: <{name}> in namespace "{ns}" is not part of the format; the format's namespace is urn:grantcheck:statement:1
-- message.misplaced.sv: <{name}> ska ligga inuti <{belongs}>, inte direkt i <{parent}> ({times} st.)
-- message.misplaced.en: <{name}> belongs inside <{belongs}>, not directly in <{parent}> ({times} of them)
-- message.text.sv: Texten "{value}" står direkt i <{parent}>, vilket formatet inte tillåter; skriv värdena i sina element ({allowed})
-- message.text.en: The text "{value}" directly inside <{parent}> is not part of the format; put the values in their elements ({allowed})
-- message.text_empty.sv: Texten "{value}" i <{parent}> ingår inte i formatet; <{parent}> ska vara tomt och värdena skrivs i attributen ({allowed})
-- message.text_empty.en: The text "{value}" inside <{parent}> is not part of the format; <{parent}> stays empty and its values go in its attributes ({allowed})
WITH placed AS (
  SELECT n.id, n.line, n.col, n.name, n.kind, n.ns, n.text AS value, pf.id AS pfid, pf.name AS parent,
    -- a known element in the wrong place (e.g. <expense> outside <expenses>): where it belongs
    (SELECT kp.name FROM format k JOIN format kp ON kp.id = k.parent
     WHERE k.name = n.name AND k.kind = 'element' AND n.kind = 'element' AND n.ns IS NULL) AS belongs
  FROM node n
  JOIN format pf ON pf.path = substr(n.path, 1, length(n.path) - length(n.name) - 1)
  WHERE n.fmt IS NULL
),
unknown AS (
  -- a misplaced element is one finding for all its occurrences in one parent, not one per line
  SELECT *, count(*) OVER (PARTITION BY name, pfid) AS times,
    row_number() OVER (PARTITION BY name, pfid ORDER BY id) AS nth_here
  FROM placed
),
candidates AS (
  SELECT u.id AS uid, f.name,
    row_number() OVER (PARTITION BY u.id ORDER BY edit_distance(f.name, u.name), f.id) AS rank
  FROM unknown u JOIN format f ON f.parent = u.pfid AND f.kind = u.kind
  WHERE edit_distance(f.name, u.name) <= 2
),
scored AS (
  SELECT u.*, c.name AS suggestion,
    CASE WHEN u.kind = 'text' THEN
      -- text directly in a container: the elements it holds, or else its attributes
      coalesce((SELECT group_concat('<' || f.name || '>', ', ') FROM format f
                WHERE f.parent = u.pfid AND f.kind = 'element'),
               (SELECT group_concat(f.name, ', ') FROM format f WHERE f.parent = u.pfid AND f.kind = 'attribute'))
    ELSE (SELECT group_concat(f.name, ', ') FROM format f WHERE f.parent = u.pfid AND f.kind = u.kind) END AS allowed,
    (SELECT count(*) FROM format f WHERE f.parent = u.pfid AND f.kind = 'element') AS child_elements
  FROM unknown u LEFT JOIN candidates c ON c.uid = u.id AND c.rank = 1
)
SELECT line, col, name, parent, suggestion, coalesce(allowed, '—') AS allowed, ns, belongs, times, value,
  CASE
    WHEN kind = 'text' AND child_elements > 0 THEN 'text'
    WHEN kind = 'text' THEN 'text_empty'
    WHEN ns IS NOT NULL THEN 'namespace'
    WHEN belongs IS NOT NULL THEN 'misplaced'
    WHEN kind = 'attribute' AND suggestion IS NOT NULL THEN 'attribute_suggest'
    WHEN kind = 'attribute' THEN 'attribute'
    WHEN suggestion IS NOT NULL THEN 'suggest'
  END AS variant
-- everything above is computed only when some name is not in the format
FROM (SELECT 1 FROM node WHERE fmt IS NULL LIMIT 1) AS some_unknown
CROSS JOIN scored
WHERE belongs IS NULL OR nth_here = 1
ORDER BY id
