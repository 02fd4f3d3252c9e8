chek samples/valid
registr x.xml
sumary
frobnicate
help chek
--lang
