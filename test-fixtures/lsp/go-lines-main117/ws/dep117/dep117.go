package dep117

const N = 0b101
