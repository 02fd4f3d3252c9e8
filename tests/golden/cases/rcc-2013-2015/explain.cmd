explain --rules rules A1
explain --rules rules X2
explain --rules rules Q9
explain --rules rules S1
explain --rules rules G5
