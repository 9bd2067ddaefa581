// SYNTAX TEST "go.mod" "unknown directives and blocks fall through; the next line is parsed normally"
frobnicate example.com/a v1.0.0 // comment still scoped
// <---------- - keyword.other.directive.go.mod
//         ^^^^^^^^^^^^^ - entity.name.type.module.go.mod
//                       ^^^^^^ - constant.numeric.version.semver.go.mod
//                              ^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod
requirex example.com/a v1.0.0
// <-------- - keyword.other.directive.go.mod meta.directive.require.go.mod
require"x" v1.0.0
// <---------- - keyword.other.directive.go.mod meta.directive.require.go.mod
use ./dir
// <--- - keyword.other.directive.go.mod
junk [ ] { } ,
//   ^ punctuation.section.brackets.begin.go.mod
//     ^ punctuation.section.brackets.end.go.mod
//       ^ punctuation.section.braces.begin.go.mod
//         ^ punctuation.section.braces.end.go.mod
//           ^ punctuation.separator.comma.go.mod
block4 "x" ( ) "y"
//         ^ punctuation.section.parens.begin.go.mod - punctuation.section.block.begin.go.mod meta.block.unknown.go.mod
//           ^ punctuation.section.parens.end.go.mod
//             ^^^ string.quoted.double.go.mod
)
// <- punctuation.section.parens.end.go.mod - punctuation.section.block.end.go.mod

foo bar (
// <--- meta.block.unknown.go.mod - keyword.other.directive.go.mod
//      ^ meta.block.unknown.go.mod punctuation.section.block.begin.go.mod
	anything "str" v1.0.0 // c
// <~-------- meta.block.unknown.go.mod
//        ^^^^^ meta.block.unknown.go.mod string.quoted.double.go.mod
//                     ^^^^ meta.block.unknown.go.mod comment.line.double-slash.go.mod
	x ) y
// ^ meta.block.unknown.go.mod punctuation.section.parens.end.go.mod
)
// <- meta.block.unknown.go.mod punctuation.section.block.end.go.mod
require example.com/a v1.0.0
// <------- keyword.other.directive.go.mod - meta.block.unknown.go.mod

block ( // block-eol
//    ^ meta.block.unknown.go.mod punctuation.section.block.begin.go.mod
//      ^^^^^^^^^^^^ comment.line.double-slash.go.mod
	"x" ( y // x-eol
//   ^ meta.block.unknown.go.mod punctuation.section.parens.begin.go.mod
) // block-eol2
// <- punctuation.section.block.end.go.mod
// <~~------------- comment.line.double-slash.go.mod - meta.block.unknown.go.mod

retract v1 (
// <------- meta.block.unknown.go.mod - keyword.other.directive.go.mod meta.directive.retract.go.mod
	v1.0.0
// <~------ meta.block.unknown.go.mod - constant.numeric.version.semver.go.mod
)
// <- meta.block.unknown.go.mod punctuation.section.block.end.go.mod
retract v1.0.0
// <------- meta.directive.retract.go.mod keyword.other.directive.go.mod
