-- id: X9
-- severity: error
-- title.sv: t
-- title.en: t
-- explain.sv: e
-- explain.en: e
-- message.sv: {x}
-- message.en: {x}
SELECT NULL AS line, NULL AS col, 1 AS x; DELETE FROM node
