module B

go 1.19
