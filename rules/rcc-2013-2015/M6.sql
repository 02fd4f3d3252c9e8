-- id: M6
-- severity: warning
-- title.sv: RCC:s namn stämmer inte med id
-- title.en: The rcc display name does not match its id
-- explain.sv: Texten i <rcc> ska vara regeluppsättningens namn för RCC-id:t (codes.tsv), t.ex.
--   <rcc id="sydost">RCC Sydöst</rcc>. En avvikelse kan betyda att fel id angetts.
-- explain.en: The text of <rcc> should be the rule set's name for the RCC id (codes.tsv), e.g.
--   <rcc id="sydost">RCC Sydöst</rcc>. A mismatch may mean the wrong id was given.
-- message.sv: RCC-namnet "{value}" stämmer inte med id {id}, vars namn är "{expected}"
-- message.en: The RCC name "{value}" does not match id {id}, whose name is "{expected}"
SELECT n.line, n.col, n.text AS value, i.text AS id, c.label_sv AS expected
FROM field n, field i
JOIN code c ON c.list = 'rcc' AND c.code = i.text
WHERE n.name = 'rcc' AND i.name = 'rcc.id' AND n.text <> c.label_sv
