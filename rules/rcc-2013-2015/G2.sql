-- id: G2
-- severity: warning
-- title.sv: Erhållet belopp skiljer sig från beviljat
-- title.en: The amount received differs from the amount granted
-- explain.sv: Normalt betalas hela det beviljade beloppet ut under året. En skillnad kan vara riktig
--   (t.ex. en senarelagd utbetalning) men ska följas upp.
-- explain.en: Normally the whole granted amount is paid out during the year. A difference may be
--   right (e.g. a delayed payment) but should be followed up.
-- fix.sv: Kontrollera att <received> är det som faktiskt betalades ut under året och <granted> det
--   beviljade beloppet. Är skillnaden riktig behöver inget rättas; förklara den för handläggaren.
-- fix.en: Check that <received> is what was actually paid out during the year and <granted> the
--   amount granted. If the difference is right nothing needs correcting; explain it to the officer.
-- message.sv: Erhållet {received:amount} skiljer sig från beviljat {granted:amount} med {diff:amount}
-- message.en: Received {received:amount} differs from granted {granted:amount} by {diff:amount}
SELECT r.line, r.col, s.received, s.granted, s.received - s.granted AS diff
FROM field r, figures s
WHERE r.name = 'received' AND s.received <> s.granted
