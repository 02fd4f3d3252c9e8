check --fromat json x.xml
check x.xml --db x.db
list --bogus
list --history=yes
summary --yaer 2014 -o x.xlsx
summary --db x.db
check -x x.xml
check x.xml --rules
check --lang sv --frmat json x.xml
list --year 14
rules extra
explain
explain A1 A2
help check list
