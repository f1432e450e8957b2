package export

import (
	"bytes"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
)

// TestTMXRoundTrip: export → FromTMX → the same texts and groups, so
// that import-tmx of a tilmash TMX gives back the document.
func TestTMXRoundTrip(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	m, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{})), "sample.tmx")
	if err != nil {
		t.Fatal(err)
	}
	mem, err := document.FromTMX(m, "sample.tmx", langs3, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langs3 {
		if mem.Texts[l] != sample[l] {
			t.Errorf("%s:\n got %q\nwant %q", l, mem.Texts[l], sample[l])
		}
	}
	for i, g := range mem.Alignment.Groups {
		orig := a.Groups[i]
		if g.Status != orig.Status || g.Score != orig.Score || g.Note != orig.Note {
			t.Errorf("group %d: %+v, want %+v", i+1, g, orig)
		}
		for _, l := range langs3 {
			// The fixture's heading sentence leaves out the marks
			// ("# ") the segmenter keeps in it, and FromTMX gives it.
			got, want := g.Text(l), orig.Text(l)
			if i == 0 {
				want = "# " + want
			}
			if got != want {
				t.Errorf("group %d %s: %q, want %q", i+1, l, got, want)
			}
		}
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"ru", `Он сказал "хватит".`, "Он сказал «хватит»."},
		{"kk", `"Жетер" деді.`, "«Жетер» деді."},
		{"en", `He said "enough" (and "more").`, "He said “enough” (and “more”)."},
		{"ru", `"Слово "внутри" снаружи"`, "«Слово „внутри“ снаружи»"},
		{"en", `"Outer "inner" end"`, "“Outer ‘inner’ end”"},
		{"ru", `«Уже "так"»`, "«Уже „так“»"},
		{"en", `don't touch 'single'`, "don't touch 'single'"},
		{"ru", "\"строка\nновая\"", "«строка\nновая»"},
		{"de", `"so"`, `"so"`},
		{"kk", `—"Иә"`, "—«Иә»"},
	}
	for _, tt := range tests {
		if got := Quotes(tt.lang, tt.in); got != tt.want {
			t.Errorf("Quotes(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}
