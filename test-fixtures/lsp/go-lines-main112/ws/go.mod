// A go 1.12 module with a go 1.17 dependency: allowed (the dependency compiles as 1.17, and go lines
// below 1.21 do not propagate), but this module's own main.go uses 1_000_000, which needs go 1.13.
module example.com/main

//@diag(code="go-below-features", severity="error", msg="digit separator", msg="main.go:10")
//@diag(code="go-below-dependency", severity="hint", msg="go 1.12 is below the go line of example.com/dep117 v0.0.0 (go 1.17)", msg="this is allowed")
//@fix(code="go-below-features", title="Raise the go line to 1.13", file="go.mod", golden="raise-113.golden")
//@fix(code="go-below-dependency", title="Raise the go line to 1.17", file="go.mod", golden="raise-117.golden")
go 1.12

require example.com/dep117 v0.0.0 //@hint("⇒ ./dep117")

replace example.com/dep117 => ./dep117
