// From Go 1.21 a dependency's go line of 1.21 or later is a requirement on the go version (the go@
// pseudo-module): this main module's go line must be at least 1.22.0, or go list -m all stops (and
// builds that use its packages). The not-tidy stop on this line is said once, by go-below-dependency.
// (Semantics emulated: Go 1.26, the default when the local toolchain is unknown; what the message
// says go does is checked against Go 1.26 in server/test/differential/goLines.test.ts.)
module example.com/main

//@diag(code="go-below-dependency", severity="warning", msg="go 1.21.0 is below the go line of example.com/dep v0.0.0 (go 1.22.0)", msg="go get go@1.22.0 raises this line")
//@fix(code="go-below-dependency", title="Raise the go line to 1.22.0", file="go.mod", golden="raise.golden")
go 1.21.0

require example.com/dep v0.0.0 //@hint("⇒ ./dep")

replace example.com/dep => ./dep
