package B

func Hello() {}
