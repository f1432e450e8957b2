package serve

import (
	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/app/stores"
	"github.com/tilmash/tilmash/internal/qa"
)

// TemplateIDs are the catalogue ids the templates name, for the tests.
func TemplateIDs() []string { return templateIDs }

// HeadingTitle is headingTitle, for the tests.
func HeadingTitle(title string) string { return headingTitle(title) }

// TestSpellers keeps the hunspell processes of the tests' apps, as
// cmd/tilmash gives tilmash serve's app a pool: the workbench spells, and
// without a pool every page would start hunspell again. TestMain closes
// it.
var TestSpellers = qa.NewSpellers(4)

// NewTestApp is app.New(version) with the tests' pool of spellers and,
// as cmd/tilmash gives them, the translation memory's stores (the
// concordance opens the embedded memory, or one on a server).
func NewTestApp(version string) *app.App {
	a := app.New(version)
	a.Spellers = TestSpellers
	a.Stores = stores.Memory()
	return a
}
