// SYNTAX TEST "go.mod" "replace: wildcard and versioned, module and directory targets, arrow"
replace example.com/old => example.com/new v1.4.0
// <------- meta.directive.replace.go.mod keyword.other.directive.go.mod
//      ^^^^^^^^^^^^^^^ meta.directive.replace.go.mod entity.name.type.module.go.mod
//                      ^^ meta.directive.replace.go.mod keyword.operator.arrow.go.mod
//                         ^^^^^^^^^^^^^^^ entity.name.type.module.go.mod - string.unquoted.directory.go.mod
//                                         ^^^^^^ constant.numeric.version.semver.go.mod
replace example.com/old v1.2.3 => example.com/new v1.2.4-0.20191109021931-daa7c04131f5
//      ^^^^^^^^^^^^^^^ entity.name.type.module.go.mod
//                      ^^^^^^ constant.numeric.version.semver.go.mod
//                             ^^ keyword.operator.arrow.go.mod
//                                ^^^^^^^^^^^^^^^ entity.name.type.module.go.mod
//                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod
replace example.com/old => ./local
//                         ^^^^^^^ string.unquoted.directory.go.mod - entity.name.type.module.go.mod
replace example.com/old v1.0.0 => ../sibling/dir // local checkout
//                                ^^^^^^^^^^^^^^ string.unquoted.directory.go.mod
//                                               ^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod
replace example.com/old => /abs/path
//                         ^^^^^^^^^ string.unquoted.directory.go.mod
replace example.com/old => .
//                         ^ string.unquoted.directory.go.mod
replace example.com/old => ..
//                         ^^ string.unquoted.directory.go.mod
replace example.com/old => C:\work\mod
//                         ^^^^^^^^^^^ string.unquoted.directory.go.mod
replace example.com/old => .\win\dir
//                         ^^^^^^^^^ string.unquoted.directory.go.mod
replace example.com/old => localdir
//                         ^^^^^^^^ entity.name.type.module.go.mod - string.unquoted.directory.go.mod
replace example.com/old => .hidden/x v1.0.0
//                         ^^^^^^^^^ entity.name.type.module.go.mod - string.unquoted.directory.go.mod
replace example.com/old => ./dir v1.0.0
//                         ^^^^^ string.unquoted.directory.go.mod
//                               ^^^^^^ constant.numeric.version.semver.go.mod
replace "example.com/q" v1.2.3 => "/tmp/my dir"
//       ^^^^^^^^^^^^^ string.quoted.double.go.mod entity.name.type.module.go.mod
//                      ^^^^^^ constant.numeric.version.semver.go.mod
//                                ^ string.quoted.double.go.mod punctuation.definition.string.begin.go.mod
//                                 ^^^^^^^^^^^ string.quoted.double.go.mod string.unquoted.directory.go.mod
//                                            ^ string.quoted.double.go.mod punctuation.definition.string.end.go.mod
replace "example.com/q" v1.3.4 => "my/xyz" "v1.3.4-me"
//                                 ^^^^^^ string.quoted.double.go.mod entity.name.type.module.go.mod - string.unquoted.directory.go.mod
//                                          ^^^^^^^^^ string.quoted.double.go.mod constant.numeric.version.semver.go.mod
replace example.com/q => "./a,"
//                        ^^^^ string.quoted.double.go.mod string.unquoted.directory.go.mod
replace example.com/r => `../raw`
//                       ^ string.quoted.raw.go.mod punctuation.definition.string.begin.go.mod
//                        ^^^^^^ string.quoted.raw.go.mod string.unquoted.directory.go.mod
replace a=>b
//      ^^^^ entity.name.type.module.go.mod - keyword.operator.arrow.go.mod
replace example.com/x v1.0.0 => example.com/y v1.0.0 extra => again
//                                                   ^^^^^ meta.directive.replace.go.mod - entity.name.type.module.go.mod constant.other.version.query.go.mod
//                                                         ^^ keyword.operator.arrow.go.mod
replace example.com/half v1.0.0
//      ^^^^^^^^^^^^^^^^ entity.name.type.module.go.mod
//                       ^^^^^^ constant.numeric.version.semver.go.mod

replace (
// <------- meta.directive.replace.go.mod keyword.other.directive.go.mod
//      ^ punctuation.section.block.begin.go.mod
	example.com/x v1.0.0 => ./x // fork
// <~------------- meta.directive.replace.go.mod entity.name.type.module.go.mod
//             ^^^^^^ constant.numeric.version.semver.go.mod
//                    ^^ keyword.operator.arrow.go.mod
//                       ^^^ meta.directive.replace.go.mod string.unquoted.directory.go.mod
//                           ^^^^^^^ comment.line.double-slash.go.mod
	example.com/y => example.com/y2 v2.0.0+incompatible
// <~------------- entity.name.type.module.go.mod
//                ^^^^^^^^^^^^^^ entity.name.type.module.go.mod
//                                     ^^^^^^^^^^^^^ storage.modifier.incompatible.go.mod
	// github.com/osmosis-labs/osmosis/osmoutils => ../../osmoutils
//                                            ^^ comment.line.double-slash.go.mod - keyword.operator.arrow.go.mod
//                                               ^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod - string.unquoted.directory.go.mod
	example.com/z v1.0.0 => example.com/z v1.0.1 // indirect
//                                               ^^^^^^^^ comment.line.double-slash.go.mod - keyword.other.indirect.go.mod comment.line.double-slash.indirect.go.mod
)
// <- meta.directive.replace.go.mod punctuation.section.block.end.go.mod
