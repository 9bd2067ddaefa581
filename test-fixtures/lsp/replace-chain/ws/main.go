package main

import "A"

func main() { A.Hello() }
