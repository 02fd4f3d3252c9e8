rules --rules rules --lang en
rules --rules rules --lang sv --programme rcc-2013-2015
