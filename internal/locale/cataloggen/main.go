// Command cataloggen writes locales/catalog_gen.go from the message
// catalogues of locales/ (run by `go generate ./locales`, in that folder).
package main

import (
	"fmt"
	"os"

	"github.com/tilmash/tilmash/internal/locale/catalog"
)

func main() {
	src, err := catalog.Generate(os.DirFS("."))
	if err == nil {
		err = os.WriteFile("catalog_gen.go", src, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "cataloggen: %v\n", err)
		os.Exit(1)
	}
}
