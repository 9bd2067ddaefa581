// Settings: selected-version hints always shown, no pseudo-version dates, pseudo-version
// diagnostics (off by default) turned on as information, replace-unused raised to an error.
module example.com/settings

go 1.19

//@diag(code="pseudo-version", severity="information", msg="pseudo-version: commit daa7c04131f5 from 2019-11-09 02:19:31 UTC")
require example.com/p v0.0.0-20191109021931-daa7c04131f5 //@hint("= v0.0.0-20191109021931-daa7c04131f5 ⇒ ./p")

replace example.com/p => ./p

replace example.com/unused => ./p //@diag(code="replace-unused", severity="error")
