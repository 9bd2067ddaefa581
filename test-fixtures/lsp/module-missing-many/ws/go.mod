// A fresh clone before go mod download: none of the 21 required go.mod files is in the (empty)
// module cache. Above 20 missing, one module-missing diagnostic on the module line says so and how
// to fetch them, instead of a warning on every require; the hover of each require still says it.
//@diag(code="module-missing", severity="warning", msg="the build list is incomplete: the go.mod files of 21 modules are not in the module cache (example.com/m01@v1.0.0, example.com/m02@v1.0.0, example.com/m03@v1.0.0 and 18 more); run go mod download here (or enable goModLens.network)")
module example.com/fresh

go 1.19

require (
	example.com/m01 v1.0.0
	example.com/m02 v1.0.0
	example.com/m03 v1.0.0
	example.com/m04 v1.0.0
	example.com/m05 v1.0.0 //@hover(at="m05", contains="Not in the module cache: the go.mod of example.com/m05@v1.0.0", contains="go mod download example.com/m05@v1.0.0")
	example.com/m06 v1.0.0
	example.com/m07 v1.0.0
	example.com/m08 v1.0.0
	example.com/m09 v1.0.0
	example.com/m10 v1.0.0
	example.com/m11 v1.0.0
	example.com/m12 v1.0.0
	example.com/m13 v1.0.0
	example.com/m14 v1.0.0
	example.com/m15 v1.0.0
	example.com/m16 v1.0.0
	example.com/m17 v1.0.0
	example.com/m18 v1.0.0
	example.com/m19 v1.0.0
	example.com/m20 v1.0.0
	example.com/m21 v1.0.0
)
