// Known vulnerabilities from a vulnerability database on the machine (GOVULNDB): an indirect module
// on the direct require that brings it, a direct one without a fix, the standard library on the
// toolchain line; a withdrawn entry (example.com/a) says nothing.
module example.com/vuln

//@hover(at="go", contains="Standard library of go1.21.3 — 1 known vulnerability; go1.21.4 fixes all of them:")
go 1.21

//@diag(code="vulnerable", severity="information", msg="1 known vulnerability in the standard library of go1.21.3, the oldest toolchain this go.mod lets build it (toolchain go1.21.3); fixed in go1.21.4: GO-2099-0003 (CVE-2099-0003): Header smuggling in net/http")
//@fix(code="vulnerable", title="Set toolchain go1.21.4", file="go.mod", golden="toolchain-fixed.golden")
toolchain go1.21.3

require (
	//@diag(code="vulnerable", severity="warning", msg="1 known vulnerability in example.com/b@v1.1.0, required through example.com/a@v1.0.0 → example.com/b@v1.1.0; fixed in v1.2.0: GO-2099-0001 (CVE-2099-0001): Crash on crafted input in example.com/b")
	//@hover(at="example.com/a", contains="GO-2099-0001 (CVE-2099-0001): Crash on crafted input in example.com/b. Packages: example.com/b/parse. Fixed in v1.2.0.")
	example.com/a v1.0.0
	//@diag(code="vulnerable", severity="warning", msg="1 known vulnerability in example.com/c@v1.0.0; no fixed version is known: GO-2099-0002: Unbounded allocation in example.com/c")
	example.com/c v1.0.0
	//@diag(code="vulnerable", severity="warning", msg="1 known vulnerability in example.com/d@v1.0.0; fixed in v1.0.1: GO-2099-0005 (GHSA-xxxx-yyyy-zzzz): Path traversal in example.com/d")
	//@fix(code="vulnerable", title="Upgrade example.com/d to v1.0.1", file="go.mod", golden="d-fixed.golden")
	example.com/d v1.0.0
)
