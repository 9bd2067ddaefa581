module example.com/a

go 1.17

require example.com/b v1.1.0
