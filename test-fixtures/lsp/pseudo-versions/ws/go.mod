// Pseudo-versions name commits: a time and a revision, sometimes after a base tag. Each is decoded
// in an inlay hint and the hover, with no diagnostic (pseudo-version is off by default: it would
// repeat the hint on every line); a malformed one (month 13) is an error. The modules are replaced by directories so that nothing
// is missing from the (empty) module cache.
module example.com/pseudo

go 1.19

require (
	//@hint("2019-11-09", tooltip="pseudo-version: commit daa7c04131f5 from 2019-11-09 02:19:31 UTC") @hint("⇒ ./p")
	//@hover(at="20191109021931", contains="pseudo-version: commit daa7c04131f5 from 2019-11-09 02:19:31 UTC", contains="Allowed range: ≥ v0.0.0-20191109021931-daa7c04131f5, < v2.0.0")
	example.com/p v0.0.0-20191109021931-daa7c04131f5
	//@hint("2021-02-03") @hint("⇒ ./q")
	example.com/q v1.2.4-0.20210203040506-0123456789ab
	//@diag(code="pseudo-version-invalid", severity="error", msg="invalid", msg="20191309021931")
	//@hint("⇒ ./r")
	example.com/r v0.0.0-20191309021931-daa7c04131f5
)

replace (
	example.com/p => ./p
	example.com/q => ./q
	example.com/r => ./r
)
