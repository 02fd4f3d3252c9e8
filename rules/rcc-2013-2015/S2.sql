-- id: S2
-- severity: error
-- title.sv: Ett element förekommer fler gånger än tillåtet
-- title.en: An element appears more often than allowed
-- explain.sv: Varje element får förekomma högst så många gånger som formatet anger (de flesta en gång,
--   expense hur många som helst). Ta bort den extra förekomsten; bara den första används.
-- explain.en: Each element may appear at most as often as the format says (most once, expense any
--   number of times). Remove the extra one; only the first is used.
-- message.sv: <{name}> får förekomma högst {max} gång i <{parent}>; ta bort den extra förekomsten
-- message.en: <{name}> may appear at most {max} time(s) in <{parent}>; remove the extra one
SELECT n.line, n.col, n.name, f.max AS max, pf.name AS parent
FROM node n
JOIN format f ON f.id = n.fmt
JOIN format pf ON pf.id = f.parent
WHERE f.max IS NOT NULL AND n.nth > f.max
ORDER BY n.id
