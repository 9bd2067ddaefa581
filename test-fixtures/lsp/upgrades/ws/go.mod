// Available upgrades from the module cache's version lists (goModLens.upgrades: direct, the
// default): the newest release of a (not its release candidate), the newest patch and the next
// major in the hover; b's only newer version retracts itself; c is indirect (no hint, a hover).
// GOPROXY names a proxy but network access is off: the module cache's version lists answer.
module example.com/up

go 1.21

require (
	//@hover(at="example.com/a", contains="Newer versions: v1.1.0 is the newest allowed release of example.com/a (what go list -m -u reports); newest patch of this minor version: v1.0.1; next major version: example.com/a/v2 v2.3.0 (another module path: imports change).")
	example.com/a v1.0.0 //@hint("v1.1.0 available")
	example.com/b v1.0.0 //@nohint
	example.com/d v1.0.0 //@hint("v1.0.5 available")
	//@hover(at="example.com/c", contains="v1.3.0 is the newest allowed release of example.com/c")
	example.com/c v1.0.0 // indirect
)
