package app

import (
	"os"
	"reflect"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestStatusGlossaryGaps: status reports the glossary's gaps by language,
// and a status whose rows all come from the status cache has them from
// the cache, without loading the glossary; a changed glossary is asked
// again.
func TestStatusGlossaryGaps(t *testing.T) {
	ws := sampleWorkspace(t)
	writeGlossary(t, ws, "partner.yaml", `terms:
  - id: partner-one
    kind: person
    en: {term: Abaya Zhunusova}
    kk: {term: Абая Жүнісова}
  - id: partner-two
    kind: person
    en: {term: Erlan Sadykov}
    ru: {term: Ерлан Садыков}
`)
	want := []check.Gap{{Lang: "ru", IDs: []string{"partner-one"}}, {Lang: "kk", IDs: []string{"partner-two"}}}
	rep, err := New("test").Status(ws, nil, nil)
	if err != nil || !reflect.DeepEqual(rep.GlossaryGaps, want) {
		t.Fatalf("first status: %v, gaps %+v", err, rep.GlossaryGaps)
	}
	noLoad := func(*workspace.Workspace) (*check.Checker, error) {
		t.Fatal("the glossary was loaded with every row kept")
		return nil, nil
	}
	a := New("test")
	a.Glossary, a.CheckGlossary = noLoad, noLoad
	rep, err = a.Status(ws, nil, nil)
	if err != nil || !reflect.DeepEqual(rep.GlossaryGaps, want) {
		t.Fatalf("kept status: %v, gaps %+v", err, rep.GlossaryGaps)
	}

	if err := os.Remove(ws.Path(ws.Config.Glossary, "partner.yaml")); err != nil {
		t.Fatal(err)
	}
	rep, err = New("test").Status(ws, nil, nil)
	if err != nil || len(rep.GlossaryGaps) != 0 {
		t.Fatalf("gaps gone: %v, gaps %+v", err, rep.GlossaryGaps)
	}
}
