package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// TestExportDOCXToATerminal: export DOC --lang L --format docx without -o
// wrote the Word file, a ZIP archive, to standard output, and on a
// terminal that was a screen of binary garbage and no file. On a terminal
// the file now goes to the workspace's export folder, named as publish
// names it, and says so; a pipe still gets the bytes (the scripts' export
// tests read them there).
func TestExportDOCXToATerminal(t *testing.T) {
	t.Parallel()
	dir := sampleWorkspace(t, reviewtest.Uneven)
	// --force: the sample has flagged groups, which the gate holds back.
	s := startTerminal(t, dir, "export", "demo", "--lang", "ru", "--format", "docx", "--force")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, s.text())
	}
	out := s.text()
	if strings.Contains(out, "PK\x03\x04") || strings.Contains(out, "[Content_Types].xml") {
		t.Errorf("the DOCX was written to the terminal:\n%q", out[:min(len(out), 200)])
	}
	if !strings.Contains(out, "tilmash: wrote export/demo.ru.docx") {
		t.Errorf("the terminal shows:\n%s", out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "export", "demo.ru.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		t.Errorf("export/demo.ru.docx is no ZIP archive: %q", data[:min(len(data), 16)])
	}
}
