// Available upgrades in a workspace (go.work uses ./app): the members' requirements get the same
// checks as a main go.mod in module mode — go list -m -u all answers there too.
module example.com/app

go 1.21

require (
	//@hover(at="example.com/a", contains="v1.1.0 is the newest allowed release of example.com/a")
	example.com/a v1.0.0 //@hint("v1.1.0 available")
	example.com/b v1.0.0 //@nohint
	example.com/d v1.0.0 //@hint("v1.0.5 available")
)
