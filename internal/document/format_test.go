package document

import (
	"errors"
	"os"

	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

var rebaseRounds = flag.Int("rebase-rounds", 2000, "rounds of TestRebaseProperty (raise for a longer search)")

func randText(rng *rand.Rand, n int) string {
	alphabet := []rune("ab қ ә\nі.«»\"")
	var b strings.Builder
	for range n {
		b.WriteRune(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}

// runeCut returns a random rune boundary of s.
func runeCut(rng *rand.Rand, s string) int {
	var cuts []int
	for i := range s {
		cuts = append(cuts, i)
	}
	cuts = append(cuts, len(s))
	return cuts[rng.IntN(len(cuts))]
}

// TestRebaseProperty: after any edit, every span Rebase keeps covers its
// own text in the new text (never other words), and the spans wholly
// before or after the edited bytes are kept.
func TestRebaseProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 3))
	for round := range *rebaseRounds {
		old := randText(rng, 1+rng.IntN(60))
		var spans []docformat.Span
		for range rng.IntN(6) {
			a, b := runeCut(rng, old), runeCut(rng, old)
			if a > b {
				a, b = b, a
			}
			if a == b {
				continue
			}
			// spans as a file holds them: crossing only where they
			// may, without white space at their edges
			if t := old[a:b]; strings.TrimSpace(t) != t {
				continue
			}
			kind := []string{docformat.Bold, docformat.Italic, docformat.Link, docformat.Quote}[rng.IntN(4)]
			sp := docformat.Span{Start: a, End: b, Kind: kind, Text: old[a:b]}
			if _, _, ok := crossing(append(slices.Clip(spans), sp)); !ok {
				spans = append(spans, sp)
			}
		}
		i, j := runeCut(rng, old), runeCut(rng, old)
		if i > j {
			i, j = j, i
		}
		edited := old[:i] + randText(rng, rng.IntN(8)) + old[j:]
		got, _ := Rebase(spans, old, edited)
		for _, s := range got {
			if s.Start < 0 || s.End > len(edited) || edited[s.Start:s.End] != s.Text {
				t.Fatalf("round %d: span %+v misapplied to %q (edit of %q at %d..%d)", round, s, edited, old, i, j)
			}
		}
		// Spans that nest or stay apart still do: the file written
		// after the edit reads again.
		if a, b, ok := crossing(got); ok {
			t.Fatalf("round %d: %+v crosses %+v after the edit of %q to %q: %+v", round, got[a], got[b], old, edited, spans)
		}
		// A second edit after the first, as an import that replaces
		// two sentences makes: still no span over other text.
		if k, l := runeCut(rng, edited), runeCut(rng, edited); k < l {
			twice := edited[:k] + randText(rng, rng.IntN(8)) + edited[l:]
			twiceKept, _ := Rebase(spans, old, twice)
			for _, s := range twiceKept {
				if s.Start < 0 || s.End > len(twice) || twice[s.Start:s.End] != s.Text {
					t.Fatalf("round %d: span %+v misapplied to %q (two edits of %q)", round, s, twice, old)
				}
			}
		}
		// Where an edit is cannot always be told (deleting one of two
		// equal letters): spans after it are promised when the texts
		// differ right at its start, spans before it always.
		clear := i == len(old) || i == len(edited) || old[i] != edited[i]
		for _, s := range spans {
			before := s.End <= i
			after := s.Start >= j && clear
			if docformat.IsBlock(s.Kind) && paragraphSpan(old, s) {
				// A block covers its paragraph, words typed at its
				// edges included.
				before, after = s.End+2 <= i, s.Start-2 >= j && clear
			}
			if !before && !after {
				continue
			}
			want := s
			if after {
				want.Start += len(edited) - len(old)
				want.End += len(edited) - len(old)
			}
			if !slices.Contains(got, want) {
				t.Fatalf("round %d: span %+v outside the edit %d..%d of %q → %q was lost: %+v", round, s, i, j, old, edited, got)
			}
		}
	}
}

// TestRebaseBetweenEdits: the spans between two changes move with their
// text: a sentence corrected in two places keeps the bold between them,
// and a text two of whose paragraphs an XLIFF import replaced keeps the
// list items and the quote between them. A span whose words were
// corrected inside it is kept over the corrected words; one whose words
// were rewritten goes.
func TestRebaseBetweenEdits(t *testing.T) {
	span := func(text, sub string) docformat.Span {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("no %q in %q", sub, text)
		}
		return docformat.Span{Start: i, End: i + len(sub), Kind: docformat.Bold, Text: sub}
	}
	const article = "# Суд\n\nПересмотр касается:\n\nдел 2016 года;\n\nдел, закрытых «за недостатком доказательств»;\n\n«Пытки — это преступление», — заявил судья.\n\nПодробнее: https://example.org/news.\n"
	for _, c := range []struct {
		name     string
		old, new string
		keep     []string            // texts of the spans kept as they were
		moved    map[string]string   // texts of spans kept over corrected words: old → new
		split    map[string][]string // texts of spans an edit broke into paragraphs
		drop     []string            // texts of the spans dropped
	}{
		{
			name:  "two words of a sentence",
			old:   "Алматы, 5 августа — Верховный суд распорядился пересмотреть 158 дел.",
			new:   "Алматы, 6 августа — Верховный суд приказал пересмотреть 158 уголовных дел.",
			keep:  []string{"Верховный суд", "пересмотреть"},
			moved: map[string]string{"Алматы, 5 августа": "Алматы, 6 августа", "158 дел": "158 уголовных дел"},
			drop:  []string{"распорядился"},
		},
		{
			name:  "two paragraphs far apart",
			old:   article,
			new:   strings.NewReplacer("Пересмотр касается:", "Пересмотр затрагивает:", "Подробнее:", "Подробности:").Replace(article),
			keep:  []string{"# Суд", "дел 2016 года;", "дел, закрытых «за недостатком доказательств»;", "«Пытки — это преступление», — заявил судья.", "https://example.org/news"},
			moved: map[string]string{"Пересмотр касается:": "Пересмотр затрагивает:"},
		},
		{
			name:  "a paragraph added between",
			old:   article,
			new:   strings.NewReplacer("Пересмотр касается:", "Пересмотр касается дел:", "«Пытки", "Новый абзац.\n\n«Пытки").Replace(article),
			keep:  []string{"# Суд", "дел 2016 года;", "«Пытки — это преступление», — заявил судья.", "https://example.org/news"},
			moved: map[string]string{"Пересмотр касается:": "Пересмотр касается дел:"},
		},
		{
			name:  "words typed beside a span stay outside it",
			old:   "Читайте доклад суда.",
			new:   "Читайте новый доклады суда сегодня.",
			keep:  []string{"доклад"},
			moved: map[string]string{"суда.": "суда сегодня."},
		},
		{
			name:  "the first words of a span deleted",
			old:   "Суд — это большой доклад суда.",
			new:   "Суд — это доклад суда.",
			moved: map[string]string{"большой доклад суда": "доклад суда"},
		},
		{
			name: "a word rewritten, another deleted",
			old:  "Депутат выступил против закона.",
			new:  "Депутат против закона.",
			keep: []string{"Депутат", "против закона"},
			drop: []string{"выступил"},
		},
		{
			name:  "a paragraph broken in two",
			old:   "Первое предложение абзаца. Второе предложение абзаца.\n\nДругой абзац.",
			new:   "Первое предложение абзаца.\n\nВторое предложение абзаца.\n\nДругой абзац.",
			keep:  []string{"Другой абзац."},
			split: map[string][]string{"Первое предложение абзаца. Второе предложение абзаца.": {"Первое предложение абзаца.", "Второе предложение абзаца."}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			var spans []docformat.Span
			for _, x := range append(append([]string(nil), c.keep...), c.drop...) {
				spans = append(spans, span(c.old, x))
			}
			for x := range c.moved {
				spans = append(spans, span(c.old, x))
			}
			for x := range c.split {
				spans = append(spans, span(c.old, x))
			}
			got, lost := Rebase(spans, c.old, c.new)
			kept := map[string]bool{}
			for _, s := range got {
				if c.new[s.Start:s.End] != s.Text {
					t.Errorf("span %+v covers %q", s, c.new[s.Start:s.End])
				}
				kept[s.Text] = true
			}
			var want []string
			want = append(want, c.keep...)
			for _, x := range c.moved {
				want = append(want, x)
			}
			for _, x := range c.split {
				want = append(want, x...)
			}
			for _, x := range want {
				if !kept[x] {
					t.Errorf("%q lost: %+v", x, got)
				}
			}
			if len(got) != len(want) {
				t.Errorf("kept %d spans, want %d: %+v", len(got), len(want), got)
			}
			for _, x := range c.drop {
				if kept[x] {
					t.Errorf("%q kept over changed text", x)
				}
				if !slices.ContainsFunc(lost, func(s docformat.Span) bool { return s.Text == x }) {
					t.Errorf("%q not reported lost: %+v", x, lost)
				}
			}
		})
	}
}

func TestFormattingMarshal(t *testing.T) {
	f := &Formatting{Text: Hash("x"), From: "docx", Spans: []docformat.Span{
		{Start: 0, End: 9, Kind: docformat.Link, Href: `https://example.kz/?q="a b"&x=1`, Text: "«Тоқаев»\n\t\\"},
		{Start: 3, End: 4, Kind: docformat.Bold, Text: "#: {}[]'"},
		{Start: 5, End: 8, Kind: docformat.Element, Tag: "sup", Space: docformat.SpaceEnd, Text: "x"},
	}}
	data := f.Marshal("kk")
	if strings.Count(string(data), "\n") != 7 {
		t.Errorf("not one span a line:\n%s", data)
	}
	back, err := ParseFormatting("kk.format.yaml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if back.Text != f.Text || back.From != f.From || !slices.Equal(back.Spans, f.Spans) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, f)
	}
}

// TestSetTextMovesFormatting: an edit through a Change (as review edits
// and re-imports make) rewrites LANG.format.yaml with it, in the same
// journal step, and undo takes both back.
func TestSetTextMovesFormatting(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	text := "Президент Тоқаев тексеруді тапсырды.\n\nҚырық бейнежазба жарияланды.\n"
	bold := strings.Index(text, "Тоқаев")
	late := strings.Index(text, "Қырық")
	spans := []docformat.Span{
		{Start: bold, End: bold + len("Тоқаев"), Kind: docformat.Bold, Text: "Тоқаев"},
		{Start: late, End: late + len("Қырық"), Kind: docformat.Italic, Text: "Қырық"},
	}
	if _, err := ImportText(ws, "story", "kk", text, "t.docx", ImportOptions{Formatting: &Formatting{From: "docx", Spans: spans}}); err != nil {
		t.Fatal(err)
	}
	c, err := Begin(ws, "story")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(text, "тексеруді тапсырды", "колонияларды тексеруді тапсырды", 1)
	if err := c.SetText("kk", edited); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Commit("review.done.import", nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
	d, err := Open(ws, "story")
	if err != nil {
		t.Fatal(err)
	}
	f, err := d.Formatting("kk")
	if err != nil {
		t.Fatal(err)
	}
	if f.Text != Hash(edited) || len(f.Valid(edited)) != 2 || f.Spans[1].Start != strings.Index(edited, "Қырық") {
		t.Errorf("formatting after the edit: %+v", f)
	}
	if _, _, err := d.Journal().Undo(1, false); err != nil {
		t.Fatal(err)
	}
	f, _ = d.Formatting("kk")
	if f.Text != Hash(text) || !slices.Equal(f.Valid(text), f.Spans) || len(f.Spans) != 2 {
		t.Errorf("formatting after undo: %+v", f)
	}
}

// TestAppendQuote: the short way writes what strconv.AppendQuote writes,
// for every Cyrillic character and every ASCII one, alone and in text.
func TestAppendQuote(t *testing.T) {
	var cases []string
	for r := rune(0); r < 0x600; r++ {
		cases = append(cases, string(r), "а"+string(r)+"b")
	}
	cases = append(cases, "", "Тоқаев: «жоқ» — \"иә\"", "\xd0", "a\\b", "ә\u0483", "\u00a0", "\u00ad")
	for _, c := range cases {
		if got, want := string(appendQuote(nil, c)), strconv.Quote(c); got != want {
			t.Errorf("appendQuote(%q) = %s, want %s", c, got, want)
		}
	}
}

// TestRebaseLongText: in a long article (too long to compare rune by rune
// as one stretch) two edits far apart keep the formatting between them,
// since lines are compared first.
func TestRebaseLongText(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "Параграф %d: суд пересмотрел %d дел.\n\n", i, i*7)
	}
	old := b.String()
	new := strings.Replace(strings.Replace(old, "Параграф 10:", "Абзац 10:", 1), "Параграф 2900:", "Абзац 2900:", 1)
	const bold = "суд пересмотрел 10500 дел"
	i := strings.Index(old, bold)
	got, _ := Rebase([]docformat.Span{{Start: i, End: i + len(bold), Kind: docformat.Bold, Text: bold}}, old, new)
	if len(got) != 1 || new[got[0].Start:got[0].End] != bold {
		t.Fatalf("the bold between two far edits of a long text: got %+v", got)
	}
}

// TestFormattingFor: a formatting file made for the very text (its hash)
// whose span lies past the text or over other words was damaged: an error
// at the span's line and column. One whose text was edited since outside
// tilmash keeps each span where its words are, found again where the
// edits before it moved the spans before it, or at the only place the
// text has them; the others are lost, and said to be.
func TestFormattingFor(t *testing.T) {
	const text = "Жаңа сөз. Тағы бір сөз.\n"
	file := func(hash string, spans ...string) *Formatting {
		f, err := ParseFormatting("d/kk.format.yaml", []byte("text: "+hash+"\nspans:\n"+strings.Join(spans, "\n")+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	for _, c := range []struct {
		name, span, id string
	}{
		{"past the text", `  - {start: 40, end: 42, kind: bold, text: "ab"}`, "document.span-outside-text"},
		{"other words", `  - {start: 0, end: 8, kind: bold, text: "жаңа"}`, "document.span-other-words"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := file(Hash(text), `  - {start: 0, end: 8, kind: bold, text: "Жаңа"}`, c.span)
			_, _, err := f.For(text)
			var le *locale.Error
			if !errors.As(err, &le) || le.ID != c.id || le.Pos == nil || le.Pos.File != "d/kk.format.yaml" || le.Pos.Line != 4 || le.Pos.Column != 5 {
				t.Fatalf("got %v (%+v), want %s at d/kk.format.yaml:4:5", err, le, c.id)
			}
		})
	}
	// Made for "Жаңа сөз. Тағы бір сөз.": the bold "Жаңа", the italic
	// "Тағы" and the link "бір сөз", the bold "сөз" of the first
	// sentence and a quote of a sentence that is gone.
	old := "Жаңа сөз. Тағы бір сөз.\n\nЕскі сөйлем.\n"
	at := func(s, sub string, n int) docformat.Span {
		i := -1
		for range n + 1 {
			i += 1 + strings.Index(s[i+1:], sub)
		}
		return docformat.Span{Start: i, End: i + len(sub), Kind: docformat.Bold, Text: sub}
	}
	spans := []docformat.Span{at(old, "Жаңа", 0), at(old, "сөз", 0), at(old, "Тағы", 0), at(old, "бір сөз", 0), at(old, "Ескі сөйлем.", 0)}
	f := &Formatting{Text: Hash(old), Spans: spans}
	edited := "Бүгін жаңа сөз. Тағы бір сөз.\n"
	kept, lost, err := f.For(edited)
	if err != nil {
		t.Fatal(err)
	}
	want := []docformat.Span{at(edited, "сөз", 0), at(edited, "Тағы", 0), at(edited, "бір сөз", 0)}
	if !slices.Equal(kept, want) {
		t.Errorf("kept %+v, want %+v", kept, want)
	}
	if len(lost) != 2 || lost[0].Text != "Жаңа" || lost[1].Text != "Ескі сөйлем." {
		t.Errorf("lost %+v", lost)
	}
}

// TestFormattingForRepeatedWords: a span whose words the hand-edited
// text has more than once is found at the place of them nearest to where
// the spans before it moved, after them: the link of the second "158
// дел" stays on it when the bold before it was rewritten away (it was
// lost: neither where it was, nor the only place, nor where the italic
// before it moved).
func TestFormattingForRepeatedWords(t *testing.T) {
	old := "# Суд пересмотрит 158 дел\n\nАлматы — Верховный суд пересмотрит 158 дел, 5 августа.\n"
	edited := "# Суд пересмотрит 158 дел\n\nАлматы — Высший суд пересмотрит 158 дел, 5 августа.\n"
	at := func(s, sub string, n int, kind string) docformat.Span {
		i := -1
		for range n + 1 {
			i += 1 + strings.Index(s[i+1:], sub)
		}
		return docformat.Span{Start: i, End: i + len(sub), Kind: kind, Text: sub}
	}
	f := &Formatting{Text: Hash(old), Spans: []docformat.Span{
		at(old, "Алматы", 0, docformat.Italic), at(old, "Верховный суд", 0, docformat.Bold),
		at(old, "158 дел", 1, docformat.Link),
	}}
	kept, lost, err := f.For(edited)
	if err != nil {
		t.Fatal(err)
	}
	want := []docformat.Span{at(edited, "Алматы", 0, docformat.Italic), at(edited, "158 дел", 1, docformat.Link)}
	if !slices.Equal(kept, want) || len(lost) != 1 || lost[0].Text != "Верховный суд" {
		t.Errorf("kept %+v\nwant %+v\nlost %+v", kept, want, lost)
	}
}

// TestSetTextAfterHandEdit: a text edited by hand, then through tilmash,
// keeps the formatting whose words the hand edit left: found again in
// the hand-edited text, then moved with the edit. It was dropped.
func TestSetTextAfterHandEdit(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	text := "Президент Тоқаев тексеруді тапсырды.\n"
	bold := strings.Index(text, "Тоқаев")
	spans := []docformat.Span{{Start: bold, End: bold + len("Тоқаев"), Kind: docformat.Bold, Text: "Тоқаев"}}
	if _, err := ImportText(ws, "story", "kk", text, "t.docx", ImportOptions{Formatting: &Formatting{From: "docx", Spans: spans}}); err != nil {
		t.Fatal(err)
	}
	d, err := Open(ws, "story")
	if err != nil {
		t.Fatal(err)
	}
	byHand := "Бүгін Президент Тоқаев тексеруді тапсырды.\n"
	if err := os.WriteFile(d.TextFile("kk"), []byte(byHand), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Begin(ws, "story")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(byHand, "тапсырды", "бұйырды", 1)
	if err := c.SetText("kk", edited); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Commit("review.done.import", nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
	f, err := d.Formatting("kk")
	if err != nil {
		t.Fatal(err)
	}
	if i := strings.Index(edited, "Тоқаев"); f.Text != Hash(edited) || len(f.Spans) != 1 || f.Spans[0].Start != i || f.Spans[0].Text != "Тоқаев" {
		t.Errorf("formatting after the edit: %+v", f)
	}
}

// TestRebaseBlocks: a list item, quote or note covers its paragraph, so
// an edit that joins two list items leaves one list item over the joined
// paragraph (the translator made one sentence of two items), words typed
// at a list item's edges are in it, and a list item whose words were all
// rewritten is still one.
func TestRebaseBlocks(t *testing.T) {
	const old = "Правила:\n\nДержите дверь закрытой.\n\nКормите кота каждый день.\n\nКонец."
	block := func(kind, text, sub string) docformat.Span {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("no %q in %q", sub, text)
		}
		return docformat.Span{Start: i, End: i + len(sub), Kind: kind, Text: sub}
	}
	items := []docformat.Span{
		block(docformat.Item, old, "Держите дверь закрытой."),
		block(docformat.Bold, old, "дверь"),
		block(docformat.Item, old, "Кормите кота каждый день."),
	}
	for _, c := range []struct {
		name  string
		spans []docformat.Span
		new   string
		want  []docformat.Span
		lost  int
	}{
		{
			name:  "two list items joined",
			spans: items,
			new:   "Правила:\n\nДержите дверь закрытой и кормите кота каждый день.\n\nКонец.",
			want: []docformat.Span{
				block(docformat.Item, "Правила:\n\nДержите дверь закрытой и кормите кота каждый день.\n\nКонец.", "Держите дверь закрытой и кормите кота каждый день."),
				block(docformat.Bold, "Правила:\n\nДержите дверь закрытой и кормите кота каждый день.\n\nКонец.", "дверь"),
			},
		},
		{
			name:  "joined with a comma",
			spans: items[:1:1],
			new:   "Правила:\n\nДержите дверь закрытой, кормите кота каждый день.\n\nКонец.",
			want:  []docformat.Span{block(docformat.Item, "Правила:\n\nДержите дверь закрытой, кормите кота каждый день.\n\nКонец.", "Держите дверь закрытой, кормите кота каждый день.")},
		},
		{
			name:  "words typed at the edges",
			spans: items[2:],
			new:   "Правила:\n\nДержите дверь закрытой.\n\nВсегда кормите кота каждый день, утром.\n\nКонец.",
			want:  []docformat.Span{block(docformat.Item, "Правила:\n\nДержите дверь закрытой.\n\nВсегда кормите кота каждый день, утром.\n\nКонец.", "Всегда кормите кота каждый день, утром.")},
		},
		{
			name:  "a list item rewritten",
			spans: items[2:],
			new:   "Правила:\n\nДержите дверь закрытой.\n\nНе забывайте о еде для животных.\n\nКонец.",
			want:  []docformat.Span{block(docformat.Item, "Правила:\n\nДержите дверь закрытой.\n\nНе забывайте о еде для животных.\n\nКонец.", "Не забывайте о еде для животных.")},
		},
		{
			name:  "a list item deleted",
			spans: items[2:],
			new:   "Правила:\n\nДержите дверь закрытой.\n\nКонец.",
			lost:  1,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, lost := Rebase(c.spans, old, c.new)
			if !slices.Equal(got, c.want) || len(lost) != c.lost {
				t.Errorf("kept %+v\nwant %+v\nlost %+v, want %d", got, c.want, lost, c.lost)
			}
		})
	}
}
