# grantcheck template: the skeleton in both languages, last year's carryForward, refusals
template --rcc sydost --year 2014 --lang sv
template --rcc norr --year 2015 --lang en --previous samples/valid/norr-2014.xml
template --rcc sydost --year 2013 --lang en
template --rcc sydöst --year 2014 --lang en
template --rcc sydost --year 2016 --lang sv
template --rcc sydost
