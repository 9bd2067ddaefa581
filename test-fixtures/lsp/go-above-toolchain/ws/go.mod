// The go line is newer than the local toolchain (set to 1.21.5 in fixture.json, as a user without a
// trusted go binary would): with GOTOOLCHAIN=local, Go 1.21+ refuses to build.
module example.com/newer

//@diag(code="go-above-toolchain", severity="warning", msg="go 1.23.0 is newer than the local Go toolchain (go 1.21.5)", msg="go.mod requires go >= 1.23.0 (running go 1.21.5; GOTOOLCHAIN=local)")
//@hover(at="go", contains="Local toolchain: go 1.21.5")
go 1.23.0
