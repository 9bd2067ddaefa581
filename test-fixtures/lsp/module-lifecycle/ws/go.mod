// Facts the module cache knows: a retracted and deprecated requirement (from the latest version's
// go.mod), an excluded requirement, a replace of a module outside the graph, and go.sum problems.
module example.com/lifecycle

go 1.19

require (
	//@diag(code="retracted", msg="example.com/old v1.0.0 is retracted by its author (go.mod of v1.1.0): broken build on arm64")
	//@diag(code="deprecated", msg="example.com/old is deprecated (go.mod of v1.1.0): use example.com/new instead.")
	//@fix(code="retracted", title="Set example.com/old to v1.1.0", file="go.mod", golden="old-latest.golden")
	example.com/old v1.0.0
	example.com/ex v1.0.0 //@diag(code="excluded", msg="example.com/ex v1.0.0 is excluded")
	example.com/fine v1.0.0
)

exclude example.com/ex v1.0.0

//@diag(code="replace-unused", msg="this replace has no effect: example.com/unused is not in the module graph")
replace example.com/unused => ./unused
