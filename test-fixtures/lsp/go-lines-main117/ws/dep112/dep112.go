package dep112

// N is a million, written with digit separators (Go 1.13).

const N = 1_000_000
