check -h
register --help
list -h
summary -h
rules -h
explain -h
help -h
help register
-h
check samples/valid/norr-2013.xml --bogus -h
check --lang sv -h
help --lang sv summary
--help --lang sv
