-- id: M6
-- severity: warning
-- title.sv: RCC-namnet stämmer inte med angivet id
-- title.en: The rcc display name does not match its id
-- explain.sv: Texten i <rcc> ska vara RCC:ns namn enligt regeluppsättningen, t.ex. <rcc
--   id="sydost">RCC Sydöst</rcc>. En avvikelse kan betyda att fel id angetts.
-- explain.en: The text of <rcc> should be the RCC's name in the rule set, e.g. <rcc id="sydost">RCC
--   Sydöst</rcc>. A mismatch may mean the wrong id was given.
-- fix.sv: Kontrollera att id är rätt RCC (norr, uppsala-orebro, stockholm-gotland, vast, syd eller
--   sydost) och skriv namnet som meddelandet visar, t.ex. <rcc id="sydost">RCC Sydöst</rcc>.
-- fix.en: Check that id is the right RCC (norr, uppsala-orebro, stockholm-gotland, vast, syd or
--   sydost) and write the name the message shows, e.g. <rcc id="sydost">RCC Sydöst</rcc>.
-- message.sv: RCC-namnet "{value}" stämmer inte med id {id}, vars namn är "{expected}"
-- message.en: The RCC name "{value}" does not match id {id}, whose name is "{expected}"
SELECT n.line, n.col, n.text AS value, i.text AS id, c.label_sv AS expected
FROM field n, field i
JOIN code c ON c.list = 'rcc' AND c.code = i.text
WHERE n.name = 'rcc' AND i.name = 'rcc.id' AND n.text <> c.label_sv
  AND trim(coalesce(n.text, ''), ' ' || char(9, 10, 13, 160, 8239)) <> '' -- an empty name is S1
