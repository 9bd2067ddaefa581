// Parse errors are reported with Go's messages and exact spans; a path/version disagreement is
// major-version, with the two repairs that are honest (+incompatible, or the /v2 module).
module example.com/syntax

go 1.19

//@diag(code="major-version", severity="error", msg="should be v0 or v1, not v2", at="v2.0.0")
//@fix(code="major-version", title="Use v2.0.0+incompatible", file="go.mod", golden="incompatible.golden")
//@fix(code="major-version", title="Require the v2 module: example.com/m/v2", file="go.mod", golden="v2.golden")
require example.com/m v2.0.0

require example.com/n v1.0.0 extra //@diag(code="syntax", severity="error", msg="usage: require module/path v1.2.3")
