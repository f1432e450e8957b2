package app_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestFileText: tm lookup reads a file as import does, so that the
// sentences it looks up are the article's text, not its markup, and it
// knows the formatting of each.
func TestFileText(t *testing.T) {
	for _, c := range []struct {
		name, data string
		text       string
		format     string // "" for no formatting
	}{
		{"new.html", "<!DOCTYPE html><html><body><p>Buses ran <i>late</i>.</p>\n<p>Tests found H<sub>2</sub>S.</p></body></html>",
			"Buses ran late.\n\nTests found H2S.\n", "html"},
		{"new.md", "Buses ran *late*.\r\n", "Buses ran late.\n", "md"},
		{"new.txt", "\ufeffBuses ran *late*.\r\n", "Buses ran *late*.\n", ""},
	} {
		got, err := app.FileText(c.name, []byte(c.data))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got.Text != c.text || got.Name != c.name {
			t.Errorf("%s: text %q, want %q", c.name, got.Text, c.text)
		}
		switch {
		case c.format == "" && got.Formatting != nil:
			t.Errorf("%s: formatting %+v, want none", c.name, got.Formatting)
		case c.format != "" && (got.Formatting == nil || got.Formatting.From != c.format || len(got.Formatting.Spans) == 0):
			t.Errorf("%s: formatting %+v, want spans from %s", c.name, got.Formatting, c.format)
		}
	}
	// A binary file is refused as import refuses it.
	if _, err := app.FileText("new.txt", []byte("PK\x03\x04rest")); err == nil {
		t.Error("a ZIP read as a text: no error")
	}
}

// TestFileTextDOCX: a DOCX (tilmash's own of an imported HTML article) is
// read as import reads it, text and formatting.
func TestFileTextDOCX(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	page := "<!DOCTYPE html><html><body><p>Buses ran <i>late</i>. Tests found <b>two</b> wells.</p></body></html>"
	if _, err := app.New("test").Import(ws, "buses", "en", []byte(page), "en.html", "", document.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "buses")
	if err != nil {
		t.Fatal(err)
	}
	var docx bytes.Buffer
	if err := export.Localized(&docx, "docx", d, "en", export.Options{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	got, err := app.FileText("new.docx", docx.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Text, "Buses ran late. Tests found two wells.") {
		t.Errorf("text %q, want the article's sentences", got.Text)
	}
	if got.Formatting == nil || got.Formatting.From != "docx" || len(got.Formatting.Spans) < 2 {
		t.Errorf("formatting %+v, want the italic and the bold from docx", got.Formatting)
	}
}
