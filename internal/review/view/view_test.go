package view

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleMarks highlights a term, a forbidden form, a homoglyph and a
// missing term in the Uneven sample.
func sampleMarks(a *document.Alignment) []review.Mark {
	at := func(g int, lang, word string) (int, int) {
		t := a.Groups[g-1].Text(lang)
		i := strings.Index(t, word)
		if i < 0 {
			panic(word + " not in group " + fmt.Sprint(g))
		}
		return i, i + len(word)
	}
	var ms []review.Mark
	add := func(g int, lang string, kind review.MarkKind, word, entry, expected string) {
		s, e := at(g, lang, word)
		ms = append(ms, review.Mark{Group: g, Lang: lang, Kind: kind, Start: s, End: e, Text: word, Entry: entry, Expected: expected})
	}
	add(1, "en", review.Term, "Aral", "aral", "")
	add(1, "kk", review.Term, "арал", "aral", "")
	add(2, "en", review.Term, "Aralsk", "aralsk", "")
	add(2, "ru", review.Forbidden, "Аральске", "aralsk", "Аральске")
	add(2, "kk", review.Term, "Арал қаласындағы", "aralsk", "")
	add(2, "kk", review.Homoglyph, "дәлелдер", "", "дәлелдер")
	ms = append(ms, review.Mark{Group: 6, Lang: "kk", Kind: review.Missing, Start: -1, End: -1, Entry: "tokyo", Expected: "Токио"})
	return ms
}

var testLabels = Labels{
	Status: func(s document.Status) string { return string(s) },
	Note:   "note",
	Finding: func(m review.Mark) string {
		switch m.Kind {
		case review.Missing:
			return fmt.Sprintf("%s: %s is missing (%s)", m.Lang, m.Expected, m.Entry)
		case review.Forbidden:
			return fmt.Sprintf("%s: %s is forbidden (%s)", m.Lang, m.Text, m.Entry)
		}
		return fmt.Sprintf("%s: %s mixes Latin and Cyrillic letters", m.Lang, m.Text)
	},
}

func ansi(sgr, s string) string { return "\x1b[" + sgr + "m" + s + "\x1b[0m" }

func renderAll(v *View, a *document.Alignment, marks []review.Mark) string {
	var b bytes.Buffer
	v.Header(&b)
	for n := range a.Groups {
		v.Group(&b, a, n+1, marks, n+1 == 3)
	}
	return b.String()
}

func TestViewGolden(t *testing.T) {
	a := sample(t, reviewtest.Uneven)
	marks := sampleMarks(a)
	for _, width := range []int{80, 140} {
		for _, color := range []bool{false, true} {
			name := fmt.Sprintf("show-%d.txt", width)
			if color {
				name = fmt.Sprintf("show-%d-color.txt", width)
			}
			t.Run(name, func(t *testing.T) {
				v := &View{Width: width, Langs: a.Languages, Color: color, Paint: ansi, Labels: testLabels}
				got := renderAll(v, a, marks)
				golden(t, name, got)
				checkLayout(t, got, v)
			})
		}
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

var sgrPattern = regexp.MustCompile("\x1b\\[[0-9;]*m")

// checkLayout checks what the golden files cannot say on their own: no
// line is wider than the view or ends in a space, and every column
// separator sits at the same display column on every line.
func checkLayout(t *testing.T, out string, v *View) {
	t.Helper()
	cw := v.colWidth()
	gw := runewidth.StringWidth(gutter)
	width := max(v.Width, MinWidth(len(v.Langs)))
	for i, ln := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		plain := sgrPattern.ReplaceAllString(ln, "")
		w := runewidth.StringWidth(plain)
		if w > width {
			t.Errorf("line %d is %d cells wide (view %d): %q", i+1, w, width, plain)
		}
		if (strings.HasPrefix(plain, "── ") || strings.HasPrefix(plain, "══ ")) && w != width {
			t.Errorf("rule %d is %d cells wide, the view %d: %q", i+1, w, width, plain)
		}
		if strings.HasSuffix(plain, " ") {
			t.Errorf("line %d ends in a space: %q", i+1, plain)
		}
		if !strings.Contains(plain, gutter) {
			continue
		}
		col, want := 0, cw
		for _, part := range strings.SplitAfter(plain, gutter) {
			if !strings.HasSuffix(part, gutter) {
				break
			}
			col += runewidth.StringWidth(part)
			if col != want+gw {
				t.Errorf("line %d: a separator ends at cell %d, want %d: %q", i+1, col, want+gw, plain)
				break
			}
			want += cw + gw
		}
	}
}

func TestViewLayoutAtEveryWidth(t *testing.T) {
	a := sample(t, reviewtest.Uneven)
	marks := sampleMarks(a)
	for width := 30; width <= 160; width += 7 {
		for _, langs := range [][]string{{"en", "ru", "kk"}, {"kk", "en"}, {"ru"}} {
			v := &View{Width: width, Langs: langs, Labels: testLabels}
			checkLayout(t, renderAll(v, a, marks), v)
		}
	}
}

func TestWrapCutsLongWordsAndKeepsStyles(t *testing.T) {
	lines := wrap([]piece{{text: "ab "}, {text: "東京東京東京", style: styleTerm}, {text: " z"}}, 5, "", "")
	var got []string
	for _, l := range lines {
		var parts []string
		for _, p := range l {
			parts = append(parts, fmt.Sprintf("%s/%d", p.text, p.style))
		}
		got = append(got, strings.Join(parts, "+"))
	}
	want := []string{"ab/0", "東京/1", "東京/1", "東京/1", "z/0"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("wrap =\n%v\nwant\n%v", got, want)
	}
}

// TestWrap: words break only when longer than a line, with a hyphen
// between letters; punctuation is never carried to a line of its own.
func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  string // lines joined by " | "
	}{
		{"one two three", 7, "one two | three"},
		{"one two — three", 7, "one | two — | three"},
		{"один два — три «четыре»", 9, "один | два — три | «четыре»"},
		{"International, yes", 8, "Interna- | tional, | yes"},
		{"in [Aralsk], he", 8, "in | [Aral- | sk], he"},
		{"Балықшылардың", 8, "Балықшы- | лардың"},
		{"Қасым-Жомарт", 8, "Қасым- | Жомарт"},
		{"2017/2018", 6, "2017/ | 2018"},
		{"東京東京東京 z", 5, "東京 | 東京 | 東京 | z"},
		{"a —", 2, "a | —"}, // the two cannot share a line of 2
	}
	for _, tt := range tests {
		var got []string
		for _, l := range wrap([]piece{{text: tt.text}}, tt.width, "", "") {
			var b strings.Builder
			for _, p := range l {
				b.WriteString(p.text)
			}
			if w := runewidth.StringWidth(b.String()); w > tt.width {
				t.Errorf("%q at %d: line %q is %d wide", tt.text, tt.width, b.String(), w)
			}
			got = append(got, b.String())
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, g, tt.want)
		}
	}
}

// TestViewMinWidth: a view asked to be narrower than MinWidth is drawn at
// MinWidth, rules and rows alike, so the two never disagree.
func TestViewMinWidth(t *testing.T) {
	a := sample(t, reviewtest.Uneven)
	for _, n := range []int{1, 3, 6} {
		langs := []string{"en", "ru", "kk", "en", "ru", "kk"}[:n]
		for _, width := range []int{-5, 0, 10, 20, 30, MinWidth(n) - 1} {
			v := &View{Width: width, Langs: langs, Labels: testLabels}
			out := renderAll(v, a, nil)
			if v.width() != MinWidth(n) {
				t.Errorf("%d columns at %d: drawn %d wide, want %d", n, width, v.width(), MinWidth(n))
			}
			checkLayout(t, out, v)
		}
	}
	if MinWidth(3) != 40 {
		t.Errorf("MinWidth(3) = %d, want 40", MinWidth(3))
	}
}

// FuzzWrap checks wrap on any text and width: no line is wider than the
// width (when a character fits at all), and only white space and the
// hyphens of cut words are added or taken away.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"International, yes", "один два — три", "東京東京 z", "2017/2018", "a", " — , ."} {
		f.Add(s, 8)
	}
	f.Fuzz(func(t *testing.T, text string, width int) {
		if width < 2 || width > 200 || !utf8.ValidString(text) {
			return
		}
		strip := strings.NewReplacer(" ", "", "-", "", "\t", "", "\n", "", "\r", "", "\v", "", "\f", "", "\u0085", "", "\u00a0", "")
		var out strings.Builder
		for _, l := range wrap([]piece{{text: text}}, width, "", "") {
			var b strings.Builder
			for _, p := range l {
				b.WriteString(p.text)
			}
			if w := runewidth.StringWidth(b.String()); w > width {
				t.Fatalf("%q at %d: line %q is %d wide", text, width, b.String(), w)
			}
			out.WriteString(b.String())
		}
		in := strings.Join(strings.Fields(text), "")
		if got, want := strip.Replace(out.String()), strip.Replace(in); got != want {
			t.Fatalf("%q at %d: text changed: %q, want %q", text, width, got, want)
		}
	})
}

// TestViewShowsControlCharacters: a sentence or note holding ESC and
// other control characters is drawn with them visible (through the View's
// Visible, console.Visible on the command line), not sent to the terminal,
// and the columns still line up, the escapes counted.
func TestViewShowsControlCharacters(t *testing.T) {
	a := sample(t, reviewtest.OneToOne)
	g := a.Groups[1]
	g.Sents["en"][0].Text = "A court\x1b[2J heard\u202e the case\x1b]0;pwned\x07 on Monday."
	g.Note = "clear\x1b[H\x1b[2J"
	for _, color := range []bool{false, true} {
		v := &View{Width: 90, Langs: a.Languages, Color: color, Paint: ansi, Visible: console.Visible, Labels: testLabels}
		var b bytes.Buffer
		v.Group(&b, a, 2, nil, true)
		out := b.String()
		plain := sgrPattern.ReplaceAllString(out, "")
		if strings.ContainsAny(plain, "\x1b\x07\u202e") {
			t.Errorf("colour %v: a control character reached the terminal: %q", color, plain)
		}
		for _, want := range []string{`A court\x1b[2J heard\u202e`, `case\x1b]0;pwned\x07`, `note: clear\x1b[H\x1b[2J`} {
			if !strings.Contains(plain, want) {
				t.Errorf("colour %v: %q not shown:\n%s", color, want, out)
			}
		}
		checkLayout(t, out, v)
	}
}

func sample(t testing.TB, shape reviewtest.Shape) *document.Alignment {
	t.Helper()
	a, err := reviewtest.Alignment("demo", shape)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// A group a new version emptied (no sentence in any language, kept
// flagged with the text it had) shows no score: the aligner's score of
// text it no longer holds reads as a judgement of nothing. A group with a
// sentence left keeps its score.
func TestViewEmptiedGroupHasNoScore(t *testing.T) {
	a := sample(t, reviewtest.OneToOne)
	g := a.Groups[1]
	g.Status, g.Detached, g.Score = document.Flagged, true, 0.675
	g.Was = map[string][]string{"ru": {"Старый текст."}}
	kept := a.Groups[0]
	kept.Status, kept.Score = document.Flagged, 0.675
	delete(kept.Sents, "ru")
	for l := range g.Sents {
		g.Sents[l] = nil
	}
	v := &View{Width: 90, Langs: a.Languages, Labels: testLabels}
	var b bytes.Buffer
	v.Group(&b, a, 2, nil, false)
	rule, _, _ := strings.Cut(b.String(), "\n")
	if !regexp.MustCompile(`^── 2 · flagged ─+$`).MatchString(rule) {
		t.Errorf("emptied group's rule = %q, want no score", rule)
	}
	b.Reset()
	v.Group(&b, a, 1, nil, false)
	if rule, _, _ := strings.Cut(b.String(), "\n"); !strings.HasPrefix(rule, "── 1 · flagged · 0.675 ─") {
		t.Errorf("group with sentences left: rule = %q, want its score", rule)
	}
}
