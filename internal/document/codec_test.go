package document

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var codecCases = flag.Int("codec.cases", 400, "random alignments TestCodecRandom checks")

// repositoryAlignments returns every alignment.yaml in the repository: the
// sample documents and the golden file.
func repositoryAlignments(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", Folder, "*", AlignmentName))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join("testdata", "alignment.golden.yaml"))
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	if len(out) < 4 {
		t.Fatalf("found only %d alignment files: %v", len(out), files)
	}
	return out
}

// checkParse compares the fast reader with yaml.v3 on data: whatever the
// fast reader accepts, yaml.v3 reads as the same alignment, lines included.
// It returns whether the fast reader accepted data.
func checkParse(t *testing.T, data []byte) bool {
	t.Helper()
	slow, slowErr := parseAlignmentYAML("f.yaml", data)
	fast, ok := parseFast(data)
	got, gotErr := ParseAlignment("f.yaml", data)
	if fmt.Sprint(gotErr) != fmt.Sprint(slowErr) || !reflect.DeepEqual(got, slow) {
		t.Fatalf("ParseAlignment differs from yaml.v3:\n got %s, %v\nwant %s, %v\nfile:\n%s", dumpOrNil(got), gotErr, dumpOrNil(slow), slowErr, data)
	}
	if !ok {
		return false
	}
	if slowErr != nil {
		t.Fatalf("the fast reader accepted a file yaml.v3 refuses (%v):\n%s", slowErr, data)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("the fast reader reads\n%s\nas %s\nyaml.v3 as %s", data, dump(fast), dump(slow))
	}
	return true
}

func dumpOrNil(a *Alignment) string {
	if a == nil {
		return "nil"
	}
	return dump(a)
}

func dump(a *Alignment) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %q %q %q\n", a.Document, a.Pivot, a.Languages, a.Sources)
	for _, g := range a.Groups {
		fmt.Fprintf(&b, "  %d %q %v %q %v %v %v %#v\n", g.Line, g.Status, g.Score, g.Note, g.Detached, g.Reshaped, g.ConfirmedAt, g.Sents)
	}
	return b.String()
}

// checkMarshal compares Marshal with yaml.v3 on a and returns the bytes.
func checkMarshal(t *testing.T, a *Alignment) []byte {
	t.Helper()
	want, wantErr := a.marshalYAML()
	got, err := a.Marshal()
	if fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("Marshal error %v, yaml.v3 %v, for %s", err, wantErr, dump(a))
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Marshal differs from yaml.v3 for %s\n got:\n%s\nwant:\n%s", dump(a), got, want)
	}
	return got
}

// TestCodecRepositoryFiles: on every alignment in the repository, the fast
// reader gives what yaml.v3 gives, and writing it back gives the file's
// exact bytes.
func TestCodecRepositoryFiles(t *testing.T) {
	for name, data := range repositoryAlignments(t) {
		t.Run(name, func(t *testing.T) {
			if !checkParse(t, data) {
				t.Fatal("the fast reader refused a file tilmash wrote")
			}
			a, err := ParseAlignment(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if got := checkMarshal(t, a); !bytes.Equal(got, data) {
				t.Errorf("re-saving changes the file:\n%s", got)
			}
		})
	}
}

// Pieces of text that meet every rule of the YAML emitter: indicators at
// the start and inside, words YAML reads as other types, numbers,
// timestamps, quotes, whitespace and line breaks of every kind, control
// characters, characters outside the BMP, a byte-order mark.
var pieces = []string{
	"Hello", "world", "Қазақстан", "Заречное", "ә", "ғ", "ң", "ү", "і", " ", "  ", ",", ".", ":", ": ", " #", "#",
	"-", "- ", "--- ", "...", "?", "? ", "[", "]", "{", "}", "&a", "*a", "!", "|", ">", "'", "''", "\"", "%", "@",
	"`", "\\", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\x00", "\x07", "\x1b", "\x7f", "\u00a0",
	"\ufeff", "\ufffe", "😀", "true", "False", "null", "~", "yes", "on", "<<", "1", "-1", "+1", "0x1F", "0o17",
	"0b101", "-0b1", "017", "1_000", "1e5", ".5", "5.", ".inf", "-.Inf", ".nan", "2019-07-26", "2019-7-2 10:00:00",
	"2001-12-14t21:59:43.10-05:00", "«", "»", "“", "”", "—", "…", "\u200b", "x:y", "a#b", "a,b", "0-82",
}

func randomText(r *rand.Rand, max int) string {
	var b strings.Builder
	for n := r.IntN(max + 1); n > 0; n-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// ordinaryText is text without line breaks, from the letters and
// punctuation of real articles, so most of it is written plain or in
// single quotes.
func ordinaryText(r *rand.Rand) string {
	var b strings.Builder
	for n := 1 + r.IntN(8); n > 0; n-- {
		b.WriteString([]string{"The", "court", "Суд", "отложил", "Сот", "қарады", "2019", "60 km", "«Нұр Отан»", "'quoted'", "\"said\"", "a:", "Note: this", "#1", "(ok)", "- list", "3.5", "Tokayev's"}[r.IntN(18)])
		b.WriteString([]string{" ", " ", ", ", ". ", ": ", " — "}[r.IntN(6)])
	}
	return strings.TrimSpace(b.String())
}

var testLangs = []string{"en", "ru", "kk", "de", "no", "yes", "nan", "inf", "on"}

// randomAlignment makes an alignment; wild ones carry anything a string can
// hold, tame ones only what tilmash writes for real texts.
func randomAlignment(r *rand.Rand, wild bool) *Alignment {
	text := func(max int) string {
		if wild && r.IntN(3) == 0 {
			return randomText(r, max)
		}
		return ordinaryText(r)
	}
	a := &Alignment{Document: "doc-" + fmt.Sprint(r.IntN(100)), Pivot: "en", Sources: map[string]string{}}
	perm := r.Perm(len(testLangs))
	for _, i := range perm[:1+r.IntN(4)] {
		a.Languages = append(a.Languages, testLangs[i])
	}
	for _, l := range a.Languages {
		if r.IntN(4) > 0 {
			a.Sources[l] = fmt.Sprintf("%064x", r.Uint64())
		}
	}
	if len(a.Sources) == 0 {
		a.Sources[a.Languages[0]] = "0123"
	}
	if wild && r.IntN(10) == 0 {
		a.Document, a.Pivot = randomText(r, 3), randomText(r, 2)
	}
	if wild && r.IntN(10) == 0 {
		a.Sources[a.Languages[0]] = randomText(r, 3)
	}
	statuses := []Status{Aligned, Flagged, Confirmed}
	for n := 1 + r.IntN(12); n > 0; n-- {
		g := &Group{Status: statuses[r.IntN(3)], Score: float64(r.IntN(1001)) / 1000, Sents: map[string][]Sentence{}}
		if r.IntN(5) == 0 {
			g.Score = r.Float64()
		}
		if r.IntN(4) == 0 {
			g.Note = text(6)
		}
		g.Detached = r.IntN(5) == 0
		g.Reshaped = r.IntN(5) == 0
		if g.Detached && r.IntN(2) == 0 {
			g.Was = map[string][]string{}
			for _, l := range a.Languages {
				for k := r.IntN(3); k > 0; k-- {
					g.Was[l] = append(g.Was[l], text(10))
				}
			}
		}
		if r.IntN(2) == 0 {
			g.ConfirmedAt = time.Unix(int64(r.IntN(4e9)), 0).UTC()
		}
		if wild && r.IntN(30) == 0 {
			g.Score = []float64{math.NaN(), math.Inf(1), -0.5, 2, 1e-9}[r.IntN(5)]
		}
		if wild && r.IntN(30) == 0 {
			g.Status = Status(randomText(r, 2))
		}
		for _, l := range a.Languages {
			for k := r.IntN(3); k > 0; k-- {
				start := r.IntN(100000)
				g.Sents[l] = append(g.Sents[l], Sentence{Start: start, End: start + r.IntN(500), Text: text(10)})
			}
		}
		a.Groups = append(a.Groups, g)
	}
	if r.IntN(20) == 0 {
		a.Groups = nil
	}
	return a
}

// withLines returns a copy of a with the lines the file gives its groups
// and sentences, to compare with what a reader makes of it.
func withLines(t *testing.T, a *Alignment, data []byte) *Alignment {
	t.Helper()
	b, err := parseAlignmentYAML("f.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCodecRandom: on random alignments, Marshal writes exactly what yaml.v3
// writes; the fast reader reads every file that Marshal writes for a
// well-formed alignment (and yaml.v3 reads it the same); what it reads is
// the alignment that was written.
func TestCodecRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 10))
	accepted := 0
	for i := 0; i < *codecCases; i++ {
		wild := i%2 == 1
		a := randomAlignment(r, wild)
		data := checkMarshal(t, a)
		if data == nil {
			continue // invalid UTF-8: both refuse
		}
		ok := checkParse(t, data)
		if ok {
			accepted++
			back, _ := parseFast(data)
			want := withLines(t, a, data)
			if !reflect.DeepEqual(back, want) {
				t.Fatalf("read back differently:\n%s\nwant\n%s", dump(back), dump(want))
			}
		}
		if !wild && !ok && a.Groups != nil {
			t.Fatalf("the fast reader refused a file Marshal wrote for a well-formed alignment:\n%s", data)
		}
	}
	if accepted < *codecCases/2 {
		t.Errorf("the fast reader took only %d of %d files", accepted, *codecCases)
	}
}

// TestCodecScalars writes single groups around each tricky piece, alone
// and in pairs, in every place a string goes.
func TestCodecScalars(t *testing.T) {
	base := func() *Alignment {
		return &Alignment{Document: "d", Pivot: "en", Languages: []string{"en", "ru"}, Sources: map[string]string{"en": "abc"},
			Groups: []*Group{{Status: Aligned, Score: 0.5, Sents: map[string][]Sentence{"en": {{Start: 0, End: 1, Text: "x"}}}}}}
	}
	var values []string
	for _, p := range pieces {
		values = append(values, p, "a"+p, p+"a", "a"+p+"b", p+p)
	}
	for _, v := range values {
		for place := 0; place < 5; place++ {
			a := base()
			switch place {
			case 0:
				a.Groups[0].Sents["en"][0].Text = v
			case 1:
				a.Groups[0].Note = v
			case 2:
				a.Document = v
			case 3:
				a.Sources["en"] = v
			case 4:
				a.Groups[0].Status = Status(v)
			}
			if data := checkMarshal(t, a); data != nil {
				checkParse(t, data)
			}
		}
	}
}

// TestParseAlignmentErrors: the located errors of a file in tilmash's own
// form are what yaml.v3 reading gives, with line and column.
func TestParseAlignmentErrors(t *testing.T) {
	good := "# c\ndocument: d\npivot: en\nlanguages: [en, ru]\nsources:\n  en: abc\ngroups:\n" +
		"  - status: aligned\n    score: 0.500\n    en:\n      - {at: 0-5, text: Hello}\n    ru: []\n"
	tests := []struct{ from, to, want string }{
		{"status: aligned", "status: done", "f.yaml:8:13: unknown status \"done\" (use aligned, flagged or confirmed)"},
		{"score: 0.500", "score: 1.500", "f.yaml:9:12: score must be a number from 0 to 1"},
		{"at: 0-5", "at: 5-0", "f.yaml:11:9: bad span \"5-0\": want START-END byte offsets"},
		{"languages: [en, ru]", "languages: [en, RU]", "f.yaml:2:1: \"RU\" is not a language code"},
		{"    ru: []\n", "    ru: []\n    xx: []\n", "f.yaml:13:5: unknown key \"xx\" in a group"},
		{"text: Hello}", "text: Hello", "f.yaml:11:9: a { is not closed: a comma or } was expected"},
		{"    ru: []\n", "    ru: []\n    was: {xx: [a]}\n", "f.yaml:13:11: was must map each language"},
		{"    ru: []\n", "    ru: []\n    was: [a]\n", "f.yaml:13:10: was must map each language"},
	}
	if _, ok := parseFast([]byte(good)); !ok {
		t.Fatal("the fast reader refused the good file")
	}
	for _, tt := range tests {
		data := []byte(strings.Replace(good, tt.from, tt.to, 1))
		_, err := ParseAlignment("f.yaml", data)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s -> %s: got %v, want %s", tt.from, tt.to, err, tt.want)
		}
		checkParse(t, data)
	}
}

// TestCodecWas: the text a detached group lost is written (by yaml.v3)
// and read back, and only while the group is detached and not confirmed.
func TestCodecWas(t *testing.T) {
	g := &Group{Status: Flagged, Score: 0.5, Detached: true, Was: map[string][]string{"ru": {"Было так.", "'и так'"}},
		Sents: map[string][]Sentence{"en": {{Start: 0, End: 5, Text: "Hello"}}}}
	a := &Alignment{Document: "d", Pivot: "en", Languages: []string{"en", "ru"}, Sources: map[string]string{"en": "abc"},
		Groups: []*Group{{Status: Aligned, Score: 0.5, Sents: map[string][]Sentence{"en": {{Start: 6, End: 7, Text: "x"}}}}, g}}
	data := checkMarshal(t, a)
	if !checkParse(t, data) {
		t.Fatalf("the fast reader refused what Marshal wrote:\n%s", data)
	}
	back, err := ParseAlignment("f.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Groups[1].Was; !reflect.DeepEqual(got, g.Was) {
		t.Fatalf("read back %q, want %q from\n%s", got, g.Was, data)
	}
	g.Status, g.Detached = Confirmed, false
	if data := checkMarshal(t, a); bytes.Contains(data, []byte("was:")) {
		t.Fatalf("a confirmed group keeps what it lost:\n%s", data)
	}
}

// TestParseAlignmentBombs: the limits yaml.v3 puts on aliases still hold
// for alignment files; a file that expands without bound is refused with a
// located error, quickly.
func TestParseAlignmentBombs(t *testing.T) {
	var b strings.Builder
	b.WriteString("document: d\npivot: en\nlanguages: [en]\nsources: &s0\n  en: lol\n")
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&b, "x%d: &s%d [*s%d, *s%d, *s%d, *s%d, *s%d, *s%d, *s%d, *s%d, *s%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	bomb := []byte(b.String())
	self := []byte("document: d\npivot: en\nlanguages: &l [en, *l]\ngroups: []\n")
	for _, data := range [][]byte{bomb, self} {
		start := time.Now()
		if _, err := ParseAlignment("f.yaml", data); err == nil {
			t.Errorf("accepted %q", data)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("took %v", d)
		}
	}
}

func FuzzParseAlignmentFast(f *testing.F) {
	for _, data := range repositoryAlignments(f) {
		f.Add(data)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		if data, err := randomAlignment(r, true).Marshal(); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("document: d\npivot: en\nlanguages: [en]\nsources: &s\n  en: *s\ngroups: []\n"))
	f.Add([]byte("document: d\npivot: en\nlanguages: [en]\nsources:\n  en: a\ngroups:\n  - status: aligned\n    score: 0.5\n    en:\n      - {at: 0-1, text: 'a''b'}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data)
	})
}

func FuzzMarshal(f *testing.F) {
	for _, p := range pieces {
		f.Add(p, "note", "d", 0.5)
	}
	f.Fuzz(func(t *testing.T, text, note, doc string, score float64) {
		a := &Alignment{Document: doc, Pivot: "en", Languages: []string{"en", "kk"}, Sources: map[string]string{"en": note},
			Groups: []*Group{
				{Status: Aligned, Score: score, Note: note, Sents: map[string][]Sentence{"en": {{Start: 1, End: 2, Text: text}}, "kk": {{Start: 0, End: 9, Text: note}}}},
				{Status: Confirmed, Score: 1, Detached: true, Sents: map[string][]Sentence{"kk": {{Start: 10, End: 12, Text: text + note}}}},
			}}
		if data := checkMarshal(t, a); data != nil {
			checkParse(t, data)
		}
	})
}
