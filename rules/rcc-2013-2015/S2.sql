-- id: S2
-- severity: error
-- title.sv: Ett element förekommer fler gånger än tillåtet
-- title.en: An element appears more often than allowed
-- explain.sv: Varje element får förekomma högst så många gånger som formatet anger (de flesta en gång,
--   expense hur många som helst). Ta bort den extra förekomsten; bara den första används.
-- explain.en: Each element may appear at most as often as the format says (most once, expense any
--   number of times). Remove the extra one; only the first is used.
-- fix.sv: Ta bort den extra förekomsten, eller slå ihop uppgifterna till en. Kostnadsrader
--   (<expense>) får finnas hur många som helst, men bara inuti <expenses>.
-- fix.en: Remove the extra element, or merge the two into one. Expense lines (<expense>) may appear
--   any number of times, but only inside <expenses>.
-- message.sv: <{name}> får förekomma högst {max} gånger i <{parent}>; ta bort den extra förekomsten
-- message.en: <{name}> may appear at most {max} times in <{parent}>; remove the extra one
-- message.once.sv: <{name}> får bara förekomma en gång i <{parent}>; ta bort den extra förekomsten
-- message.once.en: <{name}> may appear only once in <{parent}>; remove the extra one
SELECT n.line, n.col, n.name, f.max AS max, pf.name AS parent, CASE WHEN f.max = 1 THEN 'once' END AS variant
FROM node n
JOIN format f ON f.id = n.fmt
JOIN format pf ON pf.id = f.parent
-- every name may occur at least once (max >= 1), so only a repeated one is read further
WHERE n.nth > 1 AND f.max IS NOT NULL AND n.nth > f.max
ORDER BY n.id
