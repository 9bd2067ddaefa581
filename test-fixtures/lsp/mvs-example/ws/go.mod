// An MVS example: b requires a v1.1.0, c requires a v1.3.0, and this module requires b,
// c and a v1.1.0. A requirement is a minimum: MVS selects a v1.3.0. Go 1.19 confirms both the
// selection (go list -mod=mod -m all) and that a default build stops (go: updates to go.mod needed).
module example.com/main

go 1.19

require (
	//@diag(code="not-tidy", severity="warning", msg="go.mod asks for v1.1.0 or later; MVS selects v1.3.0, required by example.com/c v1.0.0, so go list -m all stops here: go: updates to go.mod needed")
	//@hint("→ v1.3.0", tooltip="example.com/c@v1.0.0 → example.com/a@v1.3.0")
	//@hover(at="example.com/a", contains="Selected by MVS: v1.3.0", contains="example.com/main → example.com/c@v1.0.0 → example.com/a@v1.3.0", contains="≥ v1.1.0, < v2.0.0", contains="pkg.go.dev/example.com/a@v1.1.0")
	//@fix(code="not-tidy", title="Set example.com/a to v1.3.0", file="go.mod", golden="set-a.golden")
	example.com/a v1.1.0
	example.com/b v1.0.0 //@hover(at="b", contains="Selected by MVS: v1.0.0", not="raised")
	example.com/c v1.0.0
)
