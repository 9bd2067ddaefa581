package A

import "B"

func Hello() { B.Hello() }
