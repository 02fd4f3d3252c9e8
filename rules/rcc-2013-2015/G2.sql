-- id: G2
-- severity: warning
-- title.sv: Erhållet belopp skiljer sig från beviljat
-- title.en: received differs from granted
-- explain.sv: Normalt betalas hela det beviljade beloppet ut under året. En skillnad kan vara riktig
--   (t.ex. en senarelagd utbetalning) men ska följas upp.
-- explain.en: Normally the whole granted amount is paid out during the year. A difference may be
--   right (e.g. a delayed payment) but should be followed up.
-- message.sv: Erhållet {received:amount} skiljer sig från beviljat {granted:amount} med {diff:amount}
-- message.en: received {received:amount} differs from granted {granted:amount} by {diff:amount}
SELECT r.line, r.col, s.received, s.granted, s.received - s.granted AS diff
FROM field r, figures s
WHERE r.name = 'received' AND s.received <> s.granted
