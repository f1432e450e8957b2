package app

import (
	"bytes"
	"errors"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tmx"
)

// groupsTMX is tilmash's own TMX of d's groups, as export writes it.
func groupsTMX(t *testing.T, d *document.Document) []byte {
	t.Helper()
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	var own bytes.Buffer
	if err := export.Write(&own, "tmx", d, a, export.Options{Units: export.UnitsGroups}); err != nil {
		t.Fatal(err)
	}
	return own.Bytes()
}

// TestImportTMX: the use case behind import-tmx. tilmash's own TMX is
// stored as a document's texts and groups; a CAT tool's memory, keyed by
// the sentences of an aligned document, goes back into that document,
// found by its sentences; one with no translation is refused.
func TestImportTMX(t *testing.T) {
	ap, ws, d := xliffDoc(t)
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	m, err := tmx.Read(bytes.NewReader(groupsTMX(t, d)), "aral.tmx")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ap.ImportTMX(ws, m, "aral.tmx", ImportTMXOptions{Slug: "copy", Source: "aral.tmx"})
	if err != nil {
		t.Fatal(err)
	}
	if res.ID != "copy" || res.Import == nil || !res.Import.Created || res.Merge != nil {
		t.Fatalf("tilmash's TMX: %+v, want a new document copy", res)
	}
	if n, _, _ := res.Import.Alignment.Counts(); n != len(a.Groups) {
		t.Errorf("copy has %d groups, want %d", n, len(a.Groups))
	}

	// OmegaT's project_save.tmx: the first group's English sentence with
	// a new Kazakh translation.
	g := a.Groups[0]
	en := g.Sents["en"][0].Text
	cat := func(variants ...tmx.Variant) *tmx.TMX {
		return &tmx.TMX{Header: tmx.Header{CreationTool: "OmegaT", SrcLang: "en"}, Units: []tmx.Unit{{Variants: variants}}}
	}
	saved := cat(tmx.Variant{Lang: "en", Text: en}, tmx.Variant{Lang: "kk", Text: "Жаңа аударма."})
	if len(g.Sents["en"]) != 1 {
		t.Fatalf("the sample's first group has %d English sentences, want 1", len(g.Sents["en"]))
	}
	res, err = ap.ImportTMX(ws, saved, "project_save.tmx", ImportTMXOptions{Slug: "project_save"})
	if err != nil {
		t.Fatal(err)
	}
	if res.ID != "aral" || res.Merge == nil || res.Import != nil {
		t.Fatalf("OmegaT's memory: %+v, want a merge into aral", res)
	}
	if got := res.Merge.Changed["kk"]; len(got) != 1 || got[0] != 1 {
		t.Errorf("changed kk groups %v, want [1]", got)
	}

	// A memory with the English alone translates nothing.
	_, err = ap.ImportTMX(ws, cat(tmx.Variant{Lang: "en", Text: en}), "empty.tmx", ImportTMXOptions{ID: "aral"})
	var le *locale.Error
	if !errors.As(err, &le) || le.ID != "import-tmx.empty" || le.Kind != locale.Input {
		t.Fatalf("error %v, want import-tmx.empty of kind Input", err)
	}
}
