// SYNTAX TEST "go.mod" "require: single-line and block forms, module paths, versions, // indirect"
module example.com/main

require example.com/a v1.2.3
// <------- meta.directive.require.go.mod keyword.other.directive.go.mod
//      ^^^^^^^^^^^^^ meta.directive.require.go.mod entity.name.type.module.go.mod
//                    ^^^^^^ meta.directive.require.go.mod constant.numeric.version.semver.go.mod - constant.other.version.pseudo.go.mod
require	gopkg.in/yaml.v3 v3.0.1 // indirect
//      ^^^^^^^^^^^^^^^^ meta.directive.require.go.mod entity.name.type.module.go.mod
//                       ^^^^^^ constant.numeric.version.semver.go.mod
//                              ^^ meta.directive.require.go.mod comment.line.double-slash.indirect.go.mod punctuation.definition.comment.go.mod
//                                 ^^^^^^^^ comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
go 1.21
// <-- meta.directive.go.go.mod keyword.other.directive.go.mod - meta.directive.require.go.mod

require (
// <------- meta.directive.require.go.mod keyword.other.directive.go.mod
//      ^ meta.directive.require.go.mod punctuation.section.block.begin.go.mod
	golang.org/x/text v0.3.8
// <~----------------- meta.directive.require.go.mod entity.name.type.module.go.mod
//                 ^^^^^^ meta.directive.require.go.mod constant.numeric.version.semver.go.mod
	github.com/pkg/errors v0.9.1 // indirect
// <~--------------------- entity.name.type.module.go.mod
//                     ^^^^^^ constant.numeric.version.semver.go.mod
//                            ^^ comment.line.double-slash.indirect.go.mod punctuation.definition.comment.go.mod
//                               ^^^^^^^^ meta.directive.require.go.mod comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
	github.com/docker/docker v24.0.7+incompatible // indirect
//                        ^^^^^^^ constant.numeric.version.semver.go.mod - storage.modifier.incompatible.go.mod
//                               ^^^^^^^^^^^^^ constant.numeric.version.semver.go.mod storage.modifier.incompatible.go.mod
//                                                ^^^^^^^^ keyword.other.indirect.go.mod
	golang.org/x/exp v0.0.0-20231006140011-7918f672742d
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod - constant.numeric.version.semver.go.mod

	// a whole-line comment inside the block
// <~-- meta.directive.require.go.mod comment.line.double-slash.go.mod punctuation.definition.comment.go.mod
	"example.com/quoted" "v1.0.0"
// <~- string.quoted.double.go.mod punctuation.definition.string.begin.go.mod
// <~~------------------ string.quoted.double.go.mod entity.name.type.module.go.mod
//                  ^ string.quoted.double.go.mod punctuation.definition.string.end.go.mod
//                     ^^^^^^ string.quoted.double.go.mod constant.numeric.version.semver.go.mod
	example.com/extra v1.0.0 junk ( ] , // trailing words do not break the rest of the line
// <~----------------- entity.name.type.module.go.mod
//                        ^^^^ meta.directive.require.go.mod - entity.name.type.module.go.mod constant.numeric.version.semver.go.mod constant.other.version.query.go.mod
//                             ^ punctuation.section.parens.begin.go.mod - punctuation.section.block.begin.go.mod
//                               ^ punctuation.section.brackets.end.go.mod
//                                 ^ punctuation.separator.comma.go.mod
//                                   ^^ comment.line.double-slash.go.mod - comment.line.double-slash.indirect.go.mod
	example.com/stray v1.0.0 )
//                        ^ meta.directive.require.go.mod punctuation.section.parens.end.go.mod - punctuation.section.block.end.go.mod
)
// <- meta.directive.require.go.mod punctuation.section.block.end.go.mod

require ( // indirect
//      ^ punctuation.section.block.begin.go.mod
//        ^^ comment.line.double-slash.go.mod - comment.line.double-slash.indirect.go.mod
//           ^^^^^^^^ comment.line.double-slash.go.mod - keyword.other.indirect.go.mod
	// indirect
//  ^^^^^^^^ comment.line.double-slash.go.mod - keyword.other.indirect.go.mod
	example.com/i1 v1.0.0 //indirect
//                       ^^^^^^^^ comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
	example.com/i2 v1.0.0 //	indirect	
//                        ^^^^^^^^ comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
	example.com/i3 v1.0.0 // indirect; needed by the code generator
//                        ^^^^^^^^ comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
//                                ^ comment.line.double-slash.indirect.go.mod punctuation.separator.indirect.go.mod
//                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.indirect.go.mod
	example.com/n1 v1.0.0 // indirect dependency
//                     ^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod - comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
	example.com/n2 v1.0.0 // Indirect
//                     ^^^^^^^^^^^ comment.line.double-slash.go.mod - comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
	example.com/n3 v1.0.0 // indirect;reason
//                     ^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod - comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
	example.com/n4 v1.0.0 // indirect;
//                     ^^^^^^^^^^^^ comment.line.double-slash.go.mod - comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
	example.com/n5 v1.0.0 // not indirect
//                     ^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod - comment.line.double-slash.indirect.go.mod keyword.other.indirect.go.mod
)

require(
// <------- meta.directive.require.go.mod keyword.other.directive.go.mod
//     ^ punctuation.section.block.begin.go.mod
	example.com/nospace v1.0.0
// <~------------------- meta.directive.require.go.mod entity.name.type.module.go.mod
)
// <- punctuation.section.block.end.go.mod

require ( )
//      ^ meta.directive.require.go.mod punctuation.section.block.begin.go.mod
//        ^ meta.directive.require.go.mod punctuation.section.block.end.go.mod
require example.com/after-empty-block v1.0.0
// <------- keyword.other.directive.go.mod
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ entity.name.type.module.go.mod

  require example.com/indented v1.0.0
// <~~------- meta.directive.require.go.mod keyword.other.directive.go.mod
//        ^^^^^^^^^^^^^^^^^^^^ entity.name.type.module.go.mod
require example.com/missing-version // indirect
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ entity.name.type.module.go.mod
//                                     ^^^^^^^^ keyword.other.indirect.go.mod
require x//comment right after the path
//      ^ entity.name.type.module.go.mod
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod
require example.com/b master
//                    ^^^^^^ constant.other.version.query.go.mod - constant.numeric.version.semver.go.mod
