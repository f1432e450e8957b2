package app_test

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
)

// TestGateEndingsNotMissing: a glossary name written with a wrong Kazakh
// ending (Алматыге for Алматыға) is an endings warning, and check drops
// the glossary's missing finding for it, since the name is there. The gate
// of export and publish runs only the checks whose findings are errors;
// without endings beside terms it reported the name as missing, an error
// check never showed, and refused the export.
func TestGateEndingsNotMissing(t *testing.T) {
	ws := newWorkspace(t)
	const places = `terms:
  - id: almaty
    kind: place
    en: {term: Almaty}
    ru: {term: Алматы, inflect: none}
    kk: {term: Алматы}
`
	if err := os.WriteFile(ws.Path("glossary", "places.yaml"), []byte(places), 0o644); err != nil {
		t.Fatal(err)
	}
	a := app.New("test")
	for lang, text := range map[string]string{
		"en": "The first payments will reach Almaty in March.\n",
		"ru": "Первые выплаты поступят в Алматы в марте.\n",
		"kk": "Алғашқы төлемдер наурызда Алматыге түседі.\n",
	} {
		if _, err := a.Import(ws, "budget", lang, []byte(text), lang+".txt", "txt", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Align(ws, "budget"); err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "budget")
	if err != nil {
		t.Fatal(err)
	}
	al, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	v, err := a.Inspect(d, al, []string{"en", "ru", "kk"}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range v.Findings {
		if f.Kind == glossary.FindingMissing {
			t.Errorf("the gate reports %s %s as missing (%q), though the name is there with a wrong ending", f.Lang, f.EntryID, f.Text)
		}
	}
	if v.Refuses(false) {
		t.Errorf("the gate refuses an export whose only finding is an endings warning: %+v", v.Blockers)
	}
}
