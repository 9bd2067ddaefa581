module example.com/a/v2

go 1.21
