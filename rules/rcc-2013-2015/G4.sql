-- id: G4
-- severity: error
-- title.sv: Perioden är inte hela kalenderåret
-- title.en: The period is not the whole calendar year
-- explain.sv: Redovisningen avser ett helt kalenderår: <period from="ÅÅÅÅ-01-01" to="ÅÅÅÅ-12-31"/>
--   med samma år som <year>.
-- explain.en: A statement covers one whole calendar year: <period from="YYYY-01-01"
--   to="YYYY-12-31"/> with the year of <year>.
-- fix.sv: Skriv <period from="ÅÅÅÅ-01-01" to="ÅÅÅÅ-12-31"/> med redovisningsåret, t.ex. <period
--   from="2014-01-01" to="2014-12-31"/>. Kontrollera också att <year> är rätt år.
-- fix.en: Write <period from="YYYY-01-01" to="YYYY-12-31"/> with the reporting year, e.g. <period
--   from="2014-01-01" to="2014-12-31"/>. Check also that <year> is the right year.
-- message.sv: Perioden {from} – {to} är inte hela kalenderåret {year}; den ska vara {year}-01-01 – {year}-12-31
-- message.en: The period {from} to {to} is not the whole calendar year {year}; it must be {year}-01-01 to {year}-12-31
SELECT f.line, f.col, f.text AS "from", t.text AS "to", s.year
FROM field f, field t, figures s
WHERE f.name = 'period.from' AND t.name = 'period.to' AND s.year IS NOT NULL
  AND is_date(f.text) AND is_date(t.text)
  AND (f.text <> printf('%04d-01-01', s.year) OR t.text <> printf('%04d-12-31', s.year))
