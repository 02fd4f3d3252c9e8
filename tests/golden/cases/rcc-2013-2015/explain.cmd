explain --rules rules A1
explain --rules rules X2
explain --rules rules Q9
