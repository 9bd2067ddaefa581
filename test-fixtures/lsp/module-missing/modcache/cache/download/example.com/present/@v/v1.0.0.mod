module example.com/present

go 1.16

require example.com/deep v1.0.0
