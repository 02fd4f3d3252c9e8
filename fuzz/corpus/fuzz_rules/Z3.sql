-- id: Z3
-- severity: error
-- title.sv: t
-- title.en: t
-- explain.sv: e
-- explain.en: e
-- message.sv: {name} {x}
-- message.en: {name} {x}
SELECT n.line, n.col, n.name, printf('%s-%d', n.path, n.nth) AS x FROM node n JOIN format f ON f.id = n.fmt
WHERE edit_distance(n.name, f.name) > 0 OR orgnr_problem(n.text) IS NOT NULL OR is_date(n.text) = 0
  OR plausible_email(n.text) = 0 OR exceeds_share(n.amount, 100, 10) OR share_bp(n.amount, 3) > 0
ORDER BY n.id
