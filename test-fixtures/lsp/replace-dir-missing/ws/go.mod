// A replace to a directory that is not there (a checkout without its sibling modules): the go
// command stops as soon as the build needs the module. The finding is on the replace line, also
// when other go.mod files are missing from the module cache, and the hover does not call the
// replace "in effect".
module example.com/main

go 1.22

require (
	example.com/gone v1.0.0 //@hint("⇒ ./gone")
	example.com/absent v1.0.0 //@diag(code="module-missing", severity="warning", msg="this module's go.mod is not in the module cache; run go mod download example.com/absent@v1.0.0")
)

//@hover(at="gone", contains="Not usable:", not="In effect")
replace example.com/gone => ./gone //@diag(code="replace-dir-missing", severity="error", msg="the replacement directory ./gone does not exist or has no go.mod, so the go command stops as soon as the build needs example.com/gone: go: example.com/gone@v1.0.0: reading gone/go.mod")
