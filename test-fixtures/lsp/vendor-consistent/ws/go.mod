// The same module with vendor/modules.txt as go mod vendor (Go 1.26) wrote it: consistent, so no
// vendor-inconsistent; and a go.mod below go 1.14 would not use the vendor directory at all.
module example.com/vend

go 1.22

require example.com/p v1.0.0 //@hint("⇒ ./p")

replace example.com/p => ./p
