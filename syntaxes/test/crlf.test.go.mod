// SYNTAX TEST "go.mod" "CRLF line endings; most source lines also carry a stray CR before the CRLF (as a host splitting only on LF would pass them)"
module example.com/crlf
//     ^^^^^^^^^^^^^^^^ meta.directive.module.go.mod entity.name.type.module.go.mod
go 1.21
// ^^^^ constant.numeric.version.go-version.go.mod
toolchain default
//        ^^^^^^^ constant.language.default.go.mod
require (
// <------- keyword.other.directive.go.mod
//      ^ meta.directive.require.go.mod punctuation.section.block.begin.go.mod
	example.com/a v1.0.0 // indirect
// <~------------- meta.directive.require.go.mod entity.name.type.module.go.mod
//             ^^^^^^ constant.numeric.version.semver.go.mod
//                       ^^^^^^^^ comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
	example.com/b v2.0.0+incompatible
//                   ^^^^^^^^^^^^^ storage.modifier.incompatible.go.mod
	example.com/c v0.0.0-20191109021931-daa7c04131f5
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod
	example.com/d v1.0.0
//             ^^^^^^ constant.numeric.version.semver.go.mod
)
// <- meta.directive.require.go.mod punctuation.section.block.end.go.mod
replace example.com/a => ../a
//                       ^^^^ string.unquoted.directory.go.mod
require ( )
//        ^ punctuation.section.block.end.go.mod
godebug k=v
//        ^ constant.other.value.godebug.go.mod
// Deprecated: notice
// ^^^^^^^^^^^ meta.paragraph.deprecated.go.mod keyword.other.deprecated.go.mod
//
// <-- comment.line.double-slash.go.mod - meta.paragraph.deprecated.go.mod
retract [v1.0.0, v1.0.1]
//                     ^ punctuation.section.interval.end.go.mod
exclude example.com/a v1.0.0
// <------- meta.directive.exclude.go.mod keyword.other.directive.go.mod
