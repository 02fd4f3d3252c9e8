-- id: P2
-- severity: warning
-- title.sv: Låg nyttjandegrad
-- title.en: Low utilisation of the funds
-- explain.sv: Om mer än tröskeln för programmet (25 %) av de tillgängliga medlen (överfört från
--   förra året + erhållet) är outnyttjade vid årets slut ska det följas upp.
-- explain.en: When more than the programme's threshold (25 %) of the funds available (carried over
--   + received) is unused at year end, it should be followed up.
-- fix.sv: Kontrollera att alla årets kostnader är med. Är överskottet riktigt: förklara för
--   handläggaren varför medlen inte använts.
-- fix.en: Check that all of the year's expenses are included. If the surplus is right, explain to
--   the officer why the funds were not used.
-- message.sv: {unused:amount} av tillgängliga {available:amount} är outnyttjat ({share:percent}), mer än gränsen {max} %
-- message.en: {unused:amount} of the {available:amount} available is unused ({share:percent}), more than the threshold of {max}%
SELECT c.line, c.col, s.closing AS unused, s.carriedOver + s.received AS available,
  share_bp(s.closing, s.carriedOver + s.received) AS share, p.value AS max
FROM field c, figures s, param p
WHERE c.name = 'closing' AND p.name = 'unused_max_percent'
  AND s.carriedOver + s.received > 0
  AND exceeds_share(s.closing, s.carriedOver + s.received, p.value)
