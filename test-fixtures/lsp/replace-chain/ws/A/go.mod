module A

go 1.19

require B v0.0.0 //@hint("⇒ ../B")

//@diag(code="replace-ineffective", severity="warning", msg="ignored when building main-module", msg="missing go.sum entry for module providing package B")
//@fix(code="replace-ineffective", title="Add \"replace B => ./B\" to ../go.mod", file="../go.mod", golden="add-replace.golden")
//@hover(at="B", contains="Ignored here: not the main module")
replace B => ../B
