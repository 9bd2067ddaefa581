/**
 * What each directive really means, in two or three sentences that correct the usual belief
 * (hover on a directive keyword). Written for go-mod-lens; facts from the Go Modules Reference.
 */

export const modDirectiveDocs: Record<string, string> = {
  module: 'Declares this module\'s path: the prefix of every import path of its packages, and the name other go.mod files require it by. A path ending in `/vN` (N ≥ 2) is a different module from the path without it. A `// Deprecated:` comment here marks the whole module deprecated for its users.',
  go: 'Sets the Go **language version of this module only** — not "build only with this Go". Each dependency keeps the language version of its own go line, and a newer toolchain builds all of them. From Go 1.21 the line is also a minimum toolchain version (an older go command switches toolchains or refuses), and it must be at least the go line of every dependency that declares 1.21 or later. At 1.17 and above the module graph is pruned.',
  toolchain: 'Names the toolchain the go command prefers when run in this main module (Go 1.21+, with `GOTOOLCHAIN=auto`). It has no effect when this module is a dependency, and it never lowers the go line\'s minimum.',
  godebug: 'Sets default GODEBUG settings for programs built with this module as the main module. Ignored in dependencies.',
  require: 'A **minimum**, not a pin: `require A v1.1.0` means "A at v1.1.0 or later". Minimal Version Selection picks, for each module path, the highest version any module in the build graph requires — so the version actually built can be higher than written here. Versions of a different major (`/v2`) belong to a different module path.',
  exclude: 'Removes one module version from consideration, and only when this is the main module: requirements on it are ignored and MVS selects the next one that is required. Excludes in dependencies have no effect.',
  replace: 'Substitutes another module version or a local directory for a module — **but only in the main module** (or go.work). A dependency\'s replace directives are ignored by every build that uses it, which is why a chain of local `replace`s breaks with "missing go.sum entry" one level down. Without a version on the left, every version is replaced.',
  retract: 'Marks versions of this module as not to be used (a bad release, a tag published by mistake). It is read from the latest version\'s go.mod: `go get` skips retracted versions and `go list -m -u` reports them, but builds that already require them keep working.',
  tool: 'Records a tool (an executable package) that `go tool NAME` runs (Go 1.24+); its module is required like any other dependency.',
  ignore: 'Tells the go command to skip a directory when matching package patterns such as `./...` (Go 1.25+).',
  use: 'Adds the module in this directory to the workspace: it becomes a main module, and its packages are built from the directory instead of a required version.',
};

/** sumDoc explains go.sum lines (hover). */
export const sumDoc = 'go.sum is **a set of checksums, not a lock file**: it records the expected hash of each module version the go command has downloaded or verified, so that a later download (or another machine) gets the same bytes. Which versions are built is decided by go.mod and MVS; extra lines are harmless, missing lines stop the build.';
