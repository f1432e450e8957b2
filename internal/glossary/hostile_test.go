package glossary

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/yamlx"
	"github.com/tilmash/tilmash/internal/yamlx/yamlxtest"
)

// TestLoadRefusesYAMLBombs: each attack of the audit is one located
// problem of its file, and nothing of it is read. Before the YAML limits
// the first overflowed the stack and the others took gigabytes.
func TestLoadRefusesYAMLBombs(t *testing.T) {
	for _, b := range yamlxtest.Bombs() {
		dir := t.TempDir()
		good := "terms:\n  - {id: almaty, en: {term: Almaty}, ru: {term: Алматы}, kk: {term: Алматы}}\n"
		if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(good), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "bomb.yaml"), b.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, probs, err := Load(dir, workspaceLangs)
		if err != nil {
			t.Fatal(err)
		}
		if len(probs) != 1 || probs[0].Code != b.Code || probs[0].File != filepath.Join(dir, "bomb.yaml") || probs[0].Line < 2 {
			t.Errorf("%s: problems %v, want one %s in bomb.yaml", b.Name, probs, b.Code)
			continue
		}
		if len(g.Entries) != 1 || g.Entries[0].ID != "almaty" {
			t.Errorf("%s: entries %v, want the other file's only", b.Name, g.Entries)
		}
		if probs[0].Error() == "" || probs[0].TemplateData()["Limit"] == 0 && b.Code != yamlx.CodeAliasCycle {
			t.Errorf("%s: problem %+v has no message", b.Name, probs[0])
		}
	}
}

// TestAddEntryRefusesYAMLBombs: glossary add reads the file it appends to
// through the same limits.
func TestAddEntryRefusesYAMLBombs(t *testing.T) {
	e := &Entry{ID: "astana", Kind: Place, Langs: map[string]*Form{"en": {Term: "Astana"}, "ru": {Term: "Астана"}, "kk": {Term: "Астана"}}}
	for _, b := range yamlxtest.Bombs() {
		file := filepath.Join(t.TempDir(), "g.yaml")
		if err := os.WriteFile(file, b.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		err := AddEntry(file, e)
		var le *yamlx.LimitError
		if !errors.As(err, &le) || le.Code != b.Code || le.File != file {
			t.Errorf("%s: err = %v, want %s", b.Name, err, b.Code)
		}
		if data, _ := os.ReadFile(file); string(data) != string(b.Data) {
			t.Errorf("%s: the file was changed", b.Name)
		}
	}
}

// TestLoadLocatesBadBytes: a byte that is not UTF-8, or a control
// character, far down a glossary file is a problem at its line and column;
// yaml.v3 names no position for it, and the linter said 1:1.
func TestLoadLocatesBadBytes(t *testing.T) {
	dir := t.TempDir()
	data := "terms:\n  - {id: almaty, en: {term: Almaty}, ru: {term: Алматы}, kk: {term: Алматы}}\n  - {id: astana, en: {term: Astana\x01}}\n"
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs, err := Load(dir, workspaceLangs)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 1 || probs[0].Code != yamlx.CodeControl || probs[0].Line != 3 || probs[0].Column != 35 || probs[0].Value != "U+0001" {
		t.Errorf("problems %+v, want one %s at 3:35", probs, yamlx.CodeControl)
	}
}
