package main

import _ "example.com/p"

func main() {}
