// Mission: "go 1.17 does not mean build only with 1.17". This module is at go 1.17; its dependencies
// keep their own language versions: dep117 at 1.17 and dep112 at 1.12. dep112's code uses a digit
// separator, which needs go 1.13 — Go 1.19 compiles dep112 with -lang=go1.12 and fails there.
module example.com/main

go 1.17

require (
	example.com/dep112 v0.0.0 //@hint("⇒ ./dep112")
	example.com/dep117 v0.0.0 //@hint("⇒ ./dep117")
)

replace (
	example.com/dep112 => ./dep112
	example.com/dep117 => ./dep117
)
