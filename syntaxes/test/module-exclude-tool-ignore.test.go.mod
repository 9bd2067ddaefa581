// SYNTAX TEST "go.mod" "module, exclude, tool and ignore directives; strings"
module example.com/m
// <------ meta.directive.module.go.mod keyword.other.directive.go.mod
//     ^^^^^^^^^^^^^ meta.directive.module.go.mod entity.name.type.module.go.mod
module "example.com/quoted"
//     ^ string.quoted.double.go.mod punctuation.definition.string.begin.go.mod
//      ^^^^^^^^^^^^^^^^^^ string.quoted.double.go.mod entity.name.type.module.go.mod
module `example.com/raw`
//     ^ string.quoted.raw.go.mod punctuation.definition.string.begin.go.mod
//      ^^^^^^^^^^^^^^^ string.quoted.raw.go.mod entity.name.type.module.go.mod
//                     ^ string.quoted.raw.go.mod punctuation.definition.string.end.go.mod
module "ex\x41mple.com/\u00e9\"q\'\z"
//        ^^^^ string.quoted.double.go.mod entity.name.type.module.go.mod constant.character.escape.go.mod
//                     ^^^^^^ constant.character.escape.go.mod
//                           ^^ constant.character.escape.go.mod
//                              ^^ invalid.illegal.unknown-escape.go.mod
//                                ^^ invalid.illegal.unknown-escape.go.mod
module (
// <------ meta.directive.module.go.mod keyword.other.directive.go.mod
//     ^ punctuation.section.block.begin.go.mod
	example.com/inblock
// <~------------------- meta.directive.module.go.mod entity.name.type.module.go.mod
)
// <- meta.directive.module.go.mod punctuation.section.block.end.go.mod
module tidy
//     ^^^^ entity.name.type.module.go.mod
frob "an unterminated string
//    ^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.go.mod
module example.com/next-line-is-fine
// <------ keyword.other.directive.go.mod - string.quoted.double.go.mod

exclude example.com/bad v1.2.3
// <------- meta.directive.exclude.go.mod keyword.other.directive.go.mod
//      ^^^^^^^^^^^^^^^ meta.directive.exclude.go.mod entity.name.type.module.go.mod
//                      ^^^^^^ constant.numeric.version.semver.go.mod
exclude (
// <------- meta.directive.exclude.go.mod keyword.other.directive.go.mod
	example.com/bad v1.2.4 // indirect
// <~--------------- meta.directive.exclude.go.mod entity.name.type.module.go.mod
//                         ^^^^^^^^ comment.line.double-slash.go.mod - keyword.other.indirect.go.mod
	example.com/bad v1.2.5-0.20191109021931-daa7c04131f5
//               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod
)
// <- meta.directive.exclude.go.mod punctuation.section.block.end.go.mod

tool golang.org/x/tools/cmd/stringer
// <---- meta.directive.tool.go.mod keyword.other.directive.go.mod
//   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.directive.tool.go.mod entity.name.type.package.go.mod - entity.name.type.module.go.mod
tool (
// <---- meta.directive.tool.go.mod keyword.other.directive.go.mod
	github.com/matryer/moq
// <~---------------------- meta.directive.tool.go.mod entity.name.type.package.go.mod
	"example.com/m/cmd/gen"
// <~~--------------------- string.quoted.double.go.mod entity.name.type.package.go.mod
)
// <- meta.directive.tool.go.mod punctuation.section.block.end.go.mod

ignore ./node_modules
// <------ meta.directive.ignore.go.mod keyword.other.directive.go.mod
//     ^^^^^^^^^^^^^^ meta.directive.ignore.go.mod string.unquoted.directory.go.mod
ignore (
// <------ meta.directive.ignore.go.mod keyword.other.directive.go.mod
	static
// <~------ meta.directive.ignore.go.mod string.unquoted.directory.go.mod - entity.name.type.module.go.mod
	"./third party"
// <~~------------- string.quoted.double.go.mod string.unquoted.directory.go.mod
)
// <- meta.directive.ignore.go.mod punctuation.section.block.end.go.mod
