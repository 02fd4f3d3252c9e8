-- id: A3
-- severity: error
-- title.sv: Belopp som förs över och belopp att återbetala stämmer inte med utgående saldo
-- title.en: carryForward and repay do not add up to closing
-- explain.sv: Det utgående saldot delas i det som förs över till nästa år (<carryForward>) och det
--   som betalas tillbaka (<repay>): <carryForward> + <repay> = <closing>.
-- explain.en: The closing balance is split into what is carried to next year (<carryForward>) and
--   what is repaid (<repay>): <carryForward> + <repay> = <closing>.
-- fix.sv: Dela det utgående saldot (<closing>) i det som förs över till nästa år (<carryForward>)
--   och det som betalas tillbaka (<repay>) så att de två tillsammans blir exakt <closing>.
-- fix.en: Split the closing balance (<closing>) into what is carried to next year (<carryForward>)
--   and what is repaid (<repay>) so that the two together are exactly <closing>.
-- message.sv: Förs över till nästa år {forward:amount} + att återbetala {repay:amount} = {sum:amount}, men utgående saldo är {closing:amount}
-- message.en: Carried forward to next year {forward:amount} + to repay {repay:amount} = {sum:amount}, but the closing balance is {closing:amount}
SELECT f.line, f.col, s.carryForward AS forward, s.repay, s.carryForward + s.repay AS sum, s.closing
FROM field f, figures s
WHERE f.name = 'carryForward' AND s.carryForward + s.repay <> s.closing
