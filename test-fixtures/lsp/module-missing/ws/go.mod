// Requirements whose go.mod is not in the module cache: the build list is incomplete, and each
// diagnostic says how to fetch what is missing. The go 1.16 graph is unpruned, so the go.mod of
// example.com/deep (required by example.com/present, which is in the cache) is needed too.
module example.com/incomplete

go 1.16

require (
	//@hover(at="gone", contains="Not in the module cache: the go.mod of example.com/gone@v1.0.0")
	example.com/gone v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/gone@v1.0.0 (or enable goModLens.network)")
	example.com/present v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: the go.mod of example.com/deep@v1.0.0 is not in the module cache; run go mod download example.com/deep@v1.0.0 (or enable goModLens.network)")
)
