module example.com/dep112

//@diag(code="go-below-features", severity="error", msg="go 1.12 is below what this module's code uses", msg="dep112.go:5", msg="requires go1.13 or later (-lang was set to go1.12; check go.mod)")
//@fix(code="go-below-features", title="Raise the go line to 1.13", file="go.mod", golden="dep112-raise.golden")
go 1.12
