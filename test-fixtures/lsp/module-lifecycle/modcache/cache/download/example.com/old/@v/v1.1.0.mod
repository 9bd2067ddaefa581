// Deprecated: use example.com/new instead.
module example.com/old

go 1.19

retract v1.0.0 // broken build on arm64
