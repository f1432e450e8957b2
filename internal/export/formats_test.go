package export

import (
	"slices"
	"testing"
)

// TestFormatTables: LocalizedAll is LocalizedFormats and docx; every
// format has its extension (XLIFF 2.0 and 1.2 two different ones), and
// only XLIFF holds one pair a file.
func TestFormatTables(t *testing.T) {
	if want := append(slices.Clone(LocalizedFormats), "docx"); !slices.Equal(LocalizedAll, want) {
		t.Errorf("LocalizedAll = %q, want %q", LocalizedAll, want)
	}
	want := map[string]string{
		"tmx": ".tmx", "xliff": ".xlf", "xliff12": ".xliff", "html": ".html", "md": ".md",
		"csv": ".csv", "tsv": ".tsv", "jsonl": ".jsonl", "txt": ".txt", "docx": ".docx",
	}
	for _, f := range append(slices.Clone(Formats), LocalizedAll...) {
		if got := Extension(f); got != want[f] {
			t.Errorf("Extension(%q) = %q, want %q", f, got, want[f])
		}
		if got := PairFormat(f); got != (f == "xliff" || f == "xliff12") {
			t.Errorf("PairFormat(%q) = %v", f, got)
		}
	}
	if Extension("docx2") != "" || Extension("") != "" {
		t.Error("an unknown format has an extension")
	}
}
