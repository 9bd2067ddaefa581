module example.com/c

go 1.19

require example.com/a v1.3.0
