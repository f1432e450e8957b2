package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/sheet"
	"github.com/tilmash/tilmash/internal/tmx"
)

// goldenName is the file a format's golden output is kept in.
func goldenName(dir, doc, format string, langs ...string) string {
	name, err := FileName(doc, format, langs...)
	if err != nil {
		panic(err)
	}
	return filepath.Join(dir, name)
}

func render(t *testing.T, format string, d *document.Document, a *document.Alignment, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, d, a, opt); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	docs := []struct {
		id     string
		texts  map[string]string
		groups []groupSpec
	}{
		{"sample", sample, sampleGroups},
		{"hostile", hostile, hostileGroups},
		{"article", news, articleGroups},
	}
	forced := []Blocker{
		{Group: 4, Kind: KindFlagged, Note: "low score"},
		{Group: 2, Lang: "kk", Kind: "forbidden", EntryID: "tokayev", Text: "Токаев", Expected: "Тоқаев"},
	}
	for _, doc := range docs {
		d, a := newDoc(t, doc.id, doc.texts, doc.groups)
		for _, f := range Formats {
			for _, forcedRun := range []bool{false, true} {
				dir := "golden"
				opt := Options{Version: "1.0.0"}
				if forcedRun {
					dir, opt.Forced = "forced", forced
				}
				var pair []string
				if PairFormat(f) {
					opt.Target = "kk"
					pair = []string{"en", "kk"}
				}
				t.Run(doc.id+"/"+dir+"/"+f, func(t *testing.T) {
					golden(t, goldenName(dir, doc.id, f, pair...), render(t, f, d, a, opt))
				})
			}
		}
		for _, l := range langs3 {
			for _, f := range LocalizedFormats {
				t.Run(doc.id+"/localized/"+l+"."+f, func(t *testing.T) {
					var buf bytes.Buffer
					if err := Localized(&buf, f, d, l, Options{Version: "1.0.0"}); err != nil {
						t.Fatal(err)
					}
					golden(t, goldenName("localized", doc.id, f, l), buf.Bytes())
				})
			}
		}
	}
}

// TestHostileText checks that hostile text survives every format: parsed
// back by a real parser it reads as the input (with the characters XML
// cannot carry replaced), and no markup from the text reaches the output.
func TestHostileText(t *testing.T) {
	d, a := newDoc(t, "hostile", hostile, hostileGroups)
	want := func(g int, lang string) string {
		s := a.Groups[g].Text(lang)
		s = strings.NewReplacer("\x01", "\uFFFD", "\x0b", "\uFFFD", "\x07", "\uFFFD").Replace(s)
		return s
	}
	if n := Replaced(a, langs3); n != 3 {
		t.Errorf("Replaced = %d, want 3", n)
	}
	t.Run("tmx", func(t *testing.T) {
		m, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{})), "hostile.tmx")
		if err != nil {
			t.Fatal(err)
		}
		for gi, u := range m.Units {
			for _, l := range langs3 {
				if v := u.Variant(l); v == nil || v.Text != want(gi, l) {
					t.Errorf("group %d %s: got %+v, want %q", gi+1, l, v, want(gi, l))
				}
			}
		}
		if got := m.Units[0].Notes[0]; got != hostileGroups[0].note {
			t.Errorf("note = %q", got)
		}
	})
	for _, f := range []string{"xliff", "xliff12"} {
		t.Run(f, func(t *testing.T) {
			out := render(t, f, d, a, Options{Target: "ru"})
			src, trg := xmlTexts(t, out, "source"), xmlTexts(t, out, "target")
			for gi := range a.Groups {
				if src[gi] != want(gi, "en") || trg[gi] != want(gi, "ru") {
					t.Errorf("group %d: got %q / %q", gi+1, src[gi], trg[gi])
				}
			}
		})
	}
	t.Run("html", func(t *testing.T) {
		out := string(render(t, "html", d, a, Options{}))
		for _, bad := range []string{"<script", "<i>", "<b>", "</td></tr><tr>", "<h1>", "\x01", "\x07", "]]>"} {
			if strings.Contains(out, bad) {
				t.Errorf("HTML holds raw %q", bad)
			}
		}
		if !strings.Contains(out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
			t.Error("the script text is not shown escaped")
		}
		if err := xml.Unmarshal([]byte(strings.TrimPrefix(out, "<!DOCTYPE html>\n")), new(any)); err != nil {
			t.Errorf("the page is not well-formed: %v", err)
		}
	})
	t.Run("md", func(t *testing.T) {
		out := string(render(t, "md", d, a, Options{}))
		for _, bad := range []string{"<script", "<i>", "<b>", "<h1>", "\x01"} {
			if strings.Contains(out, bad) {
				t.Errorf("Markdown holds raw %q", bad)
			}
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		for _, l := range lines {
			if n := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|"); n != 5 {
				t.Errorf("row %q has %d cell borders, want 5", l, n)
			}
		}
	})
	for _, f := range []string{"csv", "tsv"} {
		t.Run(f, func(t *testing.T) {
			r := csv.NewReader(bytes.NewReader(render(t, f, d, a, Options{})))
			if f == "tsv" {
				r.Comma = '\t'
			}
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(rows[0], ",") != "en,ru,kk" {
				t.Errorf("header = %v", rows[0])
			}
			for gi := range a.Groups {
				for li, l := range langs3 {
					// A cell a spreadsheet would evaluate ("- Не
					// список." starts with a minus) is neutralised;
					// sheet.Restore gives the text back.
					cell := rows[gi+1][li]
					if strings.HasPrefix(want(gi, l), "-") && !strings.HasPrefix(cell, "'-") {
						t.Errorf("group %d %s = %q: a formula character is not neutralised", gi+1, l, cell)
					}
					if sheet.Restore(cell) != want(gi, l) {
						t.Errorf("group %d %s = %q", gi+1, l, cell)
					}
				}
			}
		})
	}
	t.Run("jsonl", func(t *testing.T) {
		dec := json.NewDecoder(bytes.NewReader(render(t, "jsonl", d, a, Options{})))
		for gi := 0; ; gi++ {
			var j jsonGroup
			if err := dec.Decode(&j); err == io.EOF {
				if gi != len(a.Groups) {
					t.Errorf("%d lines, want %d", gi, len(a.Groups))
				}
				break
			} else if err != nil {
				t.Fatal(err)
			}
			for _, l := range langs3 {
				if j.Text[l] != want(gi, l) {
					t.Errorf("group %d %s = %q", gi+1, l, j.Text[l])
				}
			}
		}
	})
	t.Run("localized html", func(t *testing.T) {
		var buf bytes.Buffer
		if err := Localized(&buf, "html", d, "kk", Options{}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Contains(out, "</td></tr><tr><td>") || strings.Contains(out, "<h1>\n") {
			t.Errorf("markup from the text reached the page:\n%s", out)
		}
		if !strings.Contains(out, "<h1>Тақырып &lt;h1&gt;</h1>") {
			t.Errorf("heading not rendered as escaped text:\n%s", out)
		}
	})
}

// xmlTexts returns the character data of every element named local, in
// document order.
func xmlTexts(t *testing.T, data []byte, local string) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == local {
			var s string
			if err := dec.DecodeElement(&s, &se); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	tests := []struct {
		name   string
		format string
		a      *document.Alignment
		opt    Options
		id     string // message id of the error
	}{
		{"unknown format", "docx", a, Options{}, "app.bad-format"},
		{"no alignment", "tmx", nil, Options{}, "export.not-aligned"},
		{"no groups", "tmx", &document.Alignment{Languages: langs3}, Options{}, "export.not-aligned"},
		{"unknown language", "tmx", a, Options{Langs: []string{"en", "de"}}, "export.bad-lang.unknown"},
		{"repeated language", "csv", a, Options{Langs: []string{"en", "en"}}, "export.bad-lang.repeated"},
		{"xliff needs a pair", "xliff", a, Options{}, "export.bad-lang.pair"},
		{"xliff target is source", "xliff12", a, Options{Target: "en"}, "export.bad-lang.same"},
		{"xliff target not exported", "xliff", a, Options{Langs: []string{"en", "ru"}, Target: "kk"}, "export.bad-lang.unknown"},
		{"source not exported", "tmx", a, Options{Langs: []string{"ru", "kk"}, Source: "en"}, "export.bad-lang.unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(io.Discard, tt.format, d, tt.a, tt.opt)
			var m interface{ MessageID() string }
			if !errors.As(err, &m) || m.MessageID() != tt.id {
				t.Fatalf("err = %v, want message %s", err, tt.id)
			}
		})
	}
}

func TestLanguageOrder(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	// TMX puts the source first whatever the order asked for; tables keep it.
	m, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{Langs: []string{"kk", "en"}})), "x.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Units[0].Variants[0].Lang + "," + m.Units[0].Variants[1].Lang; got != "en,kk" || len(m.Units[0].Variants) != 2 {
		t.Errorf("TMX variants = %s", got)
	}
	if m.Header.SrcLang != "en" {
		t.Errorf("srclang = %s", m.Header.SrcLang)
	}
	first := strings.SplitN(string(render(t, "csv", d, a, Options{Langs: []string{"kk", "en"}})), "\n", 2)[0]
	if first != "kk,en" {
		t.Errorf("CSV header = %q", first)
	}
	// Without the workspace source, the first language asked for is the source.
	m, err = tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{Langs: []string{"kk", "ru"}})), "x.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.SrcLang != "kk" {
		t.Errorf("srclang = %s, want kk", m.Header.SrcLang)
	}
}

func TestParagraphMarks(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	m, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{})), "x.tmx")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"h1", "p", "", "p", ""}
	for i, u := range m.Units {
		for _, l := range langs3 {
			got, _ := u.Variant(l).Prop(tmx.ParagraphProp)
			if got != want[i] {
				t.Errorf("group %d %s: x-paragraph = %q, want %q", i+1, l, got, want[i])
			}
		}
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		doc, format string
		langs       []string
		want        string
		ok          bool
	}{
		{"zarechnoye-videos", "tmx", nil, "zarechnoye-videos.tmx", true},
		{"zarechnoye-videos", "xliff", []string{"en", "kk"}, "zarechnoye-videos.en-kk.xlf", true},
		{"zarechnoye-videos", "xliff12", []string{"en", "ru"}, "zarechnoye-videos.en-ru.xliff", true},
		{"zarechnoye-videos", "md", []string{"kk"}, "zarechnoye-videos.kk.md", true},
		{"zarechnoye-videos", "txt", []string{"ru"}, "zarechnoye-videos.ru.txt", true},
		{"../etc", "tmx", nil, "", false},
		{"a/b", "tmx", nil, "", false},
		{"doc", "tmx", []string{"../x"}, "", false},
		{"doc", "exe", nil, "", false},
		{"doc", "tmx", []string{"en", "ru", "kk"}, "", false},
	}
	for _, tt := range tests {
		got, err := FileName(tt.doc, tt.format, tt.langs...)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("FileName(%q, %q, %v) = %q, %v", tt.doc, tt.format, tt.langs, got, err)
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		bs   []Blocker
		want string
	}{
		{nil, "forced export"},
		{[]Blocker{{Group: 4, Kind: KindFlagged}}, "forced past 1 flagged group (4)"},
		{[]Blocker{{Group: 9, Kind: KindFlagged}, {Group: 4, Kind: KindFlagged}, {Group: 2, Kind: "missing"}, {Group: 2, Kind: "forbidden"}},
			"forced past 2 flagged groups (4, 9) and 2 findings: missing 1, forbidden 1 (group 2)"},
		{[]Blocker{{Kind: "forbidden"}, {Kind: "numbers", Group: 3}, {Kind: "numbers", Group: 5}, {Kind: "homoglyph"}},
			"forced past 4 findings: forbidden 1, numbers 2, look-alike 1 (groups 3, 5)"},
		{[]Blocker{{Kind: "untranslated"}}, "forced past 1 finding: untranslated 1"},
	}
	for _, tt := range tests {
		if got := Summary(tt.bs); got != tt.want {
			t.Errorf("Summary = %q, want %q", got, tt.want)
		}
	}
}

func TestFlagged(t *testing.T) {
	_, a := newDoc(t, "sample", sample, sampleGroups)
	got := Flagged(a)
	if len(got) != 1 || got[0].Group != 4 || got[0].Note != "low score: check the quote" {
		t.Errorf("Flagged = %+v", got)
	}
}

func TestHighlight(t *testing.T) {
	text := "Президент Тоқаев & Токаев"
	tok := strings.Index(text, "Тоқаев")
	bad := strings.Index(text, "Токаев")
	tests := []struct {
		name  string
		marks []Mark
		want  string
	}{
		{"none", nil, "Президент Тоқаев &amp; Токаев"},
		{"term", []Mark{{Start: tok, End: tok + len("Тоқаев"), Class: MarkTerm, Title: "tokayev: \"Тоқаев\""}},
			`Президент <mark class="term" title="tokayev: &#34;Тоқаев&#34;">Тоқаев</mark> &amp; Токаев`},
		{"finding wins over an overlapping term", []Mark{
			{Start: 0, End: tok + len("Тоқаев"), Class: MarkTerm},
			{Start: tok, End: tok + len("Тоқаев"), Class: MarkFinding, Title: "x"}},
			`Президент <mark class="finding" title="x">Тоқаев</mark> &amp; Токаев`},
		{"two", []Mark{{Start: bad, End: bad + len("Токаев"), Class: MarkFinding}, {Start: tok, End: tok + len("Тоқаев"), Class: MarkTerm}},
			`Президент <mark class="term">Тоқаев</mark> &amp; <mark class="finding">Токаев</mark>`},
		{"out of range and mid-character spans are dropped", []Mark{{Start: 1, End: 4, Class: MarkTerm}, {Start: 5, End: 500, Class: MarkFinding}},
			"Президент Тоқаев &amp; Токаев"},
	}
	for _, tt := range tests {
		if got := renderCell(t, []string{text}, tt.marks); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestHTMLMarksAndLabels(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	txt := a.Groups[3].Text("ru")
	k := strings.Index(txt, "Токаев")
	out := string(render(t, "html", d, a, Options{
		Marks: []Mark{{Group: 4, Lang: "ru", Start: k, End: k + len("Токаев"), Class: MarkTerm, Title: "tokayev"}},
		Labels: func(id string, data map[string]any) string {
			if id == "export.html.lang" {
				return "ru"
			}
			return "«" + id + "»"
		},
	}))
	for _, want := range []string{`<html lang="ru">`, `<mark class="term" title="tokayev">Токаев</mark>`, "«export.html.status.flagged»", `<tr id="g4" class="flagged">`, `<td lang="kk">`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestSchemas validates the exchange formats with xmllint against the
// official schemas kept beside the repository.
func TestSchemas(t *testing.T) {
	lint := xmllint(t)
	dir := schemas(t)
	tmp := t.TempDir()
	dtd, err := os.ReadFile(filepath.Join(dir, "omegat-tmx14.dtd"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, tmx.DTDName), dtd, 0o644); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		format string
		args   []string
	}{
		{"tmx", []string{"--valid"}},
		{"tmx", []string{"--schema", filepath.Join(dir, "omegat-tmx14.xsd")}},
		{"xliff", []string{"--schema", filepath.Join(dir, "xliff21/xliff-21/schemas/xliff_core_2.0.xsd")}},
		{"xliff12", []string{"--schema", filepath.Join(dir, "xliff12/xliff-core-1.2-strict.xsd")}},
	}
	// Every file of a check is validated by one xmllint run (loading
	// the schema costs more than validating a file): each document, with
	// and without the flagged groups forced, is a file of its own, and
	// xmllint names each file it finds invalid.
	files := make([][]string, len(checks))
	for _, doc := range []struct {
		id     string
		texts  map[string]string
		groups []groupSpec
	}{{"sample", sample, sampleGroups}, {"hostile", hostile, hostileGroups}, {"article", news, articleGroups}} {
		d, a := newDoc(t, doc.id, doc.texts, doc.groups)
		for i, c := range checks {
			for _, forced := range []bool{false, true} {
				opt := Options{Target: "kk"}
				name := doc.id
				if forced {
					opt.Forced = Flagged(a)
					name += "-forced"
				}
				file := filepath.Join(tmp, fmt.Sprintf("%d-%s.%s", i, name, c.format))
				if err := os.WriteFile(file, render(t, c.format, d, a, opt), 0o644); err != nil {
					t.Fatal(err)
				}
				files[i] = append(files[i], file)
			}
		}
	}
	for i, c := range checks {
		args := append([]string{"--noout", "--nonet"}, c.args...)
		out, err := exec.Command(lint, append(args, files[i]...)...).CombinedOutput()
		if err != nil || len(files[i]) != 6 {
			t.Errorf("%s %v on %d files: %v\n%s", c.format, c.args, len(files[i]), err, out)
		}
	}
}

// TestTranslateToolkit: Translate Toolkit reads what export writes. Its
// Python and imports cost more than reading a file, so every check's
// files are read in one run, and each check (a subtest) looks at its own:
// sampleToolkit, cutToolkit and inlineToolkit.
func TestTranslateToolkit(t *testing.T) {
	py := python(t)
	checks := []toolkitCheck{sampleToolkit(t), cutToolkit(t), inlineToolkit(t)}
	var files [][2]string
	for _, c := range checks {
		files = append(files, c.files...)
	}
	read := toolkitUnits(t, py, files...)
	for _, c := range checks {
		mine := read[:len(c.files)]
		read = read[len(c.files):]
		t.Run(c.name, func(t *testing.T) { c.check(t, mine) })
	}
}

// toolkitCheck is a check of TestTranslateToolkit: the files Translate
// Toolkit is to read (reader, path), and what to check of the units it
// read of each, in the same order.
type toolkitCheck struct {
	name  string
	files [][2]string
	check func(t *testing.T, read [][][2]string)
}

// sampleToolkit: Translate Toolkit reads the TMX and the XLIFF 1.2 back
// with one unit per group and the same texts.
func sampleToolkit(t *testing.T) toolkitCheck {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	tmp := t.TempDir()
	formats := []string{"tmx", "xliff12"}
	var files [][2]string
	for _, format := range formats {
		file := filepath.Join(tmp, "sample"+Extension(format))
		if err := os.WriteFile(file, render(t, format, d, a, Options{Target: "ru"}), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, [2]string{map[string]string{"tmx": "tmx", "xliff12": "xliff"}[format], file})
	}
	return toolkitCheck{"sample", files, func(t *testing.T, read [][][2]string) {
		for fi, format := range formats {
			units := read[fi]
			if len(units) != len(a.Groups) {
				t.Fatalf("%s: Translate Toolkit read %d units, want %d", format, len(units), len(a.Groups))
			}
			for i, u := range units {
				target := "ru"
				if format == "tmx" {
					target = "ru" // second variant
				}
				if u[0] != a.Groups[i].Text("en") || u[1] != a.Groups[i].Text(target) {
					t.Errorf("%s unit %d = %q", format, i+1, u)
				}
			}
		}
	}}
}

// TestForcedRecord: a format either records a forced export (the output
// differs from the unforced one) or, per Records, does not and is then
// byte for byte the unforced file. CSV and TSV keep the header row of
// language codes first, as OmegaT and pandas read it.
func TestForcedRecord(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	forced := Options{Target: "kk", Forced: Flagged(a)}
	for _, f := range Formats {
		plain, rec := render(t, f, d, a, Options{Target: "kk"}), render(t, f, d, a, forced)
		if got := !bytes.Equal(plain, rec); got != Records(f) {
			t.Errorf("%s: forced output differs: %v, Records: %v", f, got, Records(f))
		}
	}
	for _, f := range LocalizedFormats {
		var plain, rec bytes.Buffer
		if err := Localized(&plain, f, d, "kk", Options{}); err != nil {
			t.Fatal(err)
		}
		if err := Localized(&rec, f, d, "kk", forced); err != nil {
			t.Fatal(err)
		}
		if got := !bytes.Equal(plain.Bytes(), rec.Bytes()); got != Records(f) {
			t.Errorf("localized %s: forced output differs: %v, Records: %v", f, got, Records(f))
		}
	}
	for _, f := range []string{"csv", "tsv"} {
		r := csv.NewReader(bytes.NewReader(render(t, f, d, a, forced)))
		if f == "tsv" {
			r.Comma = '\t'
		}
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if strings.Join(rows[0], ",") != "en,ru,kk" || len(rows) != len(a.Groups)+1 {
			t.Errorf("forced %s: header %q, %d rows for %d groups", f, rows[0], len(rows), len(a.Groups))
		}
	}
}

// TestFormulaInjection: a cell a spreadsheet would evaluate is written
// with a single quote in front, and quoted in CSV (OWASP's advice), so
// that opening the export in Excel or LibreOffice runs nothing.
func TestFormulaInjection(t *testing.T) {
	texts := map[string]string{
		"en": "=HYPERLINK(\"http://evil.example/\",\"x\") first.\n\n+1 second.\n",
		"ru": "@SUM(A1) первое.\n\n-2 второе.\n",
		"kk": "Бірінші.\n\nЕкінші.\n",
	}
	d, a := newDoc(t, "f", texts, []groupSpec{
		{document.Aligned, "", [3][]string{{"=HYPERLINK(\"http://evil.example/\",\"x\") first."}, {"@SUM(A1) первое."}, {"Бірінші."}}},
		{document.Aligned, "", [3][]string{{"+1 second."}, {"-2 второе."}, {"Екінші."}}},
	})
	tests := map[string]string{
		"csv": "en,ru,kk\n" +
			`"'=HYPERLINK(""http://evil.example/"",""x"") first.","'@SUM(A1) первое.",Бірінші.` + "\n" +
			`"'+1 second.","'-2 второе.",Екінші.` + "\n",
		"tsv": "en\tru\tkk\n" +
			`"'=HYPERLINK(""http://evil.example/"",""x"") first."` + "\t'@SUM(A1) первое.\tБірінші.\n" +
			"'+1 second.\t'-2 второе.\tЕкінші.\n",
	}
	for format, want := range tests {
		if got := string(render(t, format, d, a, Options{})); got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", format, got, want)
		}
	}
}

// TestDOCXLanguage: the Word version of an article says the language of
// its text (with the country Word's proofing languages name), so that
// Word proofs a Kazakh article in Kazakh, not in the reader's language.
func TestDOCXLanguage(t *testing.T) {
	d, _ := newDoc(t, "sample", sample, sampleGroups)
	for lang, want := range map[string]string{"en": "en-US", "ru": "ru-RU", "kk": "kk-KZ"} {
		var buf bytes.Buffer
		if err := Localized(&buf, "docx", d, lang, Options{}); err != nil {
			t.Fatal(err)
		}
		z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		f, err := z.Open("word/styles.xml")
		if err != nil {
			t.Fatal(err)
		}
		styles, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if tag := `<w:rPrDefault><w:rPr>`; !bytes.Contains(styles, []byte(tag)) || !bytes.Contains(styles, []byte(`<w:lang w:val="`+want+`"/></w:rPr></w:rPrDefault>`)) {
			t.Errorf("%s: the default run properties do not say %s:\n%s", lang, want, styles)
		}
	}
}

// TestContentDate: with Dated, TMX creationdate and XLIFF 1.2 date are the
// newest import of the languages the file carries, so exporting unchanged
// texts again gives the same bytes; an explicit Date wins, and without
// either no date is written.
func TestContentDate(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	d.Meta.Versions["kk"].Imported = time.Date(2020, 3, 4, 5, 6, 7, 0, time.UTC)
	for _, tc := range []struct {
		format string
		opt    Options
		want   string // "" for no date
	}{
		{"tmx", Options{Dated: true, Langs: []string{"en", "kk"}}, `creationdate="20200304T050607Z"`},
		{"tmx", Options{Dated: true, Langs: []string{"en", "ru"}}, `creationdate="20190731T120000Z"`},
		{"xliff12", Options{Dated: true, Langs: []string{"en", "kk"}}, `date="2020-03-04T05:06:07Z"`},
		{"xliff12", Options{Dated: true, Langs: []string{"en", "ru"}}, `date="2019-07-31T12:00:00Z"`},
		{"xliff12", Options{Dated: true, Date: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), Langs: []string{"en", "kk"}}, `date="2021-01-01T00:00:00Z"`},
		{"tmx", Options{Langs: []string{"en", "kk"}}, ""},
	} {
		got := string(render(t, tc.format, d, a, tc.opt))
		if tc.want == "" {
			if strings.Contains(got, "creationdate=") {
				t.Errorf("%s %v: a date without Date or Dated", tc.format, tc.opt.Langs)
			}
			continue
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s %v: no %s in\n%.400s", tc.format, tc.opt.Langs, tc.want, got)
		}
		if again := string(render(t, tc.format, d, a, tc.opt)); again != got {
			t.Errorf("%s %v: two exports differ", tc.format, tc.opt.Langs)
		}
	}
}
