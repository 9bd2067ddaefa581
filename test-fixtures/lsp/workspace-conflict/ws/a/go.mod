module example.com/a

go 1.19

require example.com/x v1.0.0

replace example.com/x => ../x1
