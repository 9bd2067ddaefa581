// SYNTAX TEST "go.mod" "comments: line comments, Deprecated: paragraphs, comments in odd places"
// A file header comment.
// <-- comment.line.double-slash.go.mod punctuation.definition.comment.go.mod - meta.paragraph.deprecated.go.mod
// ^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod

// Deprecated: use example.com/new instead.
// <-- meta.paragraph.deprecated.go.mod comment.line.double-slash.go.mod punctuation.definition.comment.go.mod
// ^^^^^^^^^^^ meta.paragraph.deprecated.go.mod comment.line.double-slash.go.mod keyword.other.deprecated.go.mod
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.paragraph.deprecated.go.mod comment.line.double-slash.go.mod - keyword.other.deprecated.go.mod
// The old module is no longer maintained.
// ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.paragraph.deprecated.go.mod comment.line.double-slash.go.mod
//
// <-- comment.line.double-slash.go.mod - meta.paragraph.deprecated.go.mod
// This paragraph is not part of the notice.
// ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod - meta.paragraph.deprecated.go.mod
module example.com/old
// <------ meta.directive.module.go.mod keyword.other.directive.go.mod - meta.paragraph.deprecated.go.mod comment.line.double-slash.go.mod

// Deprecated: a notice ends at the first non-comment line.
// ^^^^^^^^^^^ keyword.other.deprecated.go.mod
go 1.21
// <-- keyword.other.directive.go.mod - meta.paragraph.deprecated.go.mod

// Some text first.
// Deprecated: not a notice, the paragraph does not start with it.
// ^^^^^^^^^^^ comment.line.double-slash.go.mod - keyword.other.deprecated.go.mod meta.paragraph.deprecated.go.mod

//   
// Deprecated: after an empty comment line a new paragraph starts.
// ^^^^^^^^^^^ meta.paragraph.deprecated.go.mod keyword.other.deprecated.go.mod
// Still the notice. Deprecated: again is just text here.
//                   ^^^^^^^^^^^ meta.paragraph.deprecated.go.mod comment.line.double-slash.go.mod - keyword.other.deprecated.go.mod

//Deprecated:blah
// <~~----------- keyword.other.deprecated.go.mod

	// Deprecated: indented
//  ^^^^^^^^^^^ meta.paragraph.deprecated.go.mod keyword.other.deprecated.go.mod

// deprecated: lower case is not a notice
// ^^^^^^^^^^^ comment.line.double-slash.go.mod - keyword.other.deprecated.go.mod meta.paragraph.deprecated.go.mod

// See Deprecated: not at the start either
//     ^^^^^^^^^^^ comment.line.double-slash.go.mod - keyword.other.deprecated.go.mod meta.paragraph.deprecated.go.mod

module example.com/m2 // Deprecated: use example.com/m3
//                    ^^ meta.directive.module.go.mod comment.line.double-slash.go.mod punctuation.definition.comment.go.mod
//                       ^^^^^^^^^^^ meta.directive.module.go.mod comment.line.double-slash.go.mod keyword.other.deprecated.go.mod
require example.com/a v1.0.0 // Deprecated: means nothing on a require line
//                              ^^^^^^^^^^^ comment.line.double-slash.go.mod - keyword.other.deprecated.go.mod
require example.com/b v1.0.0 //@diag(code="replace-ineffective")
//                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go.mod - string.quoted.double.go.mod
require example.com/c//v1.0.0
//      ^^^^^^^^^^^^^ entity.name.type.module.go.mod
//                   ^^^^^^^^ comment.line.double-slash.go.mod - constant.numeric.version.semver.go.mod
require example.com/d v1.0.0// indirect
//                    ^^^^^^ constant.numeric.version.semver.go.mod
//                          ^^^^^^^^^^^ comment.line.double-slash.indirect.go.mod
// indirect
// ^^^^^^^^ comment.line.double-slash.go.mod - keyword.other.indirect.go.mod
require "example.com/e // not a comment" v1.0.0 // a comment
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.go.mod entity.name.type.module.go.mod - comment.line.double-slash.go.mod
//                                       ^^^^^^ constant.numeric.version.semver.go.mod
//                                              ^^^^^^^^^^^^ comment.line.double-slash.go.mod

// Deprecated: first line of a notice.
// Deprecated: on the next line of the same paragraph is plain text.
// ^^^^^^^^^^^ meta.paragraph.deprecated.go.mod comment.line.double-slash.go.mod - keyword.other.deprecated.go.mod
