explain --rules rules a1
explain --rules rules x2 --lang sv
explain --rules rules --programme rcc-2013-2015 g8
explain --rules rules --programme no-such a1
explain --rules rules q9 --lang sv
