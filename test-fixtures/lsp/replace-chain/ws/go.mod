// A replace chain: main-module replaces A with ./A, and A replaces B with ../B. Building
// main-module ignores A's replace (only the main module's count), so B is looked up as an ordinary
// module; Go 1.19 fails with "missing go.sum entry for module providing package B".
module main-module //@diag(code="replace-missing", severity="warning", msg="B is replaced by a local directory in ./A/go.mod", msg="missing go.sum entry for module providing package B")

go 1.19

require A v0.0.0 //@hint("⇒ ./A") @hover(at="A", contains="Replaced in this build by ./A")

replace A => ./A //@hover(at="replace", contains="only in the main module")
