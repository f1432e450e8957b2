package termbase

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var langs = []string{"en", "ru", "kk"}

func load(t testing.TB, file string) *glossary.Glossary {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	g, probs := glossary.Parse(file, data, langs)
	if len(probs) > 0 {
		t.Fatalf("%s: %v", file, probs)
	}
	return g
}

// yamlOf renders entries as glossary YAML, the form in which two
// glossaries are compared.
func yamlOf(t testing.TB, entries []*glossary.Entry) string {
	t.Helper()
	b, err := Marshal(entries, "")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// restrict keeps only langs of each entry, as a pair format does.
func restrict(entries []*glossary.Entry, keep []string) []*glossary.Entry {
	var out []*glossary.Entry
	for _, e := range entries {
		c := *e
		c.Langs = map[string]*glossary.Form{}
		for _, l := range keep {
			if f := e.Langs[l]; f != nil {
				c.Langs[l] = f
			}
		}
		out = append(out, &c)
	}
	return out
}

func write(t testing.TB, format string, g *glossary.Glossary, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, g, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	g := load(t, "testdata/glossary.yaml")
	for _, f := range Formats {
		opt := Options{Version: "1.0.0"}
		if PairFormat(f) {
			opt.Langs = []string{"en", "kk"}
		}
		golden(t, "golden"+Extension(f), write(t, f, g, opt))
	}
}

// TestRoundTrip writes the glossary in every format and reads it back:
// TBX keeps every field of every language, CSV and TSV every field of
// their two languages.
func TestRoundTrip(t *testing.T) {
	files := []string{"testdata/glossary.yaml"}
	// The workspace glossary of the repository, when the test runs in it.
	if more, _ := filepath.Glob("../../../glossary/*.yaml"); len(more) > 0 {
		files = append(files, more...)
	}
	for _, file := range files {
		g := load(t, file)
		for _, f := range Formats {
			t.Run(filepath.Base(file)+"/"+f, func(t *testing.T) {
				opt := Options{}
				want := g.Entries
				if PairFormat(f) {
					opt.Langs = []string{"ru", "kk"}
					want = restrict(g.Entries, opt.Langs)
				}
				data := write(t, f, g, opt)
				got, err := Read(bytes.NewReader(data), "x"+Extension(f), f, langs)
				if err != nil {
					t.Fatal(err)
				}
				if a, b := yamlOf(t, got), yamlOf(t, want); a != b {
					t.Errorf("round trip changed the glossary:\n got:\n%s\nwant:\n%s", a, b)
				}
			})
		}
	}
}

func TestWriteErrors(t *testing.T) {
	g := load(t, "testdata/glossary.yaml")
	if err := Write(&bytes.Buffer{}, "csv", g, Options{}); locale.ID(err) != "glossary-export.pair" {
		t.Errorf("csv with three languages: %v", err)
	}
	if err := Write(&bytes.Buffer{}, "xlsx", g, Options{}); locale.ID(err) != "app.bad-format" {
		t.Errorf("unknown format: %v", err)
	}
	if err := Write(&bytes.Buffer{}, "tbx", glossary.New(langs), Options{}); locale.ID(err) != "glossary-export.empty" {
		t.Errorf("empty glossary: %v", err)
	}
	semi := glossary.New(langs, &glossary.Entry{ID: "x", Langs: map[string]*glossary.Form{
		"en": {Term: "a", Variants: []string{"b; c"}}, "ru": {Term: "д"}}})
	var le *locale.Error
	if err := Write(&bytes.Buffer{}, "tsv", semi, Options{Langs: []string{"en", "ru"}}); !errors.As(err, &le) || le.ID != "glossary-export.list-separator" || le.Data["Form"] != "b; c" {
		t.Errorf("separator in a form: %v", err)
	}
}

// TestReadOtherTools reads term bases as other tools write them: no
// tilmash notes, terms without status, region codes, OmegaT's plain
// tab-separated glossary with a term on several rows.
func TestReadOtherTools(t *testing.T) {
	tbx2 := `<?xml version="1.0"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="en-US"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="c1"><descrip type="definition">a city</descrip>
 <langSet xml:lang="EN-US"><tig><term>Almaty</term></tig><tig><term>Alma-Ata</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
 <langSet xml:lang="ru-RU"><ntig><termGrp><term>Алматы</term></termGrp></ntig><tig><term>Алма-Ата</term></tig></langSet>
 <langSet xml:lang="de"><tig><term>Almaty</term></tig></langSet>
</termEntry>
<termEntry><langSet xml:lang="ru"><tig><term>Верховный суд</term></tig></langSet></termEntry>
</body></text></martif>`
	got, err := Read(strings.NewReader(tbx2), "other.tbx", "tbx2", langs)
	if err != nil {
		t.Fatal(err)
	}
	want := `terms:
  - id: c1
    kind: other
    note: a city
    en: {term: Almaty, forbidden: [Alma-Ata]}
    ru: {term: Алматы, variants: [Алма-Ата]}
  - id: verkhovnyy-sud
    kind: other
    ru: {term: Верховный суд}
`
	if s := yamlOf(t, got); s != want {
		t.Errorf("got\n%s\nwant\n%s", s, want)
	}
	tsv := "Almaty\tАлматы\tcity\nAlmaty\tАлма-Ата\n\n# a comment\nKaraganda\tҚарағанды\n\tnothing\n"
	got, err = Read(strings.NewReader(tsv), "omegat.utf8", "tsv", []string{"en", "kk"})
	if err != nil {
		t.Fatal(err)
	}
	want = `terms:
  - id: almaty
    kind: other
    note: city
    en: {term: Almaty}
    kk: {term: Алматы, variants: [Алма-Ата]}
  - id: karaganda
    kind: other
    en: {term: Karaganda}
    kk: {term: Қарағанды}
`
	if s := yamlOf(t, got); s != want {
		t.Errorf("got\n%s\nwant\n%s", s, want)
	}
	if _, err := Read(strings.NewReader(tsv), "omegat.utf8", "tsv", nil); locale.ID(err) != "glossary-import.need-langs" {
		t.Errorf("no languages: %v", err)
	}
}

// TestReadErrors: a term base that cannot be read is a located error
// that says what is wrong, in the reader's language: no English of the
// XML parser or the table reader in the Russian message.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, format, in string
		line             int
		reason           string
	}{
		{"not xml", "tbx", "hello", 1, "not a TBX file"},
		{"wrong root", "tbx", "<xliff/>", 1, "root element is <xliff>"},
		{"broken", "tbx2", "<martif>\n<text>\n<body>\n<termEntry>\n</body>", 5, "is closed by </body>"},
		{"truncated", "tbx", "<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>x", 1, "the file ends inside an element"},
		{"bad quote", "csv", "# en,ru\n\"a\nb,c\n", 3, "a cell in double quotes is not closed"},
		{"not utf-8", "tsv", "# en\tru\n\xff\t\xfe\n", 2, "the byte 0xFF is not UTF-8"},
	}
	ru, err := locale.New("ru")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "in", tt.format, langs)
			var re *locale.Error
			if !errors.As(err, &re) || re.ID != "glossary-import.bad-file" || re.Pos.Line != tt.line || !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("err = %v, want line %d %q", err, tt.line, tt.reason)
			}
			msg, _, _ := ru.Explain(err)
			if english := regexp.MustCompile(`\b(the|is|not|no|file|element|byte|quote)\b`); english.MatchString(msg) || !strings.ContainsAny(msg, "аеиоуя") {
				t.Errorf("ru: %q", msg)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"g.csv", "", "csv"},
		{"g.utf8", "", "tsv"},
		{"g.TAB", "", "tsv"},
		{"g.tbx", `<?xml version="1.0"?><!-- x --><martif type="TBX">`, "tbx2"},
		{"g.tbx", "<?xml version=\"1.0\"?>\n<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\">", "tbx"},
		{"g.xml", "<glossary>", ""},
	}
	for _, tt := range tests {
		if got := Detect(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSchemas(t *testing.T) {
	lint := testenv.Command(t, "xmllint", "apt-get install libxml2-utils")
	dir := schemaDir(t)
	g := load(t, "testdata/glossary.yaml")
	tmp := t.TempDir()
	for _, c := range []struct{ format, flag, schema string }{
		{"tbx", "--relaxng", "tbx/TBXcoreStructV03.rng"},
		{"tbx2", "--schema", "omegat-tbx.xsd"},
	} {
		file := filepath.Join(tmp, "g"+Extension(c.format))
		if err := os.WriteFile(file, write(t, c.format, g, Options{}), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(lint, "--noout", "--nonet", c.flag, filepath.Join(dir, c.schema), file).CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", c.format, err, out)
		}
	}
}

func TestTranslateToolkit(t *testing.T) {
	py := testenv.Python(t, "translate.storage.tbx", "apt-get install translate-toolkit")
	g := load(t, "testdata/glossary.yaml")
	file := filepath.Join(t.TempDir(), "g.tbx")
	if err := os.WriteFile(file, write(t, "tbx2", g, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", `import sys, json
from translate.storage import tbx
with open(sys.argv[1], 'rb') as f:
    store = tbx.tbxfile(f)
print(json.dumps([[u.getid(), str(u.source)] for u in store.units]))`, file).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var units [][2]string
	if err := json.Unmarshal(out, &units); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(units) != Count(g, "tbx2", nil) {
		t.Fatalf("Translate Toolkit read %d terms, want %d", len(units), Count(g, "tbx2", nil))
	}
	if units[0] != [2]string{"tokayev", "Kassym-Jomart Tokayev"} || units[1][0] != "_1tv" {
		t.Errorf("units = %v", units)
	}
}

func schemaDir(t *testing.T) string {
	dir, _ := os.Getwd()
	for {
		cand := filepath.Join(dir, "shared", "schemas")
		if _, err := os.Stat(filepath.Join(cand, "omegat-tbx.xsd")); err == nil {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			testenv.Missing(t, "../shared/schemas", "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
		}
		dir = parent
	}
}

func FuzzRead(f *testing.F) {
	g := load(f, "testdata/glossary.yaml")
	for _, format := range Formats {
		opt := Options{}
		if PairFormat(format) {
			opt.Langs = []string{"en", "ru"}
		}
		f.Add(format, write(f, format, g, opt))
	}
	f.Fuzz(func(t *testing.T, format string, data []byte) {
		entries, err := Read(bytes.NewReader(data), "fuzz", format, langs)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, e := range entries {
			if !glossary.ValidID(e.ID) || seen[e.ID] {
				t.Fatalf("bad or repeated id %q", e.ID)
			}
			seen[e.ID] = true
		}
		if _, err := Marshal(entries, "fuzz"); err != nil {
			t.Fatal(err)
		}
	})
}

// TestFormulaInjection: glossary cells a spreadsheet would evaluate are
// neutralised in CSV and TSV (a single quote in front; in CSV also
// quoted), and glossary import reads them back as they were.
func TestFormulaInjection(t *testing.T) {
	src := `terms:
  - id: evil
    kind: other
    note: '=HYPERLINK("http://evil.example/","x")'
    en: {term: "+1 rule", variants: ["-ly"]}
    ru: {term: "=ru"}
    kk: {term: "@home", forbidden: ["'=quoted already"]}
`
	g, probs := glossary.Parse("g.yaml", []byte(src), langs)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	opt := Options{Langs: []string{"en", "kk"}}
	want := map[string]string{
		"csv": `"'+1 rule","'@home","'=HYPERLINK(""http://evil.example/"",""x"")",evil,other,"'-ly",,,,,"''=quoted already",,` + "\n",
		"tsv": "'+1 rule\t'@home\t'=HYPERLINK(\"http://evil.example/\",\"x\")\tevil\tother\t'-ly\t\t\t\t\t''=quoted already\t\t\n",
	}
	for _, f := range []string{"csv", "tsv"} {
		data := write(t, f, g, opt)
		rows := strings.SplitAfter(string(data), "\n")
		if len(rows) < 2 || rows[1] != want[f] {
			t.Errorf("%s row:\n%q\nwant:\n%q", f, rows[1], want[f])
		}
		got, err := Read(bytes.NewReader(data), "x."+f, f, langs)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := yamlOf(t, got), yamlOf(t, restrict(g.Entries, opt.Langs)); a != b {
			t.Errorf("%s: the round trip changed the glossary:\n got:\n%s\nwant:\n%s", f, a, b)
		}
	}
}

// TestReadSemicolonCSV: Excel and LibreOffice in a Russian or Kazakh
// locale save "CSV" with semicolons between the cells. Such a file reads
// as the comma one does; it was read as one cell a row, and its whole
// rows became terms ("Congress;Конгресс;;congress;institution").
func TestReadSemicolonCSV(t *testing.T) {
	g := load(t, "testdata/glossary.yaml")
	opt := Options{Langs: []string{"en", "kk"}}
	comma := write(t, "csv", g, opt)
	// The file as Excel saves it with ";": cells holding ";" or quotes
	// quoted, the rest as they are (commas too).
	recs, err := csv.NewReader(bytes.NewReader(comma)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var semi bytes.Buffer
	w := csv.NewWriter(&semi)
	w.Comma = ';'
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(semi.String(), ";") || strings.Count(semi.String(), ";") < strings.Count(string(comma), ",") {
		t.Fatal("the semicolon file has no semicolons")
	}
	want, err := Read(bytes.NewReader(comma), "g.csv", "csv", langs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(semi.Bytes()), "g.csv", "csv", langs)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := yamlOf(t, got), yamlOf(t, want); a != b {
		t.Errorf("semicolons:\n%s\ncommas:\n%s", a, b)
	}
	// OmegaT's layout without a header, a comma in a comment.
	got, err = Read(strings.NewReader("Almaty;Алматы;largest city, former capital\nKaraganda;Қарағанды\n"), "omegat.csv", "csv", []string{"en", "kk"})
	if err != nil {
		t.Fatal(err)
	}
	if s := yamlOf(t, got); !strings.Contains(s, "kk: {term: Алматы}") || !strings.Contains(s, "note: largest city, former capital") {
		t.Errorf("a headerless semicolon file:\n%s", s)
	}
	// A comma file whose cells hold semicolons (lists) stays a comma file.
	got, err = Read(strings.NewReader("Almaty,Алматы,city; largest\n"), "omegat.csv", "csv", []string{"en", "kk"})
	if err != nil || !strings.Contains(yamlOf(t, got), "note: city; largest") {
		t.Errorf("a comma file with a semicolon: %v\n%s", err, yamlOf(t, got))
	}
}
