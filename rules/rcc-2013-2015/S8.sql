-- id: S8
-- severity: error
-- title.sv: Styrtecken i text eller för lång fritext
-- title.en: Control characters in text, or free text over its length limit
-- explain.sv: Fritext får innehålla alla Unicode-tecken utom styrtecken (tabb och radbrytning är
--   tillåtna). Korta texter (namn, roll, e-post, telefon, koder) får vara högst 200 tecken,
--   note högst 500.
-- explain.en: Free text may hold any Unicode character except control characters (tab and newline
--   are allowed). Short texts (names, role, e-mail, phone, codes) are at most 200 characters,
--   note at most 500.
-- fix.sv: Korta texten, eller ta bort de osynliga styrtecknen (oftast kopierade från ett annat
--   program: skriv om texten för hand). Ser texten normal ut: kontrollera filens teckenkodning.
-- fix.en: Shorten the text, or remove the invisible control characters (usually copied from another
--   program: type the text again). If the text looks normal, check the file's encoding.
-- message.sv: Texten i {where_sv} är {chars} tecken lång; högst {max} tecken är tillåtna
-- message.en: The text in {where_en} is {chars} characters long; at most {max} are allowed
-- message.control.sv: Texten i {where_sv} innehåller styrtecken; ta bort dem (tabb och radbrytning är tillåtna)
-- message.control.en: The text in {where_en} contains control characters; remove them (tab and newline are allowed)
WITH texts AS (
  SELECT n.id AS seq, n.line, n.col, coalesce(f.field, n.name) AS name, n.nchars AS chars, f.maxlen AS max, n.ctrl
  FROM node n JOIN format f ON f.id = n.fmt
  WHERE f.maxlen > 0
  UNION ALL
  SELECT e.id + (SELECT count(*) FROM node), e.line, e.col, 'note', e.note_nchars,
    -- (the note's limit: the one format of type note, found through format's type index; by
    -- its path it would be a scan of format, twice a statement)
    (SELECT maxlen FROM format WHERE type = 'note'), e.note_ctrl
  FROM expense e WHERE e.note IS NOT NULL
)
SELECT line, col, name, chars, max, CASE WHEN ctrl THEN 'control' END AS variant,
  -- where, as the administrator writes it: "attributet note på <expense>"
  CASE WHEN instr(name, '.') > 0 THEN 'attributet ' || substr(name, instr(name, '.') + 1) || ' på <' || substr(name, 1, instr(name, '.') - 1) || '>'
    WHEN name = 'note' THEN 'attributet note på <expense>' ELSE '<' || name || '>' END AS where_sv,
  CASE WHEN instr(name, '.') > 0 THEN 'attribute ' || substr(name, instr(name, '.') + 1) || ' on <' || substr(name, 1, instr(name, '.') - 1) || '>'
    WHEN name = 'note' THEN 'attribute note on <expense>' ELSE '<' || name || '>' END AS where_en
FROM texts
WHERE ctrl OR chars > max
ORDER BY line, col, seq
