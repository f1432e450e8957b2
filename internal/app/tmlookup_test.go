package app_test

import (
	"testing"

	"github.com/tilmash/tilmash/internal/app"
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
