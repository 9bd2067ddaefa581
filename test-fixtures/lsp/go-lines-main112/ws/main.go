package main

import (
	"fmt"

	"example.com/dep117"
)

func main() {
	fmt.Println(1_000_000, dep117.N)
}
