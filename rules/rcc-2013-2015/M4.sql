-- id: M4
-- severity: error
-- title.sv: Valutan är inte SEK
-- title.en: currency is not SEK
-- explain.sv: Bidraget betalas och redovisas i svenska kronor: <currency>SEK</currency>. En okänd
--   valutakod rapporteras som S6.
-- explain.en: The grant is paid and reported in Swedish kronor: <currency>SEK</currency>. An unknown
--   currency code is reported as S6.
-- fix.sv: Skriv <currency>SEK</currency> och alla belopp i svenska kronor.
-- fix.en: Write <currency>SEK</currency> and give every amount in Swedish kronor.
-- message.sv: Valutan är {value}; redovisningen ska göras i {required}
-- message.en: The currency is {value}; the statement must be in {required}
SELECT c.line, c.col, c.text AS value, p.value AS required
FROM field c, param p
WHERE c.name = 'currency' AND p.name = 'currency' AND c.text <> p.value
  AND is_code('currency', c.text)
