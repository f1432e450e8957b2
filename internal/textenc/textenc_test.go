package textenc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func le(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func be(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

// TestDecode is the one table of what every reader takes for UTF-8 and
// UTF-16: the TMX reader and check's TMX and TSV readers used to disagree
// on BOM-less UTF-16 starting with a non-ASCII Latin-1 letter.
func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		enc  Encoding
	}{
		{"utf-8", []byte("<tmx/>"), "<tmx/>", UTF8},
		{"utf-8 bom", []byte("\xEF\xBB\xBFen\tru\n"), "en\tru\n", UTF8},
		{"utf-8 cyrillic", []byte("Алматы"), "Алматы", UTF8},
		{"utf-16le bom", le("<tmx>Тоқаев</tmx>", true), "<tmx>Тоқаев</tmx>", UTF16LE},
		{"utf-16be bom", be("<tmx>Тоқаев</tmx>", true), "<tmx>Тоқаев</tmx>", UTF16BE},
		{"utf-16le xml, no bom", le("<?xml version=\"1.0\"?><tmx/>", false), "<?xml version=\"1.0\"?><tmx/>", UTF16LE},
		{"utf-16be xml, no bom", be("<?xml version=\"1.0\"?><tmx/>", false), "<?xml version=\"1.0\"?><tmx/>", UTF16BE},
		{"utf-16le tsv, no bom", le("ru\tkk\nАлматы\n", false), "ru\tkk\nАлматы\n", UTF16LE},
		{"utf-16le latin-1 start, no bom", le("été\tжаз\n", false), "été\tжаз\n", UTF16LE},
		{"utf-16le newline first, no bom", le("\n<tmx/>", false), "\n<tmx/>", UTF16LE},
		{"cyrillic first, no bom: not sniffed", le("Ал", false), string(le("Ал", false)), UTF8},
		{"short", []byte("a"), "a", UTF8},
		{"empty", nil, "", UTF8},
	}
	for _, tt := range tests {
		got, enc, err := Decode(tt.in)
		if err != nil || string(got) != tt.want || enc != tt.enc {
			t.Errorf("%s: Decode = %q, %s, %v; want %q, %s", tt.name, got, enc, err, tt.want, tt.enc)
		}
	}
}

func TestLocator(t *testing.T) {
	text := []byte("ab\nТоқаев x\n\nend")
	l := NewLocator(text)
	for _, tt := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {3 + len("Тоқаев"), 2, 7}, {len(text), 4, 4}, {1, 1, 2}, {999, 4, 4},
	} {
		if line, col := l.At(tt.off); line != tt.line || col != tt.col {
			t.Errorf("At(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
	if i := InvalidUTF8([]byte("ok\xffno")); i != 2 {
		t.Errorf("InvalidUTF8 = %d", i)
	}
	if i := InvalidUTF8([]byte("Тоқаев")); i != -1 {
		t.Errorf("InvalidUTF8 = %d", i)
	}
}

// FuzzIsNFC: the fast check agrees with the norm package on any input.
func FuzzIsNFC(f *testing.F) {
	for _, s := range []string{"Қазақстан «жаңа» — 2019…", "й", "и\u0306", "e\u0301", "\u2000", "\xff\u0301", "a\u0483", "€\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := IsNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("IsNFC(%q) = %v, norm says %v", s, got, want)
		}
		if got := IsNFC([]byte(s)); got != norm.NFC.IsNormalString(s) {
			t.Errorf("IsNFC([]byte(%q)) = %v", s, got)
		}
	})
}

// TestIsNFCRandom runs FuzzIsNFC's check on random mixes of Russian letters, ASCII and other
// characters, long enough for IsNFC's eight-byte steps, with combining marks that compose with the
// letter before them (и + U+0306 is й) wherever a step may have ended, and two-byte marks out of
// canonical order (Hebrew U+05B4 before U+05B0) that no step may take for letters.
func TestIsNFCRandom(t *testing.T) {
	parts := []string{"а", "и", "Ё", "ѿ", "a", " ", ".", "\u0306", "\u0301", "\u0483", "ә", "қ", "é", "e", "€", "\u00a0", "Ω", "\u1100\u1161", "\u05b4", "\u05b0", "\u05b4\u05b0"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b []byte
		for range rng.IntN(24) {
			p := parts[rng.IntN(len(parts))]
			if rng.IntN(4) > 0 {
				p = parts[rng.IntN(6)] // mostly Russian and ASCII, for long stretches
			}
			b = append(b, p...)
		}
		if got, want := IsNFC(b), norm.NFC.IsNormal(b); got != want {
			t.Fatalf("IsNFC(%q) = %v, norm says %v", b, got, want)
		}
		if got, want := IsNFC(string(b)), norm.NFC.IsNormal(b); got != want {
			t.Fatalf("IsNFC(string %q) = %v, norm says %v", b, got, want)
		}
	}
}

// FuzzValidNFC holds ValidNFC to what it stands for: valid UTF-8 and NFC
// by the norm package, whatever the bytes.
func FuzzValidNFC(f *testing.F) {
	for _, s := range []string{"Қазақстан «жаңа» — 2019…", "ә\u0301", "e\u0301", "қe\u0301", "\xff", "ә\xff", "ә\xd0", "a\xc0\x80", "ә ә\u0306", "\u0301", "€\u0301", "әa\u0483"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ValidNFC(s), utf8.ValidString(s) && norm.NFC.IsNormalString(s); got != want {
			t.Errorf("ValidNFC(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzInvalidUTF8: InvalidUTF8 finds the first byte that utf8.DecodeRune cannot decode, or -1
// when utf8.Valid holds, whatever the mix of ASCII, Cyrillic, three- and four-byte characters and
// broken sequences, wherever they fall in its eight-byte steps.
func FuzzInvalidUTF8(f *testing.F) {
	for _, s := range []string{"", "ok\xffno", "Тоқаев деді: «Иә»", "абвгдеж\xd0", "\xc0\x80abcdefgh", "\xc1\xbfабвг",
		"ab\xd0\xd0абвгд", "абвг\x80абв", "€ 100 — “quoted” 𝔸", "абв\xe2\x80абвг", "a\xdf\xbfb\xc2\x80cdefghij"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want := -1
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				want = i
				break
			}
			i += size
		}
		if got := InvalidUTF8(data); got != want {
			t.Fatalf("InvalidUTF8(%q) = %d, want %d", data, got, want)
		}
	})
}

// TestInvalidUTF8Random runs FuzzInvalidUTF8's check on random mixes of valid and broken pieces.
func TestInvalidUTF8Random(t *testing.T) {
	parts := []string{"a", " ", "ж", "ә", "\u00e9", "\u07ff", "\u0080", "€", "𝔸", "\xd0", "\x80", "\xbf", "\xc0\x80",
		"\xc1\xbf", "\xc2\x80", "\xdf\xbf", "\xe2\x80", "\xf0\x9d", "\xff", "\xed\xa0\x80", "\xf4\x90\x80\x80"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b []byte
		for range rng.IntN(20) {
			p := parts[rng.IntN(len(parts))]
			if rng.IntN(3) > 0 {
				p = parts[rng.IntN(7)] // mostly valid, for long valid stretches
			}
			b = append(b, p...)
		}
		want := -1
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				want = i
				break
			}
			i += size
		}
		if got := InvalidUTF8(b); got != want {
			t.Fatalf("InvalidUTF8(%q) = %d, want %d", b, got, want)
		}
	}
}

// TestAppendJSONString checks the hand-written JSON string encoder of
// the --format jsonl outputs against encoding/json (HTML escaping off) on every
// character class it treats apart and on random byte strings, invalid
// UTF-8 included.
func TestAppendJSONString(t *testing.T) {
	check := func(s string) {
		t.Helper()
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := string(AppendJSONString(nil, s)) + "\n"
		if got == want.String() {
			return
		}
		// Invalid UTF-8 is where encoding/json changed: Go 1.26 writes each bad byte as \ufffd,
		// Go 1.27 as the character itself. Both read back as the same string, and that is what
		// a reader of the jsonl sees; the bytes AppendJSONString writes are pinned below.
		var g, w string
		if utf8.ValidString(s) || json.Unmarshal([]byte(got), &g) != nil || json.Unmarshal(want.Bytes(), &w) != nil || g != w {
			t.Fatalf("AppendJSONString(%q) = %s, encoding/json gives %s", s, got, want.String())
		}
	}
	if got := string(AppendJSONString(nil, "a\xffb\xe2\x80")); got != `"a\ufffdb\ufffd\ufffd"` {
		t.Errorf("invalid UTF-8: got %s, want each bad byte as \\ufffd", got)
	}
	for _, s := range []string{"", "plain", `q"b\s`, "\b\f\n\r\t\x00\x01\x1f\x7f", "<&>", "a\u2028b\u2029c", "\xff\xfe", "\xe2\x80", "Қазақ тілі ё", "\U0001F600"} {
		check(s)
	}
	pieces := []string{"a", "\"", "\\", "\n", "\x00", "\x1f", "\x7f", "\xc3", "\xa9", "é", "\u2028", "ә", "\U0001F600", "\xed\xa0\x80", "<", " "}
	rnd := rand.New(rand.NewPCG(1, 1))
	for range 2000 {
		var b []byte
		for range rnd.IntN(12) {
			if rnd.IntN(4) == 0 {
				b = append(b, byte(rnd.IntN(256)))
			} else {
				b = append(b, pieces[rnd.IntN(len(pieces))]...)
			}
		}
		check(string(b))
	}
}

func TestConflictMarker(t *testing.T) {
	for _, c := range []struct {
		name string
		text string
		want int
	}{
		{"git merge", "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> 7ba3e5f\nd\n", 2},
		{"diff3 style", "<<<<<<< ours\nb\n||||||| base\na\n=======\nc\n>>>>>>> theirs\n", 0},
		{"CRLF", "a\r\n<<<<<<< HEAD\r\nb\r\n=======\r\nc\r\n>>>>>>> x\r\n", 3},
		{"bare markers, no end of file newline", "<<<<<<<\n=======\n>>>>>>>", 0},
		{"empty sides", "x\n<<<<<<< HEAD\n=======\n>>>>>>> y\n", 2},
		{"the second opening counts", "<<<<<<< a\nno end\n<<<<<<< b\n=======\n>>>>>>> c\n", 17},
		{"plain text", "Title\n=======\n\n> quote\n", -1},
		{"underline and quote alone", "Title\n=======\n>>>>>>> not a conflict\n", -1},
		{"eight signs", "<<<<<<<< x\n=======\n>>>>>>> y\n", -1},
		{"not at line start", "a <<<<<<< HEAD\n=======\n>>>>>>> y\n", -1},
		{"no separator", "<<<<<<< HEAD\n>>>>>>> y\n", -1},
		{"no closing", "<<<<<<< HEAD\n=======\n", -1},
		{"empty", "", -1},
	} {
		if got := ConflictMarker([]byte(c.text)); got != c.want {
			t.Errorf("%s: ConflictMarker = %d, want %d", c.name, got, c.want)
		}
	}
}

// TestLocatorAnyOrder: offsets asked for in any order give the positions
// of a walk from the start of the text (Position), the Locator going back
// through the line starts it has passed.
func TestLocatorAnyOrder(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "Қ", "ә", " ", "\n", "\n\n", "€", "𝔸", "xyz"}
	for range 200 {
		var b []byte
		for range rnd.IntN(60) {
			b = append(b, pieces[rnd.IntN(len(pieces))]...)
		}
		l := NewLocator(b)
		for range 40 {
			off := rnd.IntN(len(b)+3) - 1
			line, col := l.At(off)
			wl, wc := NewLocator(b).At(off) // a fresh walk from the start
			if line != wl || col != wc {
				t.Fatalf("text %q: At(%d) = %d:%d after other offsets, want %d:%d", b, off, line, col, wl, wc)
			}
		}
	}
}

// BenchmarkLocatorRows locates two places of each line of a 3,000-line
// text, the later one first, as the findings of a table's row come in the
// order of its languages: each step back costs a walk along its line.
func BenchmarkLocatorRows(b *testing.B) {
	var text []byte
	var starts []int
	for i := range 3000 {
		starts = append(starts, len(text))
		text = fmt.Appendf(text, "Row %d of the file\tСтрока %d\tЖол %d\n", i, i, i)
	}
	for b.Loop() {
		l := NewLocator(text)
		for _, s := range starts {
			l.At(s + 20)
			l.At(s + 2)
		}
	}
}
