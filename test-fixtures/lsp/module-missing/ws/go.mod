// A requirement whose go.mod is not in the (empty) module cache: the build list is incomplete, and
// the diagnostic says how to fetch it.
module example.com/incomplete

go 1.19

require example.com/gone v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete", msg="run go mod download example.com/gone@v1.0.0", msg="goModLens.network")
