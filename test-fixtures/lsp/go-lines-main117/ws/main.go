package main

import (
	"fmt"

	"example.com/dep112"
	"example.com/dep117"
)

func main() { fmt.Println(dep112.N, dep117.N) }
