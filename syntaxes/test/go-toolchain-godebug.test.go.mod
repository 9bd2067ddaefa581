// SYNTAX TEST "go.mod" "go, toolchain and godebug directives"
go 1.21
// <-- meta.directive.go.go.mod keyword.other.directive.go.mod
// ^^^^ meta.directive.go.go.mod constant.numeric.version.go-version.go.mod
go 1.21.0
// ^^^^^^ constant.numeric.version.go-version.go.mod
go 1.21rc1
// ^^^^^^^ constant.numeric.version.go-version.go.mod
go 1.21.0rc1
// ^^^^^^^^^ constant.numeric.version.go-version.go.mod
go 1.25.0 // language version
// ^^^^^^ constant.numeric.version.go-version.go.mod
//        ^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod
go 1.21beta
// ^^^^^^^^ meta.directive.go.go.mod - constant.numeric.version.go-version.go.mod
go v1.21
// ^^^^^ meta.directive.go.go.mod - constant.numeric.version.go-version.go.mod constant.numeric.version.semver.go.mod
go 1
// ^ meta.directive.go.go.mod - constant.numeric.version.go-version.go.mod
go 1.21.00
// ^^^^^^^ meta.directive.go.go.mod - constant.numeric.version.go-version.go.mod
go 0.1
// ^^^ meta.directive.go.go.mod - constant.numeric.version.go-version.go.mod
go 1.21 extra
// ^^^^ constant.numeric.version.go-version.go.mod
//      ^^^^^ meta.directive.go.go.mod - constant.numeric.version.go-version.go.mod
gopher 1.21
// <------ - keyword.other.directive.go.mod meta.directive.go.go.mod

toolchain go1.21.0
// <--------- meta.directive.toolchain.go.mod keyword.other.directive.go.mod
//        ^^^^^^^^ meta.directive.toolchain.go.mod constant.numeric.version.toolchain.go.mod
toolchain go1.21rc1-gccgo
//        ^^^^^^^^^^^^^^^ constant.numeric.version.toolchain.go.mod
toolchain go1
//        ^^^ constant.numeric.version.toolchain.go.mod
toolchain default
//        ^^^^^^^ meta.directive.toolchain.go.mod constant.language.default.go.mod
toolchain go1x
//        ^^^^ meta.directive.toolchain.go.mod - constant.numeric.version.toolchain.go.mod
toolchain 1.21.0
//        ^^^^^^ meta.directive.toolchain.go.mod - constant.numeric.version.toolchain.go.mod constant.numeric.version.go-version.go.mod
toolchain defaults
//        ^^^^^^^^ meta.directive.toolchain.go.mod - constant.language.default.go.mod

go (
// <-- meta.block.unknown.go.mod - keyword.other.directive.go.mod
// ^ meta.block.unknown.go.mod punctuation.section.block.begin.go.mod
	1.21
// <~---- meta.block.unknown.go.mod - constant.numeric.version.go-version.go.mod
)
// <- meta.block.unknown.go.mod punctuation.section.block.end.go.mod

godebug default=go1.21
// <------- meta.directive.godebug.go.mod keyword.other.directive.go.mod
//      ^^^^^^^ meta.directive.godebug.go.mod variable.other.key.godebug.go.mod - constant.language.default.go.mod
//             ^ keyword.operator.assignment.go.mod
//              ^^^^^^ constant.other.value.godebug.go.mod
godebug winsymlink=0 // comment
//      ^^^^^^^^^^ variable.other.key.godebug.go.mod
//                 ^ constant.other.value.godebug.go.mod
//                   ^^^^^^^^^^ comment.line.double-slash.go.mod
godebug (
// <------- meta.directive.godebug.go.mod keyword.other.directive.go.mod
//      ^ punctuation.section.block.begin.go.mod
	panicnil=1
// <~-------- meta.directive.godebug.go.mod variable.other.key.godebug.go.mod
//        ^ meta.directive.godebug.go.mod constant.other.value.godebug.go.mod
	asynctimerchan=1 // timers
// <~-------------- variable.other.key.godebug.go.mod
//                ^^^^^^^^^ comment.line.double-slash.go.mod
)
// <- meta.directive.godebug.go.mod punctuation.section.block.end.go.mod
godebug noequals
//      ^^^^^^^^ meta.directive.godebug.go.mod - variable.other.key.godebug.go.mod constant.other.value.godebug.go.mod
godebug "k=v"
//       ^^^ string.quoted.double.go.mod - variable.other.key.godebug.go.mod
