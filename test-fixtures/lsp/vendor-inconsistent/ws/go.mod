// A vendor directory whose modules.txt does not match go.mod: with go 1.14 or later the go command
// builds from vendor/ by default and stops on every build (and on go list -m all) with
// "go: inconsistent vendoring"; Go 1.26 reports exactly these two lines for this directory.
module example.com/vend

go 1.22

require example.com/p v1.0.0 //@diag(code="vendor-inconsistent", severity="error", msg="inconsistent vendoring: example.com/p@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt") @hint("⇒ ./p")

replace example.com/p => ./p //@diag(code="vendor-inconsistent", severity="error", msg="inconsistent vendoring: example.com/p: is replaced in go.mod, but not marked as replaced in vendor/modules.txt")
