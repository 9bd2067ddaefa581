module example.com/b

go 1.19

require example.com/a v1.1.0
