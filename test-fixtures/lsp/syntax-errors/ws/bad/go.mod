module example.com/bad

go 1.19

unknown directive //@diag(code="syntax", msg="unknown directive: unknown")
