// SYNTAX TEST "go.mod" "versions: semantic versions, pseudo-versions, +incompatible, non-semver queries"
require (
	example.com/p1 v0.0.0-20191109021931-daa7c04131f5
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod - constant.numeric.version.semver.go.mod
//                     ^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod constant.other.timestamp.go.mod
//                                    ^^^^^^^^^^^^ constant.other.version.pseudo.go.mod constant.other.revision.go.mod
//              ^^^^^^^ constant.other.version.pseudo.go.mod - constant.other.timestamp.go.mod constant.other.revision.go.mod
	example.com/p2 v1.2.4-0.20191109021931-daa7c04131f5
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod
//                       ^^^^^^^^^^^^^^ constant.other.timestamp.go.mod
//                                      ^^^^^^^^^^^^ constant.other.revision.go.mod
	example.com/p3 v1.2.3-pre.0.20191109021931-daa7c04131f5
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod
//                           ^^^^^^^^^^^^^^ constant.other.timestamp.go.mod
//                                          ^^^^^^^^^^^^ constant.other.revision.go.mod
	example.com/p4 v2.0.1-0.20191109021931-daa7c04131f5+incompatible
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod - storage.modifier.incompatible.go.mod
//                                                  ^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod storage.modifier.incompatible.go.mod
	example.com/p5 v2.3.0-pre.0.20060102150405-hash+incompatible
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod
//                                              ^^^^^^^^^^^^^ storage.modifier.incompatible.go.mod
	example.com/p6 v0.0.0-00010101000000-000000000000
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod
	example.com/p7 v1.0.1-0.20060102150405-hash+metadata
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod - storage.modifier.incompatible.go.mod
	example.com/p8 v0.0.0-0.20060102150405-abc
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod
	example.com/p9 v1.2.100000000000000000-0.20060102150405-hash
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod

	example.com/s1 v1.2.3-20060102150405-abc
//              ^^^^^^^^^^^^^^^^^^^^^^^^^ constant.numeric.version.semver.go.mod - constant.other.version.pseudo.go.mod constant.other.timestamp.go.mod
	example.com/s2 v1.2.3-pre
//              ^^^^^^^^^^ constant.numeric.version.semver.go.mod - constant.other.version.pseudo.go.mod
	example.com/s3 v0.0.0-20191109021931-daa7c04131f5.1
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.numeric.version.semver.go.mod - constant.other.version.pseudo.go.mod constant.other.revision.go.mod
	example.com/s4 v1.2.3-pre.1.20191109021931-abc
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.numeric.version.semver.go.mod - constant.other.version.pseudo.go.mod
	example.com/s5 v1.2.4-0.2019110902193-daa7c04131f5
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.numeric.version.semver.go.mod - constant.other.version.pseudo.go.mod
	example.com/s6 v1.2.4-0.201911090219311-daa7c04131f5
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.numeric.version.semver.go.mod - constant.other.version.pseudo.go.mod
	example.com/s7 v2.0.0+incompatible
//              ^^^^^^ constant.numeric.version.semver.go.mod - constant.other.version.pseudo.go.mod storage.modifier.incompatible.go.mod
//                    ^^^^^^^^^^^^^ constant.numeric.version.semver.go.mod storage.modifier.incompatible.go.mod
	example.com/s8 v1.0.0+meta
//              ^^^^^^^^^^^ constant.numeric.version.semver.go.mod - storage.modifier.incompatible.go.mod
	example.com/s9 v1.0.0+incompatible.x
//              ^^^^^^^^^^^^^^^^^^^^^ constant.numeric.version.semver.go.mod - storage.modifier.incompatible.go.mod
	example.com/s10 v1.2
//               ^^^^ constant.numeric.version.semver.go.mod
	example.com/s11 v1
//               ^^ constant.numeric.version.semver.go.mod
	example.com/s12 v1.0.0-rc.1
//               ^^^^^^^^^^^ constant.numeric.version.semver.go.mod
	example.com/s13 v0.0.0--.0.20060102150405-hash
//               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.pseudo.go.mod

	example.com/q1 master
//              ^^^^^^ constant.other.version.query.go.mod - constant.numeric.version.semver.go.mod constant.other.version.pseudo.go.mod
	example.com/q2 v1.2-pre
//              ^^^^^^^^ constant.other.version.query.go.mod - constant.numeric.version.semver.go.mod
	example.com/q3 1.2.3
//              ^^^^^ constant.other.version.query.go.mod - constant.numeric.version.semver.go.mod
	example.com/q4 v1.02.3
//              ^^^^^^^ constant.other.version.query.go.mod - constant.numeric.version.semver.go.mod
	example.com/q5 v1.2.3-01
//              ^^^^^^^^^ constant.other.version.query.go.mod - constant.numeric.version.semver.go.mod
	example.com/q6 v1+meta
//              ^^^^^^^ constant.other.version.query.go.mod - constant.numeric.version.semver.go.mod
	example.com/q7 14c0d48ead0c
//              ^^^^^^^^^^^^ constant.other.version.query.go.mod
	example.com/q8 v1.2.3-pre.01.0.20191109021931-abc
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.query.go.mod - constant.other.version.pseudo.go.mod constant.other.timestamp.go.mod
	example.com/q9 v0.0.0-20191109021931-daa7c04131f5_x
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.version.query.go.mod - constant.other.version.pseudo.go.mod
	example.com/q10 latest // indirect
//               ^^^^^^ constant.other.version.query.go.mod
//                         ^^^^^^^^ keyword.other.indirect.go.mod
	example.com/r1 `v1.2.3`
//              ^ string.quoted.raw.go.mod punctuation.definition.string.begin.go.mod
//               ^^^^^^ string.quoted.raw.go.mod constant.numeric.version.semver.go.mod
//                     ^ string.quoted.raw.go.mod punctuation.definition.string.end.go.mod
	example.com/r2 "v0.0.0-20191109021931-daa7c04131f5"
//               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.go.mod constant.other.version.pseudo.go.mod
)
