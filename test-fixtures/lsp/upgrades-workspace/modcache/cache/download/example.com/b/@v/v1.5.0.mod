module example.com/b

go 1.17

retract v1.5.0 // leaked credentials
