-- id: P2
-- severity: warning
-- title.sv: Lågt nyttjande av medlen
-- title.en: Low utilisation of the funds
-- explain.sv: Om mer än tröskeln (unused_max_percent i programme.tsv, 25 %) av de tillgängliga
--   medlen (överfört + erhållet) är oanvända vid årets slut ska det följas upp.
-- explain.en: When more than the threshold (unused_max_percent in programme.tsv, 25 %) of the funds
--   available (carried over + received) is unused at year end, it should be followed up.
-- message.sv: {unused:amount} av tillgängliga {available:amount} är oanvänt ({share:percent}), mer än gränsen {max} %
-- message.en: {unused:amount} of the {available:amount} available is unused ({share:percent}), more than the threshold of {max}%
SELECT c.line, c.col, s.closing AS unused, s.carriedOver + s.received AS available,
  share_bp(s.closing, s.carriedOver + s.received) AS share, p.value AS max
FROM field c, figures s, param p
WHERE c.name = 'closing' AND p.name = 'unused_max_percent'
  AND s.carriedOver + s.received > 0
  AND exceeds_share(s.closing, s.carriedOver + s.received, p.value)
