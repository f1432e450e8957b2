package segment

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/testenv"
)

func defaultSets(t testing.TB) map[string]*Rules {
	t.Helper()
	sets := map[string]*Rules{}
	for _, lang := range Languages() {
		r, err := DefaultRules(lang)
		if err != nil {
			t.Fatal(err)
		}
		sets[lang] = r
	}
	return sets
}

func exportDefaults(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSRX(&buf, defaultSets(t)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSRXRoundTrip exports the built-in rules, imports them again and
// checks that the rules and the segmentation are the same.
func TestSRXRoundTrip(t *testing.T) {
	data := exportDefaults(t)
	sets, err := ReadSRX(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	inputs := fixtureTexts(t)
	if shared := sharedDir(); shared != "" {
		for _, lang := range Languages() {
			ids, docs := ntrexDocs(t, filepath.Join(shared, "corpora", "ntrex-dev"), lang)
			for _, id := range ids {
				inputs = append(inputs, paragraphs(docs[id], id))
			}
		}
	}
	for _, lang := range Languages() {
		orig, _ := DefaultRules(lang)
		back, ok := sets[lang]
		if !ok {
			t.Fatalf("%s: missing after the round trip", lang)
		}
		if len(back.Rules) != len(orig.Rules) {
			t.Fatalf("%s: %d rules after the round trip, want %d", lang, len(back.Rules), len(orig.Rules))
		}
		for i, x := range orig.Rules {
			y := back.Rules[i]
			if x.Name != y.Name || x.Break != y.Break || !slices.Equal(x.Abbreviations, y.Abbreviations) ||
				orig.BeforePattern(x) != back.BeforePattern(y) || orig.AfterPattern(x) != back.AfterPattern(y) {
				t.Errorf("%s rule %d changed:\n%+v\n%+v", lang, i+1, x, y)
			}
		}
		a, b := New(orig), New(back)
		for _, in := range inputs {
			if x, y := texts(a.Segment(in)), texts(b.Segment(in)); !slices.Equal(x, y) {
				t.Errorf("%s: segmentation differs after the round trip:\n%q\n%q", lang, x, y)
			}
		}
	}
}

// TestSRXSchema validates the export against the SRX 2.0 schema with
// xmllint (Debian package libxml2-utils).
func TestSRXSchema(t *testing.T) {
	xmllint := testenv.Command(t, "xmllint", "apt-get install libxml2-utils")
	shared := sharedDir()
	if shared == "" {
		testenv.Missing(t, "../shared/schemas", "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
	}
	schema := filepath.Join(shared, "schemas", "srx20-local.xsd")
	if _, err := os.Stat(schema); err != nil {
		testenv.Missing(t, schema, "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
	}
	file := filepath.Join(t.TempDir(), "rules.srx")
	if err := os.WriteFile(file, exportDefaults(t), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema, file).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
}

const srxHead = `<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" xmlns:okpsrx="http://okapi.sf.net/srx-extensions" version="2.0">
`

// TestReadSRXForeign reads a file in the style OmegaT and Okapi write:
// Java escapes, a default rule set for every language, cascading maps and
// foreign extension elements.
func TestReadSRXForeign(t *testing.T) {
	in := srxHead + `<header segmentsubflows="yes" cascade="yes">
  <formathandle type="start" include="no"/>
  <okpsrx:options oneSegmentIncludesAll="no" trimLeadingWhitespaces="no"/>
</header>
<body>
  <languagerules>
    <languagerule languagerulename="Russian">
      <rule break="no"><beforebreak>\b[Гг]\.</beforebreak><afterbreak>\s</afterbreak></rule>
    </languagerule>
    <languagerule languagerulename="Default">
      <rule break="no"><beforebreak>\p{javaUpperCase}\.</beforebreak><afterbreak>\s</afterbreak></rule>
      <rule><beforebreak>[\.\?!\u2026]+</beforebreak><afterbreak>\s</afterbreak></rule>
    </languagerule>
  </languagerules>
  <maprules>
    <languagemap languagepattern="RU.*" languagerulename="Russian"/>
    <languagemap languagepattern=".*" languagerulename="Default"/>
  </maprules>
</body>
</srx>`
	sets, err := ReadSRX(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) != 3 {
		t.Fatalf("got %d languages, want en, ru and kk", len(sets))
	}
	ru := sets["ru"]
	if len(ru.Rules) != 3 || ru.Rules[0].Before != `\b[Гг]\.` || ru.Rules[1].Before != `\p{Lu}\.` || ru.Rules[2].Before != `[\.\?!\x{2026}]+` || !ru.Rules[2].Break {
		t.Fatalf("ru rules = %+v", ru.Rules)
	}
	if len(sets["en"].Rules) != 2 {
		t.Errorf("en rules = %+v, want the two default rules", sets["en"].Rules)
	}
	got := texts(New(sets["en"]).Segment("Wait… It works. A. Smith agrees."))
	if want := []string{"Wait…", "It works.", "A. Smith agrees."}; !slices.Equal(got, want) {
		t.Errorf("segments = %q, want %q", got, want)
	}
}

func TestReadSRXNoCascade(t *testing.T) {
	in := srxHead + `<header segmentsubflows="yes" cascade="no"/>
<body><languagerules>
  <languagerule languagerulename="a"><rule break="yes"><beforebreak>;</beforebreak></rule></languagerule>
  <languagerule languagerulename="b"><rule break="yes"><beforebreak>,</beforebreak></rule></languagerule>
</languagerules><maprules>
  <languagemap languagepattern="kk" languagerulename="a"/>
  <languagemap languagepattern=".*" languagerulename="b"/>
</maprules></body></srx>`
	sets, err := ReadSRX(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if kk := sets["kk"].Rules; len(kk) != 1 || kk[0].Before != ";" {
		t.Errorf("kk rules = %+v, want only the first matching map", kk)
	}
	if en := sets["en"].Rules; len(en) != 1 || en[0].Before != "," {
		t.Errorf("en rules = %+v", en)
	}
}

// TestReadSRXErrors checks that bad files give errors that say what and
// where.
func TestReadSRXErrors(t *testing.T) {
	body := func(rules string) string {
		return srxHead + `<header segmentsubflows="yes" cascade="no"/>
<body><languagerules>
  <languagerule languagerulename="all">` + rules + `</languagerule>
</languagerules><maprules><languagemap languagepattern=".*" languagerulename="all"/></maprules></body></srx>`
	}
	tests := []struct {
		name, in  string
		id        string
		line, col int
		text      string
	}{
		{"malformed", srxHead + "<header segmentsubflows=\"yes\" cascade=\"no\">\n<body></header>", "segment.srx.syntax", 4, 7, "malformed"},
		{"unclosed", srxHead + "<header", "segment.srx.syntax", 3, 0, "malformed"},
		{"empty", "", "segment.srx.root", 1, 1, "empty"},
		{"not srx", `<?xml version="1.0"?><tmx version="1.4"/>`, "segment.srx.root", 1, 22, "<tmx>"},
		{"version", `<srx xmlns="http://www.lisa.org/srx20" version="1.0"/>`, "segment.srx.version", 1, 1, "1.0"},
		{"break value", body(`<rule break="maybe"><beforebreak>x</beforebreak></rule>`), "segment.srx.break", 5, 40, "maybe"},
		{"bad regex", body("\n    <rule break=\"yes\"><beforebreak>[.?!</beforebreak></rule>"), "segment.rule.regex", 6, 5, "languagerule all, rule 1"},
		{"look-behind", body(`<rule break="no"><beforebreak>(?&lt;=Mr)\.</beforebreak></rule>`), "segment.rule.lookaround", 5, 40, "look-behind"},
		{"undefined set", srxHead + `<header segmentsubflows="yes" cascade="no"/><body><languagerules><languagerule languagerulename="a"><rule/></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="b"/></maprules></body></srx>`, "segment.srx.rule-set", 3, 149, `b`},
		{"no languages", srxHead + `<header segmentsubflows="yes" cascade="no"/><body><languagerules><languagerule languagerulename="a"><rule/></languagerule></languagerules><maprules><languagemap languagepattern="de.*" languagerulename="a"/></maprules></body></srx>`, "segment.srx.no-languages", 0, 0, "en, kk, ru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadSRX(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			var m interface {
				MessageID() string
				TemplateData() map[string]any
			}
			if !errors.As(err, &m) || m.MessageID() != tt.id {
				t.Fatalf("error %v (%T), want message %s", err, err, tt.id)
			}
			var line, col int
			if le := (*locale.Error)(nil); errors.As(err, &le) && le.Pos != nil {
				line, col = le.Pos.Line, le.Pos.Column
			}
			if line != tt.line || tt.col > 0 && col != tt.col {
				t.Errorf("position %d:%d, want %d:%d (%v)", line, col, tt.line, tt.col, err)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("error %q does not mention %q", err, tt.text)
			}
		})
	}
}

// TestLoadRulesSRX reads the SRX file a workspace names and reports errors
// in it with its name.
func TestLoadRulesSRX(t *testing.T) {
	dir := t.TempDir()
	in := srxHead + `<header segmentsubflows="yes" cascade="no"/><body><languagerules>
<languagerule languagerulename="semicolon"><rule break="yes"><beforebreak>;</beforebreak><afterbreak>\s</afterbreak></rule></languagerule>
</languagerules><maprules><languagemap languagepattern="en.*" languagerulename="semicolon"/></maprules></body></srx>`
	if err := os.WriteFile(filepath.Join(dir, "house.srx"), []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	en, err := LoadRules("en", dir, Overrides{SRX: "house.srx"})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(New(en).Segment("One; two. Three")); !slices.Equal(got, []string{"One;", "two. Three"}) {
		t.Errorf("en from SRX: %q", got)
	}
	ru, err := LoadRules("ru", dir, Overrides{SRX: "house.srx"})
	if err != nil {
		t.Fatal(err)
	}
	def, _ := DefaultRules("ru")
	if len(ru.Rules) != len(def.Rules) {
		t.Error("ru, which the file does not map, did not keep the built-in rules")
	}

	if err := os.WriteFile(filepath.Join(dir, "bad.srx"), []byte(srxHead+"<header"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = LoadRules("en", dir, Overrides{SRX: "bad.srx"})
	var se *locale.Error
	if !errors.As(err, &se) || se.Pos == nil || se.Pos.File != "bad.srx" || !strings.HasPrefix(err.Error(), "bad.srx:3:") {
		t.Errorf("error %v, want one that names bad.srx:3", err)
	}
	if _, err := LoadRules("en", dir, Overrides{SRX: "missing.srx"}); err == nil {
		t.Error("a missing SRX file gave no error")
	}
}

// FuzzReadSRX feeds arbitrary bytes to the SRX reader: it must return
// rules or an error, never panic, and rules it returns must compile.
func FuzzReadSRX(f *testing.F) {
	f.Add(string(exportDefaults(f)))
	f.Add(srxHead + `<header segmentsubflows="yes" cascade="yes"/><body><languagerules><languagerule languagerulename="x"><rule><beforebreak>\u0041\.</beforebreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>`)
	f.Add("<srx version=\"2.0\"><body/></srx>")
	f.Fuzz(func(t *testing.T, in string) {
		sets, err := ReadSRX(strings.NewReader(in))
		if err != nil {
			return
		}
		for lang, r := range sets {
			if _, err := Compile(r); err != nil {
				t.Fatalf("%s: rules from ReadSRX do not compile: %v", lang, err)
			}
		}
	})
}

// TestSRXEscaping round-trips names and patterns with characters that XML
// and its comments treat specially.
func TestSRXEscaping(t *testing.T) {
	r := &Rules{Lang: "en", Rules: []Rule{
		{Name: "a--b & <c>", Break: false, Before: `<&>"'`, After: `\s`},
		{Name: "trailing-", Break: true, Abbreviations: []string{"A|B.", "т. е."}, After: `\s`},
		{Break: true, Before: `[.?!]`, After: `\s`},
	}}
	var buf bytes.Buffer
	if err := WriteSRX(&buf, map[string]*Rules{"en": r}); err != nil {
		t.Fatal(err)
	}
	sets, err := ReadSRX(&buf)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	got := sets["en"].Rules
	if len(got) != 3 || got[0].Before != `<&>"'` || got[0].Name != "a- -b & <c>" ||
		!slices.Equal(got[1].Abbreviations, []string{"A|B.", "т. е."}) || got[1].Name != "trailing" || got[2].Name != "" {
		t.Errorf("after the round trip: %+v", got)
	}
}

// TestLoadRulesSRXOtherLanguage checks that an SRX file gives the rules of
// a language without built-in ones (de), as the hint of
// segment.lang.unsupported tells a person to do, and that a file that maps
// no rules to it says so, naming the file.
func TestLoadRulesSRXOtherLanguage(t *testing.T) {
	dir := t.TempDir()
	in := srxHead + `<header segmentsubflows="yes" cascade="no"/><body><languagerules>
<languagerule languagerulename="German">
  <rule break="no"><beforebreak>\bz\.B\.</beforebreak><afterbreak>\s</afterbreak></rule>
  <rule><beforebreak>[\.\?!]+</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
</languagerules><maprules><languagemap languagepattern="[Dd][Ee].*" languagerulename="German"/></maprules></body></srx>`
	if err := os.WriteFile(filepath.Join(dir, "house.srx"), []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	o := Overrides{SRX: "house.srx", Languages: []string{"en", "ru", "kk", "de"}}
	s, err := ForWorkspace("de", dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := texts(s.Segment("Ein Hai, z.B. ein Weißer Hai. Er biss zu! Dann floh er.")), []string{"Ein Hai, z.B. ein Weißer Hai.", "Er biss zu!", "Dann floh er."}; !slices.Equal(got, want) {
		t.Errorf("de from SRX: %q, want %q", got, want)
	}
	if s.Lang() != "de" {
		t.Errorf("Lang() = %q, want de", s.Lang())
	}
	// The built-in languages the file does not map keep their rules.
	if _, err := LoadRules("ru", dir, o); err != nil {
		t.Errorf("ru: %v", err)
	}

	_, err = LoadRules("fr", dir, o)
	var le *locale.Error
	if !errors.As(err, &le) || le.ID != "segment.srx.no-rules" || le.Data["Lang"] != "fr" || le.Pos == nil || le.Pos.File != "house.srx" {
		t.Errorf("fr, which the file does not map: error %v, want segment.srx.no-rules naming house.srx", err)
	}
	if _, err := LoadRules("fr", dir, Overrides{}); !errors.As(err, &le) || le.ID != "segment.lang.unsupported" {
		t.Errorf("fr without an SRX file: error %v, want segment.lang.unsupported", err)
	}
}
