package tm_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/tm/storetest"
)

// TestExportInlineCodes: tm export writes the formatting of a document's
// texts (LANG.format.yaml) as the document's TMX export does: inline codes
// around the bold words, in the group's unit and in the sentence cut's.
func TestExportInlineCodes(t *testing.T) {
	ws := storetest.NewWorkspace(t, nil)
	storetest.WriteSentGroups(t, ws, "zarechnoye", cutGroups, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	d, err := document.Open(ws, "zarechnoye")
	if err != nil {
		t.Fatal(err)
	}
	for lang, word := range map[string]string{"en": "guards", "ru": "охранники"} {
		text, err := d.Text(lang)
		if err != nil {
			t.Fatal(err)
		}
		at := strings.Index(text, word)
		f := &document.Formatting{Text: document.Hash(text), From: "html", Spans: []docformat.Span{{Start: at, End: at + len(word), Kind: docformat.Bold, Text: word}}}
		if err := os.WriteFile(filepath.Join(ws.Root, document.Folder, "zarechnoye", document.FormatName(lang)), f.Marshal(lang), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := newMemory(t, ws)
	if _, err := m.Update(t.Context()); err != nil {
		t.Fatal(err)
	}
	data, doc := exportTMX(t, m, export.UnitsSentences)
	for _, want := range []string{
		`They show <bpt i="1" x="1">&lt;strong&gt;</bpt>guards<ept i="1">&lt;/strong&gt;</ept> beating prisoners in the colony near Zarechnoye.</seg>`,
		`На них <bpt i="1" x="1">&lt;strong&gt;</bpt>охранники<ept i="1">&lt;/strong&gt;</ept> избивают заключённых колонии у Заречного.</seg>`,
	} {
		// in the group's unit, after its first sentence, and in the cut's
		if n := strings.Count(string(data), want); n != 2 || !strings.Contains(string(data), "<seg>"+want) {
			t.Errorf("%s: %d times, want 2 (the group's unit and the cut's)\n%s", want, n, data)
		}
	}
	if len(doc.Units) == 0 || doc.Units[1].Variants[0].Text != "Forty videos appeared online on 26 July 2019. They show guards beating prisoners in the colony near Zarechnoye." {
		t.Errorf("read back: %+v", doc.Units)
	}
}
