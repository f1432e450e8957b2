package export

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
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

// TestCarriesFormattingAgrees: CarriesFormatting says of each format what
// its writer does with a bold and an italic in the middle of a sentence:
// a format that carries formatting writes something between the words
// (TMX's <bpt>, the page's <b>, Markdown's **), one that does not writes
// the sentence as plain text. XLIFF (2.0 and 1.2) writes plain text: a
// translator opening it in OmegaT or Trados sees no tags and loses every
// span, placed or not, so saying which spans it leaves out would only say
// a part of it (import-xliff puts the formatting back by the words). A
// writer that learns inline codes (XLIFF's <pc>, <g>) fails here until
// CarriesFormatting names it, and export and publish then say the
// formatting it cannot place.
func TestCarriesFormattingAgrees(t *testing.T) {
	d, a := newHTMLDoc(t, "formatted", formattedPages, formattedGroups)
	const plain = "The prison reform was announced today."
	for _, f := range Formats {
		opt := Options{Langs: []string{"en", "ru"}}
		if PairFormat(f) {
			opt.Source, opt.Target = "en", "ru"
		}
		out := string(render(t, f, d, a, opt))
		if !strings.Contains(out, "announced") {
			t.Fatalf("%s: the sentence is not in\n%s", f, out)
		}
		if carried := !strings.Contains(out, plain); carried != CarriesFormatting(f, false) {
			t.Errorf("%s writes the formatting: %v; CarriesFormatting says %v", f, carried, CarriesFormatting(f, false))
		}
	}
	for _, f := range LocalizedAll {
		var b bytes.Buffer
		if err := Localized(&b, f, d, "en", Options{}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if f == "docx" {
			out = docxDocument(t, b.Bytes())
		}
		if !strings.Contains(out, "announced") {
			t.Fatalf("%s: the sentence is not in\n%s", f, out)
		}
		if carried := !strings.Contains(out, plain); carried != CarriesFormatting(f, true) {
			t.Errorf("article %s writes the formatting: %v; CarriesFormatting says %v", f, carried, CarriesFormatting(f, true))
		}
	}
}

// docxDocument is word/document.xml of a DOCX, as written: a bold
// parts the runs of its sentence.
func docxDocument(t *testing.T, data []byte) string {
	t.Helper()
	return docxPart(t, data, "word/document.xml")
}

// docxPart is the part name of a DOCX, as written.
func docxPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	body, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// TestDocxTitleQuotes: the Word file's title property reads as its body
// does, with the language's quotation marks, and as the page's <title>.
func TestDocxTitleQuotes(t *testing.T) {
	texts := map[string]string{
		"en": "The \"Green\" bridge opens\n\nThe bridge opened on Monday.\n",
		"ru": "\"Зелёный\" мост открыт\n\nМост открылся в понедельник.\n",
		"kk": "\"Жасыл\" көпір ашылды\n\nКөпір дүйсенбіде ашылды.\n",
	}
	d, _ := newDoc(t, "bridge", texts, []groupSpec{
		{document.Confirmed, "", [3][]string{{"The \"Green\" bridge opens"}, {"\"Зелёный\" мост открыт"}, {"\"Жасыл\" көпір ашылды"}}},
		{document.Confirmed, "", [3][]string{{"The bridge opened on Monday."}, {"Мост открылся в понедельник."}, {"Көпір дүйсенбіде ашылды."}}},
	})
	for lang, want := range map[string]string{"en": "The “Green” bridge opens", "ru": "«Зелёный» мост открыт", "kk": "«Жасыл» көпір ашылды"} {
		var b bytes.Buffer
		if err := Localized(&b, "docx", d, lang, Options{}); err != nil {
			t.Fatal(err)
		}
		if core := docxPart(t, b.Bytes(), "docProps/core.xml"); !strings.Contains(core, "<dc:title>"+want+"</dc:title>") {
			t.Errorf("%s: title property not %q:\n%s", lang, want, core)
		}
		b.Reset()
		if err := Localized(&b, "html", d, lang, Options{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "<title>"+want+"</title>") {
			t.Errorf("%s: page title not %q", lang, want)
		}
	}
}
