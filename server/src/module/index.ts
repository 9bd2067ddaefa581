// The module primitives layer: pure functions over Go module paths, versions and literals. Everything a
// caller needs is re-exported here; see each file's header for the Go behaviour it reproduces.

export * from './errors';
export * from './goString';
export * from './goVersion';
export * from './modulePath';
export * from './pathMatch';
export * from './pseudo';
export * from './semver';
