module example.com/dep117

go 1.17
