// SYNTAX TEST "go.mod" "retract: single versions, intervals, blocks with rationale comments"
module example.com/m

retract v1.0.0
// <------- meta.directive.retract.go.mod keyword.other.directive.go.mod
//      ^^^^^^ meta.directive.retract.go.mod constant.numeric.version.semver.go.mod
retract [v1.0.0, v1.1.0]
//      ^ meta.directive.retract.go.mod meta.interval.retract.go.mod punctuation.section.interval.begin.go.mod - punctuation.section.brackets.begin.go.mod
//       ^^^^^^ meta.interval.retract.go.mod constant.numeric.version.semver.go.mod
//             ^ meta.interval.retract.go.mod punctuation.separator.interval.go.mod - punctuation.separator.comma.go.mod
//               ^^^^^^ meta.interval.retract.go.mod constant.numeric.version.semver.go.mod
//                     ^ meta.interval.retract.go.mod punctuation.section.interval.end.go.mod
retract [ "v1.2.3" , "v1.2.4" ] // quoted bounds
//         ^^^^^^ meta.interval.retract.go.mod string.quoted.double.go.mod constant.numeric.version.semver.go.mod
//                    ^^^^^^ meta.interval.retract.go.mod string.quoted.double.go.mod constant.numeric.version.semver.go.mod
//                            ^ punctuation.section.interval.end.go.mod
//                              ^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod - meta.interval.retract.go.mod
retract v1.0.1 // Published accidentally.
//      ^^^^^^ constant.numeric.version.semver.go.mod
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.directive.retract.go.mod comment.line.double-slash.go.mod
retract "v1.2.3"
//       ^^^^^^ string.quoted.double.go.mod constant.numeric.version.semver.go.mod
retract v0.0.0-20191109021931-daa7c04131f5
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod

retract (
// <------- meta.directive.retract.go.mod keyword.other.directive.go.mod
//      ^ punctuation.section.block.begin.go.mod
	// retract SDK releases with known issues
// <~----------------------------------------- meta.directive.retract.go.mod comment.line.double-slash.go.mod
	v0.11.7
// <~------- meta.directive.retract.go.mod constant.numeric.version.semver.go.mod
	v9.15.1 // This version is used to retract v9.15.0
// <~------- constant.numeric.version.semver.go.mod
//                                          ^^^^^^^ comment.line.double-slash.go.mod - constant.numeric.version.semver.go.mod
	[v1.0.0, v1.0.5] // Release failed, use v1.0.6
// <~- meta.interval.retract.go.mod punctuation.section.interval.begin.go.mod
//        ^^^^^^ meta.interval.retract.go.mod constant.numeric.version.semver.go.mod
//              ^ punctuation.section.interval.end.go.mod
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod

	v1.9.0-rc.1 // Depends on retracted pdata v1.9.0-rc.1 module
// <~----------- constant.numeric.version.semver.go.mod
)
// <- meta.directive.retract.go.mod punctuation.section.block.end.go.mod

retract (v1.2.3, v1.2.4]
//      ^ meta.directive.retract.go.mod punctuation.section.parens.begin.go.mod - punctuation.section.block.begin.go.mod
//       ^^^^^^ constant.numeric.version.semver.go.mod
//             ^ punctuation.separator.comma.go.mod
//                     ^ punctuation.section.brackets.end.go.mod - punctuation.section.interval.end.go.mod
retract [v1.0.0, v1.1.0 // an unclosed interval stops at the comment
//               ^^^^^^ meta.interval.retract.go.mod constant.numeric.version.semver.go.mod
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod - meta.interval.retract.go.mod
retract 1.0.0
//      ^^^^^ constant.other.version.query.go.mod
require example.com/after v1.0.0
// <------- keyword.other.directive.go.mod - meta.directive.retract.go.mod
