package check_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/locale"
)

var wsLangs = []string{"en", "ru", "kk"}

// omegaTMX is shaped like an OmegaT project_save.tmx: region subtags,
// properties, a <ph> code inside a segment, a language outside the
// workspace.
const omegaTMX = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" segtype="sentence" srclang="EN-US"/>
  <body>
    <tu>
      <tuv lang="EN-US"><seg>Tokayev spoke in Almaty.</seg></tuv>
      <tuv lang="KK-KZ"><seg>Токаев Алматыда сөйледі.</seg></tuv>
    </tu>
    <tu>
      <prop type="file">a.txt</prop>
      <tuv xml:lang="en-US"><seg>Tokayev <ph x="1">&lt;br/&gt;</ph>left.</seg></tuv>
      <tuv xml:lang="de-DE"><seg>Tokajew reiste ab.</seg></tuv>
      <tuv xml:lang="ru-RU"><seg>Президент &amp; Тоқаев уехал.</seg></tuv>
    </tu>
  </body>
</tmx>
`

func TestReadTMX(t *testing.T) {
	m, err := check.ReadTMX("omegat.tmx", []byte(omegaTMX), wsLangs)
	if err != nil {
		t.Fatal(err)
	}
	if m.Source != "en" || !reflect.DeepEqual(m.Langs, []string{"en", "kk", "ru"}) || m.Total != 2 || !reflect.DeepEqual(m.Skipped, []string{"de-DE"}) {
		t.Errorf("memory: source %q langs %v total %d skipped %v", m.Source, m.Langs, m.Total, m.Skipped)
	}
	want := []map[string]string{
		{"en": "Tokayev spoke in Almaty.", "kk": "Токаев Алматыда сөйледі."},
		{"en": "Tokayev left.", "ru": "Президент & Тоқаев уехал."},
	}
	for i, u := range m.Units {
		if !reflect.DeepEqual(u.Texts, want[i]) {
			t.Errorf("unit %d texts %q, want %q", u.Number, u.Texts, want[i])
		}
	}
	if p := m.Units[0].Pos["kk"]; p.Line != 8 || p.Column != 30 || !m.Units[0].Exact["kk"] {
		t.Errorf("kk seg of unit 1 at %+v exact %v, want 8:30 exact", p, m.Units[0].Exact["kk"])
	}
	if m.Units[1].Exact["ru"] || m.Units[1].Exact["en"] {
		t.Error("a segment with an entity or a code is not exact")
	}
	r := testChecker(t).Memory(m)
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Lang+" "+f.Kind+" "+f.EntryID+" "+f.Text+" "+itoaPos(f.Position))
	}
	wantF := []string{
		"kk forbidden tokayev Токаев omegat.tmx:8:30",
		"ru forbidden tokayev Тоқаев omegat.tmx:14:34",
	}
	if r.Scope != check.ScopeTU || !reflect.DeepEqual(got, wantF) {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantF, "\n"))
	}
}

func itoaPos(p check.Position) string {
	return p.File + ":" + itoa(p.Line) + ":" + itoa(p.Column)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

// utf16LE encodes s as Trados does: UTF-16 little endian with a mark.
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestReadTMXEncodings(t *testing.T) {
	trados := strings.Replace(omegaTMX, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	m, err := check.ReadTMX("trados.tmx", utf16LE(trados), wsLangs)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Units) != 2 || m.Units[0].Texts["kk"] != "Токаев Алматыда сөйледі." {
		t.Errorf("UTF-16: %+v", m.Units)
	}
	// windows-1251, declared.
	cp := []byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?><tmx><body><tu><tuv xml:lang=\"ru\"><seg>\xc0\xeb\xec\xe0-\xc0\xf2\xe0</seg></tuv></tu></body></tmx>")
	m, err = check.ReadTMX("cp.tmx", cp, wsLangs)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Units[0].Texts["ru"]; got != "Алма-Ата" {
		t.Errorf("windows-1251: %q", got)
	}
}

func TestReadTMXErrors(t *testing.T) {
	tests := []struct {
		name, in     string
		code         string
		line, column int
	}{
		{"unclosed element", "<tmx>\n<body>\n  <tu><tuv xml:lang=\"en\"><seg>x</tuv>\n", check.CodeMalformedXML, 3, 32},
		{"not xml", "Tokayev\tТокаев\n", check.CodeMalformedXML, 1, 1},
		{"empty", "", check.CodeMalformedXML, 1, 1},
		{"another format", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>\n", check.CodeNotTMX, 2, 1},
		{"no language", "<tmx><body><tu>\n<tuv><seg>x</seg></tuv></tu></body></tmx>", check.CodeNoLang, 2, 1},
		{"bad language", "<tmx><body><tu>\n  <tuv xml:lang=\"*all*\"><seg>x</seg></tuv></tu></body></tmx>", check.CodeBadLang, 2, 3},
		{"two variants", "<tmx><body><tu><tuv xml:lang=\"en-US\"><seg>x</seg></tuv>\n<tuv xml:lang=\"en-GB\"><seg>y</seg></tuv></tu></body></tmx>", check.CodeDuplicateLang, 2, 1},
		{"unknown encoding", "<?xml version=\"1.0\" encoding=\"x-klingon\"?><tmx/>", check.CodeEncoding, 1, 1},
		{"bad UTF-8", "<tmx><body><tu><tuv xml:lang=\"en\"><seg>\xff</seg></tuv></tu></body></tmx>", check.CodeBadUTF8, 1, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := check.ReadTMX("f.tmx", []byte(tt.in), wsLangs)
			var ie *check.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want an InputError", err)
			}
			if ie.Code != tt.code || ie.Line != tt.line || ie.Column != tt.column {
				t.Errorf("got %s at %d:%d (%v), want %s at %d:%d", ie.Code, ie.Line, ie.Column, err, tt.code, tt.line, tt.column)
			}
			if !strings.HasPrefix(err.Error(), "f.tmx:") || locale.ID(ie) != "check.input."+tt.code {
				t.Errorf("message %q id %s", err, locale.ID(ie))
			}
		})
	}
}

func TestReadTSV(t *testing.T) {
	in := "\ufeffen\tru-RU\tkk\r\n" +
		"Tokayev left.\tТокаев уехал.\tТоқаев кетті.\r\n" +
		"\n" +
		"Almaty.\tАлма-Ата.\tАлматы.\t\r\n" +
		"Only English\t\t\n" // its empty cells written: a row short of a cell is refused (TestTSVShortRow)
	m, err := check.ReadTSV("t.tsv", []byte(in), wsLangs)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m.Langs, []string{"en", "ru", "kk"}) || m.Total != 3 || len(m.Units) != 3 {
		t.Fatalf("langs %v total %d units %d", m.Langs, m.Total, len(m.Units))
	}
	if got := m.Units[2].Texts; !reflect.DeepEqual(got, map[string]string{"en": "Only English", "ru": "", "kk": ""}) {
		t.Errorf("row of empty cells: %q", got)
	}
	r := testChecker(t).Memory(m)
	if len(r.Findings) != 1 {
		t.Fatalf("findings %+v", r.Findings)
	}
	f := r.Findings[0]
	if f.Group != 2 || f.Kind != "forbidden" || itoaPos(f.Position) != "t.tsv:4:9" || r.Scope != check.ScopeRow || r.Source != "en" {
		t.Errorf("finding %+v at %s, scope %s source %s", f.Finding, itoaPos(f.Position), r.Scope, r.Source)
	}
	// UTF-16 as a spreadsheet's "Unicode text" writes it.
	m, err = check.ReadTSV("u.txt", utf16LE("ru\tkk\nАлматы\tАлматы\n"), wsLangs)
	if err != nil || m.Units[0].Texts["kk"] != "Алматы" {
		t.Errorf("UTF-16: %+v, %v", m, err)
	}
	// Without the workspace source language, the first column is the source.
	m, _ = check.ReadTSV("rk.tsv", []byte("ru\tkk\nТокаев\tПрезидент\n"), wsLangs)
	if r := testChecker(t).Memory(m); r.Source != "ru" || len(r.Findings) != 1 || r.Findings[0].Kind != "missing" {
		t.Errorf("ru→kk: source %s findings %+v", r.Source, r.Findings)
	}
}

func TestReadTSVErrors(t *testing.T) {
	tests := []struct {
		name, in     string
		code         string
		line, column int
	}{
		{"empty", "", check.CodeNoHeader, 1, 1},
		{"blank", "\n\n", check.CodeNoHeader, 1, 1},
		{"typo in a language", "en\tru\tkz\nA\tB\tC\n", check.CodeUnknownLang, 1, 7},
		{"not a workspace language", "en\tde\n", check.CodeUnknownLang, 1, 4},
		{"text as header", "Tokayev\tТокаев\n", check.CodeUnknownLang, 1, 1},
		{"two columns for one language", "en-US\ten-GB\n", check.CodeDuplicateLang, 1, 7},
		{"extra cell", "en\tru\nA\tБ\tC\n", check.CodeExtraCell, 2, 5},
		{"bad UTF-8", "en\tru\nTokayev\tТок\xe0ев\n", check.CodeBadUTF8, 2, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := check.ReadTSV("f.tsv", []byte(tt.in), wsLangs)
			var ie *check.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want an InputError", err)
			}
			if ie.Code != tt.code || ie.Line != tt.line || ie.Column != tt.column {
				t.Errorf("got %s at %d:%d (%v), want %s at %d:%d", ie.Code, ie.Line, ie.Column, err, tt.code, tt.line, tt.column)
			}
		})
	}
}

// checkMemory holds the invariants of a memory read without error.
func checkMemory(t *testing.T, m *check.Memory) {
	last := 0
	for _, u := range m.Units {
		if u.Number <= last || u.Number > m.Total {
			t.Fatalf("unit number %d after %d (total %d)", u.Number, last, m.Total)
		}
		last = u.Number
		for l, text := range u.Texts {
			if !slices.Contains(wsLangs, l) {
				t.Fatalf("text in %q, not a workspace language", l)
			}
			p := u.Pos[l]
			if p.Line < 1 || p.Column < 1 {
				t.Fatalf("position %+v", p)
			}
			_ = text
		}
	}
}

func checkInputError(t *testing.T, err error) {
	var ie *check.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an InputError", err, err)
	}
	if ie.Line < 1 || ie.Column < 1 {
		t.Fatalf("error without a position: %v", err)
	}
}

func FuzzReadTMX(f *testing.F) {
	f.Add([]byte(omegaTMX))
	f.Add(utf16LE(omegaTMX))
	f.Add([]byte("<tmx><body><tu><tuv xml:lang=\"kk\"><seg>Aлмaты <hi>Тоқаев</hi><bpt i=\"1\">&lt;b&gt;</bpt></seg></tuv></tu></body></tmx>"))
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?><tmx><body><tu><tuv lang=\"ru\"><seg>\xc0</seg></tuv></tu></body></tmx>"))
	f.Add([]byte("<tmx><body><tu><tuv xml:lang=\"en\"><seg><![CDATA[Tokaev]]></seg></tuv></tu></body></tmx>"))
	c := testChecker(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := check.ReadTMX("f.tmx", data, wsLangs)
		if err != nil {
			checkInputError(t, err)
			return
		}
		checkMemory(t, m)
		for _, fd := range c.Memory(m).Findings {
			if fd.Start < 0 || fd.End > len(fd.Segment) || fd.Segment[fd.Start:fd.End] != fd.Text {
				t.Fatalf("finding offsets %d-%d do not hold %q in %q", fd.Start, fd.End, fd.Text, fd.Segment)
			}
		}
	})
}

func FuzzReadTSV(f *testing.F) {
	f.Add([]byte("en\tru\tkk\nTokayev\tТокаев\tТокаевқа\n"))
	f.Add([]byte("\ufeffkk\tru\r\nAлмaты\tАлма-Ата\r\n\n"))
	f.Add(utf16LE("ru\tkk\nАлматы\tАлматы\n"))
	f.Add([]byte("en\tde\n"))
	f.Add([]byte("en\tkk\n\"Tokaev \"\"x\"\"\nAlma-Ata\"\tАлматы\n"))
	c := testChecker(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := check.ReadTSV("f.tsv", data, wsLangs)
		if err != nil {
			checkInputError(t, err)
			return
		}
		checkMemory(t, m)
		// Every finding's position is a place in the file.
		for _, f := range c.Memory(m).Findings {
			if f.Line < 1 || f.Column < 1 {
				t.Fatalf("finding %+v without a position", f)
			}
		}
	})
}

// A TSV tilmash exported has a single quote before cells a spreadsheet
// would evaluate (package sheet); check reads the text as it was, and
// positions point at the text, after the quote.
func TestReadTSVNeutralised(t *testing.T) {
	m, err := check.ReadTSV("n.tsv", []byte("en\tru\n'=Almaty\t'-Алма-Ата.\n'quoted'\tкавычки\n"), wsLangs)
	if err != nil {
		t.Fatal(err)
	}
	u := m.Units[0]
	if u.Texts["en"] != "=Almaty" || u.Texts["ru"] != "-Алма-Ата." {
		t.Errorf("texts %q", u.Texts)
	}
	if c := u.Pos["en"].Column; c != 2 {
		t.Errorf("en column %d, want 2", c)
	}
	if c := u.Pos["ru"].Column; c != 11 {
		t.Errorf("ru column %d, want 11", c)
	}
	if got := m.Units[1].Texts["en"]; got != "'quoted'" {
		t.Errorf("a quote tilmash did not add is text: %q", got)
	}
}

// TestReadTMXUnd: "und" names no language, so its variant is skipped like
// any language outside the workspace. check used to file it under English
// (golang.org/x/text guesses en for und) while import-tmx left it out.
func TestReadTMXUnd(t *testing.T) {
	in := `<tmx><body><tu><tuv xml:lang="und"><seg>Tokaev</seg></tuv><tuv xml:lang="kk"><seg>Тоқаев</seg></tuv></tu></body></tmx>`
	m, err := check.ReadTMX("und.tmx", []byte(in), wsLangs)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m.Skipped, []string{"und"}) || !reflect.DeepEqual(m.Langs, []string{"kk"}) {
		t.Errorf("skipped %v langs %v; want und skipped, kk kept", m.Skipped, m.Langs)
	}
}
