package tmx

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"golang.org/x/text/encoding/unicode"
)

func sample() *TMX {
	return &TMX{
		Header: Header{
			CreationTool: "tilmash", CreationToolVersion: "1.0", SegType: "sentence", OTMF: "tilmash",
			AdminLang: "en", SrcLang: "en", DataType: "plaintext",
			Props: []Prop{{Type: "x-document", Value: "doc"}},
		},
		Units: []Unit{
			{ID: "1", Props: []Prop{{"x-status", "confirmed"}}, Notes: []string{"a & b"}, Variants: []Variant{
				{Lang: "en", Props: []Prop{{"x-paragraph", "p"}}, Text: `<script>alert("1")</script> ]]> & 'q'`},
				{Lang: "kk", Text: "Қазақ\tтілі\r\nжол"},
			}},
			{ID: "2", Variants: []Variant{{Lang: "ru", Text: "только русский"}}},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	n, err := Write(&buf, sample())
	if err != nil || n != 0 {
		t.Fatalf("Write: %d, %v", n, err)
	}
	got, err := Read(&buf, "x.tmx")
	if err != nil {
		t.Fatal(err)
	}
	want := sample()
	for i := range got.Units {
		got.Units[i].Line = 0
		for k := range got.Units[i].Variants {
			v := &got.Units[i].Variants[k]
			v.Tuv, v.Seg, v.Exact = Position{}, Position{}, false
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestWriteReplacesInvalid(t *testing.T) {
	m := sample()
	m.Units[1].Variants[0].Text = "a\x00b\x1fc\uFFFEd"
	var buf bytes.Buffer
	n, err := Write(&buf, m)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("replaced %d, want 3", n)
	}
	got, err := Read(&buf, "x.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if s := got.Units[1].Variants[0].Text; s != "a\uFFFDb\uFFFDc\uFFFDd" {
		t.Errorf("text = %q", s)
	}
}

func TestWriteRefusesIncompleteHeader(t *testing.T) {
	m := sample()
	m.Header.SrcLang = ""
	var e *MissingAttrError
	if _, err := Write(&bytes.Buffer{}, m); !errors.As(err, &e) || e.Attr != "srclang" {
		t.Errorf("err = %v", err)
	}
	m = sample()
	m.Header.SegType = "word"
	if _, err := Write(&bytes.Buffer{}, m); err == nil {
		t.Error("bad segtype accepted")
	}
}

func TestReadOtherTools(t *testing.T) {
	for _, file := range []string{"omegat.tmx", "trados-utf16.tmx"} {
		t.Run(file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			m, err := Read(f, file)
			if err != nil {
				t.Fatal(err)
			}
			if m.Header.CreationTool != "OmegaT" || m.Header.SrcLang != "EN-US" {
				t.Errorf("header = %+v", m.Header)
			}
			if len(m.Units) != 2 {
				t.Fatalf("%d units", len(m.Units))
			}
			// Native codes (<bpt>, <ept>, <ph>) are left out, <hi> text kept.
			checks := []struct {
				unit       int
				lang, text string
			}{
				{0, "en", "The videos were posted."},
				{0, "ru", "Видео опубликовали."},
				{1, "en", "Tokayev & the prosecutor."},
				{1, "ru", "Токаев и прокурор."},
			}
			for _, c := range checks {
				v := m.Units[c.unit].Variant(c.lang)
				if v == nil || v.Text != c.text {
					t.Errorf("unit %d %s = %+v, want %q", c.unit+1, c.lang, v, c.text)
				}
			}
			if s, _ := m.Units[1].Prop("x-status"); s != "confirmed" {
				t.Errorf("x-status = %q", s)
			}
			if m.Units[1].Notes[0] != "checked" || m.Units[1].Line != 15 {
				t.Errorf("unit 2: notes %v line %d", m.Units[1].Notes, m.Units[1].Line)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in   string
		line       int
		reasonPart string
	}{
		{"not xml", "hello", 1, "not a TMX file"},
		{"other root", "<?xml version=\"1.0\"?>\n<xliff/>", 2, "root element is <xliff>"},
		{"no body", "<tmx><header/></tmx>", 1, "no <body>"},
		{"tuv without lang", "<tmx>\n<body>\n<tu>\n<tuv><seg>x</seg></tuv></tu></body></tmx>", 4, "no xml:lang"},
		{"tuv without seg", "<tmx><body><tu><tuv xml:lang=\"en\"></tuv></tu></body></tmx>", 1, "has no <seg>"},
		{"unclosed", "<tmx><body><tu><tuv xml:lang=\"en\"><seg>x", 1, "unexpected end of file"},
		{"mismatched", "<tmx>\n<body>\n</tmx>", 3, "element <body> closed by </tmx>"},
		{"unknown entity", "<tmx><body><tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>", 1, "invalid character entity &nbsp;"},
		{"bad encoding", `<?xml version="1.0" encoding="klingon"?><tmx/>`, 1, "klingon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "in.tmx")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ParseError", err)
			}
			if pe.Line != tt.line || !strings.Contains(pe.Reason, tt.reasonPart) || pe.File != "in.tmx" {
				t.Errorf("got %v, want line %d and %q", pe, tt.line, tt.reasonPart)
			}
			var msg *locale.Error
			if !errors.As(err, &msg) || msg.ID != "tmx.bad-file" || msg.TemplateData()["Line"] != pe.Line {
				t.Errorf("message = %v", msg)
			}
		})
	}
}

func TestReadEncodings(t *testing.T) {
	doc := `<tmx version="1.4"><header srclang="ru"/><body><tu><tuv xml:lang="ru"><seg>Привет</seg></tuv></tu></body></tmx>`
	decl := `<?xml version="1.0" encoding="UTF-16"?>` + "\n"
	win := []byte(`<?xml version="1.0" encoding="windows-1251"?>` + "\n" +
		`<tmx version="1.4"><header srclang="ru"/><body><tu><tuv xml:lang="ru"><seg>` + "\xcf\xf0\xe8\xe2\xe5\xf2" + `</seg></tuv></tu></body></tmx>`)
	for _, tt := range []struct {
		name string
		in   []byte
	}{
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, doc...)},
		{"windows-1251", win},
		{"utf-16le with BOM", utf16(t, false, true, decl+doc)},
		{"utf-16be with BOM", utf16(t, true, true, decl+doc)},
		{"utf-16le declaration, no BOM", utf16(t, false, false, decl+doc)},
		{"utf-16be declaration, no BOM", utf16(t, true, false, decl+doc)},
		// No declaration and no BOM: the file starts with its root tag,
		// a comment or white space.
		{"utf-16le <tmx, no BOM", utf16(t, false, false, doc)},
		{"utf-16be <tmx, no BOM", utf16(t, true, false, doc)},
		{"utf-16le comment, no BOM", utf16(t, false, false, "<!-- memory -->"+doc)},
		{"utf-16le newline, no BOM", utf16(t, false, false, "\n"+doc)},
	} {
		m, err := Read(bytes.NewReader(tt.in), tt.name)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := m.Units[0].Variants[0].Text; got != "Привет" {
			t.Errorf("%s: %q", tt.name, got)
		}
	}
}

// utf16 encodes s as UTF-16, big or little endian, with or without a
// byte-order mark.
func utf16(t *testing.T, big, bom bool, s string) []byte {
	t.Helper()
	order, mark := unicode.LittleEndian, unicode.IgnoreBOM
	if big {
		order = unicode.BigEndian
	}
	if bom {
		mark = unicode.UseBOM
	}
	b, err := unicode.UTF16(order, mark).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReadPositions: each variant knows where its <tuv> and the text of
// its <seg> are, so check can point at a finding in the file.
func TestReadPositions(t *testing.T) {
	in := "<tmx><body>\n<tu>\n  <tuv xml:lang=\"en\"><seg>Tokayev spoke.</seg></tuv>\n" +
		"  <tuv xml:lang=\"kk\"><seg>Тоқаев &amp; сөйледі.</seg></tuv>\n" +
		"  <tuv xml:lang=\"ru\"><seg>Токаев<sub>сноска</sub> сказал.</seg></tuv>\n</tu></body></tmx>"
	m, err := Read(strings.NewReader(in), "p.tmx")
	if err != nil {
		t.Fatal(err)
	}
	vs := m.Units[0].Variants
	want := []struct {
		tuv, seg Position
		exact    bool
		text     string
	}{
		{Position{3, 3, at(in, `<tuv xml:lang="en"`)}, Position{3, 27, at(in, "Tokayev spoke")}, true, "Tokayev spoke."},
		{Position{4, 3, at(in, `<tuv xml:lang="kk"`)}, Position{4, 27, at(in, "Тоқаев &amp;")}, false, "Тоқаев & сөйледі."},
		{Position{5, 3, at(in, `<tuv xml:lang="ru"`)}, Position{5, 27, at(in, "Токаев<sub>")}, false, "Токаев сказал."},
	}
	for i, w := range want {
		v := vs[i]
		if v.Tuv != w.tuv || v.Seg != w.seg || v.Exact != w.exact || v.Text != w.text {
			t.Errorf("variant %s: tuv %+v seg %+v exact %v %q, want %+v %+v %v %q", v.Lang, v.Tuv, v.Seg, v.Exact, v.Text, w.tuv, w.seg, w.exact, w.text)
		}
	}
}

func at(s, sub string) int { return strings.Index(s, sub) }

// FuzzRead checks that Read never panics, and that what it reads it can
// write and read back to the same texts.
func FuzzRead(f *testing.F) {
	for _, file := range []string{"omegat.tmx", "trados-utf16.tmx"} {
		b, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data), "fuzz.tmx")
		if err != nil {
			return
		}
		m.Header = sample().Header
		for i := range m.Units {
			if len(m.Units[i].Variants) == 0 {
				m.Units[i].Variants = []Variant{{Lang: "en"}}
			}
		}
		var out bytes.Buffer
		if _, err := Write(&out, m); err != nil {
			t.Fatalf("cannot write what was read: %v", err)
		}
		back, err := Read(&out, "again.tmx")
		if err != nil {
			t.Fatalf("cannot read what was written: %v\n%s", err, out.Bytes())
		}
		if len(back.Units) != len(m.Units) {
			t.Fatalf("%d units became %d", len(m.Units), len(back.Units))
		}
	})
}

func ExampleWrite() {
	m := &TMX{
		Header: Header{CreationTool: "tilmash", CreationToolVersion: "1.0", SegType: "sentence",
			OTMF: "tilmash", AdminLang: "en", SrcLang: "en", DataType: "plaintext"},
		Units: []Unit{{ID: "1", Variants: []Variant{{Lang: "en", Text: "Fish & chips"}, {Lang: "kk", Text: "Балық"}}}},
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, m); err != nil {
		fmt.Println(err)
	}
	fmt.Print(buf.String())
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <!DOCTYPE tmx SYSTEM "tmx14.dtd">
	// <tmx version="1.4">
	//   <header creationtool="tilmash" creationtoolversion="1.0" segtype="sentence" o-tmf="tilmash" adminlang="en" srclang="en" datatype="plaintext"/>
	//   <body>
	//     <tu tuid="1">
	//       <tuv xml:lang="en">
	//         <seg>Fish &amp; chips</seg>
	//       </tuv>
	//       <tuv xml:lang="kk">
	//         <seg>Балық</seg>
	//       </tuv>
	//     </tu>
	//   </body>
	// </tmx>
}

// TestReadOmegaTTags: OmegaT writes the tags of a formatted segment into
// its own TMX (project_save.tmx) as text; Read leaves them out there, as
// it leaves out other tools' inline codes, and keeps such text in a file
// another tool wrote. Write's codes are read back as the plain text.
func TestReadOmegaTTags(t *testing.T) {
	const unit = `<body><tu><tuv lang="EN-US"><seg>The &lt;s0&gt;prison&lt;/s0&gt; reform, &lt;t1/&gt;line&lt;br2&gt;end &lt;b&gt; a&lt;3 5&gt;2.</seg></tuv></tu></body></tmx>`
	for _, c := range []struct{ tool, want string }{
		{"OmegaT", "The prison reform, lineend <b> a<3 5>2."},
		{"Trados", "The <s0>prison</s0> reform, <t1/>line<br2>end <b> a<3 5>2."},
	} {
		m, err := Read(strings.NewReader(`<tmx version="1.1"><header creationtool="`+c.tool+`" segtype="sentence" srclang="EN-US"/>`+unit), "x.tmx")
		if err != nil {
			t.Fatal(err)
		}
		v := m.Units[0].Variants[0]
		if v.Text != c.want {
			t.Errorf("%s: %q, want %q", c.tool, v.Text, c.want)
		}
	}
	m := sample()
	m.Units[0].Variants[0].Text = "ab & c"
	m.Units[0].Variants[0].Codes = []Code{{At: 1, Kind: Begin, I: 1, X: 1, Native: "<strong>"}, {At: 2, Kind: End, I: 1, Native: "</strong>"}, {At: 6, Kind: Standalone, X: 2, Native: "<br>"}}
	var buf bytes.Buffer
	if _, err := Write(&buf, m); err != nil {
		t.Fatal(err)
	}
	if want := `<seg>a<bpt i="1" x="1">&lt;strong&gt;</bpt>b<ept i="1">&lt;/strong&gt;</ept> &amp; c<ph x="2">&lt;br&gt;</ph></seg>`; !strings.Contains(buf.String(), want) {
		t.Errorf("no %s in\n%s", want, buf.String())
	}
	back, err := Read(&buf, "x.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Units[0].Variants[0].Text; got != "ab & c" {
		t.Errorf("read back %q", got)
	}
}
