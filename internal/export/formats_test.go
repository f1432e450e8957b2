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

// TestCarriesFormatting: the formats whose formatting loss export and
// publish say: TMX and the one-language versions but plain text.
func TestCarriesFormatting(t *testing.T) {
	var got []string
	for _, f := range Formats {
		if CarriesFormatting(f, false) {
			got = append(got, f)
		}
	}
	for _, f := range LocalizedAll {
		if CarriesFormatting(f, true) {
			got = append(got, "article-"+f)
		}
	}
	if want := []string{"tmx", "article-md", "article-html", "article-docx"}; !slices.Equal(got, want) {
		t.Errorf("formats carrying formatting %q, want %q", got, want)
	}
}
