// Twenty missing go.mod files, the most that are still reported one by one, on their requires.
module example.com/twenty

go 1.19

require (
	example.com/t01 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t01@v1.0.0 (or enable goModLens.network)")
	example.com/t02 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t02@v1.0.0 (or enable goModLens.network)")
	example.com/t03 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t03@v1.0.0 (or enable goModLens.network)")
	example.com/t04 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t04@v1.0.0 (or enable goModLens.network)")
	example.com/t05 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t05@v1.0.0 (or enable goModLens.network)")
	example.com/t06 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t06@v1.0.0 (or enable goModLens.network)")
	example.com/t07 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t07@v1.0.0 (or enable goModLens.network)")
	example.com/t08 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t08@v1.0.0 (or enable goModLens.network)")
	example.com/t09 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t09@v1.0.0 (or enable goModLens.network)")
	example.com/t10 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t10@v1.0.0 (or enable goModLens.network)")
	example.com/t11 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t11@v1.0.0 (or enable goModLens.network)")
	example.com/t12 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t12@v1.0.0 (or enable goModLens.network)")
	example.com/t13 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t13@v1.0.0 (or enable goModLens.network)")
	example.com/t14 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t14@v1.0.0 (or enable goModLens.network)")
	example.com/t15 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t15@v1.0.0 (or enable goModLens.network)")
	example.com/t16 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t16@v1.0.0 (or enable goModLens.network)")
	example.com/t17 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t17@v1.0.0 (or enable goModLens.network)")
	example.com/t18 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t18@v1.0.0 (or enable goModLens.network)")
	example.com/t19 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t19@v1.0.0 (or enable goModLens.network)")
	example.com/t20 v1.0.0 //@diag(code="module-missing", severity="warning", msg="the build list is incomplete: this module's go.mod is not in the module cache; run go mod download example.com/t20@v1.0.0 (or enable goModLens.network)")
)
