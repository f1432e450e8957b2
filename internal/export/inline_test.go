package export

import (
	"bytes"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
)

// formattedPages is an article imported from HTML in English and Russian:
// bold, italic, code and a link inside paragraphs (<b> and <i> in English
// where the Russian has <strong> and <em>), a paragraph bold as a whole,
// bold over a sentence boundary, and a Russian bold with no English
// counterpart.
var formattedPages = map[string]string{
	"en": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Prison reform</title></head><body>
<h1>Prison reform</h1>
<p>The <b>prison</b> reform was <i>announced</i> today. Officials said <a href="https://example.org/a?b=1&amp;c=2">more</a> would follow. It is <strong>final</strong>.</p>
<p><strong>A whole bold paragraph.</strong></p>
<p>Code: <code>ls -l</code> and <em>stress</em>. <strong>Two sentences. In bold</strong> end.</p>
</body></html>`,
	"ru": `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Тюремная реформа</title></head><body>
<h1>Тюремная реформа</h1>
<p><strong>Тюремная</strong> реформа была <em>объявлена</em> сегодня. Чиновники сказали, что <a href="https://example.org/ru">ещё</a> последует. Это <strong>окончательно</strong>.</p>
<p><strong>Целый жирный абзац.</strong></p>
<p>Код: <code>ls -l</code> и <em>ударение</em> <strong>лишнее</strong>. <strong>Два предложения. Жирным</strong> конец.</p>
</body></html>`,
}

var formattedGroups = []groupSpec{
	{document.Aligned, "", [3][]string{{"# Prison reform"}, {"# Тюремная реформа"}}},
	{document.Aligned, "", [3][]string{{"The prison reform was announced today."}, {"Тюремная реформа была объявлена сегодня."}}},
	{document.Aligned, "", [3][]string{{"Officials said more would follow."}, {"Чиновники сказали, что ещё последует."}}},
	{document.Aligned, "", [3][]string{{"It is final."}, {"Это окончательно."}}},
	{document.Aligned, "", [3][]string{{"A whole bold paragraph."}, {"Целый жирный абзац."}}},
	{document.Aligned, "", [3][]string{{"Code: ls -l and stress."}, {"Код: ls -l и ударение лишнее."}}},
	{document.Aligned, "", [3][]string{{"Two sentences.", "In bold end."}, {"Два предложения. Жирным конец."}}},
}

// newHTMLDoc imports pages (by language) as HTML into a new workspace, with
// their formatting, and aligns them as groups says.
func newHTMLDoc(t testing.TB, id string, pages map[string]string, groups []groupSpec) (*document.Document, *document.Alignment) {
	t.Helper()
	files := map[string][]byte{}
	for l, page := range pages {
		files[l] = []byte(page)
	}
	return newImportedDoc(t, id, docformat.HTML, files, groups)
}

// newImportedDoc imports files (by language) of format into a new
// workspace, with their formatting, and aligns them as groups says.
func newImportedDoc(t testing.TB, id string, format docformat.Format, files map[string][]byte, groups []groupSpec) (*document.Document, *document.Alignment) {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langs3 {
		data, ok := files[l]
		if !ok {
			continue
		}
		name := l + "." + string(format)
		doc, err := docformat.Read(format, name, data)
		if err != nil {
			t.Fatal(err)
		}
		opt := document.ImportOptions{Now: time.Date(2019, 7, 31, 12, 0, 0, 0, time.UTC), Stored: true, Title: doc.Title,
			Formatting: &document.Formatting{From: string(format), Spans: doc.Spans}}
		if _, err := document.ImportText(ws, id, l, doc.Text, name, opt); err != nil {
			t.Fatal(err)
		}
	}
	d, err := document.Open(ws, id)
	if err != nil {
		t.Fatal(err)
	}
	return d, saveGroups(t, d, groups)
}

// TestTMXInlineCodes: the formatting of an imported HTML article goes into
// the TMX as inline codes numbered as OmegaT numbers the tags of the
// paragraph; the text read back is the plain text, and the file is valid.
func TestTMXInlineCodes(t *testing.T) {
	d, a := newHTMLDoc(t, "formatted", formattedPages, formattedGroups)
	for _, units := range []string{UnitsSentences, UnitsGroups} {
		out := string(render(t, "tmx", d, a, Options{Langs: []string{"en", "ru"}, Units: units}))
		for _, want := range []string{
			// the tags of a paragraph numbered from its first (x = number + 1)
			// (the page's own elements; the Russian's named as the English's,
			// as OmegaT names tags after them)
			`<seg>The <bpt i="1" x="1">&lt;b&gt;</bpt>prison<ept i="1">&lt;/b&gt;</ept> reform was <bpt i="2" x="2">&lt;i&gt;</bpt>announced<ept i="2">&lt;/i&gt;</ept> today.</seg>`,
			`<seg><bpt i="1" x="1">&lt;b&gt;</bpt>Тюремная<ept i="1">&lt;/b&gt;</ept> реформа была <bpt i="2" x="2">&lt;i&gt;</bpt>объявлена<ept i="2">&lt;/i&gt;</ept> сегодня.</seg>`,
			// the numbering goes on into the paragraph's next sentence; the href escaped
			`<seg>Officials said <bpt i="1" x="3">&lt;a href="https://example.org/a?b=1&amp;amp;c=2"&gt;</bpt>more<ept i="1">&lt;/a&gt;</ept> would follow.</seg>`,
			`<seg>Чиновники сказали, что <bpt i="1" x="3">&lt;a href="https://example.org/ru"&gt;</bpt>ещё<ept i="1">&lt;/a&gt;</ept> последует.</seg>`,
			// a paragraph bold as a whole: OmegaT leaves those tags out of the segment
			`<seg>A whole bold paragraph.</seg>`, `<seg>Целый жирный абзац.</seg>`,
			// a target tag with no source counterpart is left out, its text kept
			`<seg>Код: <bpt i="1" x="1">&lt;code&gt;</bpt>ls -l<ept i="1">&lt;/code&gt;</ept> и <bpt i="2" x="2">&lt;em&gt;</bpt>ударение<ept i="2">&lt;/em&gt;</ept> лишнее.</seg>`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %s in\n%s", units, want, out)
			}
		}
		// bold over a sentence boundary: an isolated start and end (the
		// group is 2-1: its sentences are in the partial file)
		if units == UnitsSentences {
			out := string(render(t, "tmx", d, a, Options{Langs: []string{"en", "ru"}, Units: UnitsPartial}))
			for _, want := range []string{
				`<seg><it pos="begin" x="3">&lt;strong&gt;</it>Two sentences.</seg>`,
				`<seg>In bold<it pos="end" x="3">&lt;/strong&gt;</it> end.</seg>`,
			} {
				if !strings.Contains(out, want) {
					t.Errorf("%s: no %s in\n%s", units, want, out)
				}
			}
		}
		m, err := tmx.Read(strings.NewReader(out), "formatted.tmx")
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Units[1].Variant("en").Text; got != "The prison reform was announced today." {
			t.Errorf("%s: read back %q", units, got)
		}
		if units == UnitsGroups {
			golden(t, "golden/formatted.tmx", []byte(out))
		}
	}
}

// TestTMXInlineCodesValid: the TMX with inline codes is valid against the
// TMX 1.4 DTD and schema (and Translate Toolkit reads it: inlineToolkit).
func TestTMXInlineCodesValid(t *testing.T) {
	lint := xmllint(t)
	dir := schemas(t)
	file, markup := inlineTMXFiles(t)
	dtd, err := os.ReadFile(filepath.Join(dir, "omegat-tmx14.dtd"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(file), tmx.DTDName), dtd, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--valid"}, {"--schema", filepath.Join(dir, "omegat-tmx14.xsd")}} {
		if out, err := exec.Command(lint, append([]string{"--noout", "--nonet"}, append(args, file, markup)...)...).CombinedOutput(); err != nil {
			t.Errorf("xmllint %s: %v\n%s", args[0], err, out)
		}
	}
}

// inlineTMXFiles writes, in a folder of their own, the TMX of the
// formatted article with inline codes and that of the markup OmegaT's test
// page has (elements, nesting, spaces).
func inlineTMXFiles(t *testing.T) (file, markup string) {
	t.Helper()
	tmp := t.TempDir()
	d, a := newHTMLDoc(t, "formatted", formattedPages, formattedGroups)
	file = filepath.Join(tmp, "formatted.tmx")
	if err := os.WriteFile(file, render(t, "tmx", d, a, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	md, ma := newHTMLDoc(t, "markup", markupPages, markupGroups)
	markup = filepath.Join(tmp, "markup.tmx")
	if err := os.WriteFile(markup, render(t, "tmx", md, ma, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, markup
}

// inlineToolkit: Translate Toolkit reads the TMX with inline codes with
// the HTML of the codes in the text, as it reads other tools' TMX (the
// files of TestTMXInlineCodesValid).
func inlineToolkit(t *testing.T) toolkitCheck {
	file, markup := inlineTMXFiles(t)
	return toolkitCheck{"inline-codes", [][2]string{{"tmx", file}, {"tmx", markup}}, func(t *testing.T, read [][][2]string) {
		for i, want := range [][2]string{
			{"The <b>prison</b> reform was <i>announced</i> today.", "<b>Тюремная</b> реформа была <i>объявлена</i> сегодня."},
			{"Water reached 10<sup>4</sup> homes.", "Вода дошла до 10<sup>4</sup> домов."},
		} {
			if !slices.Contains(read[i], want) {
				t.Errorf("Translate Toolkit did not read %q: %q", want, read[i])
			}
		}
	}}
}

// TestTMXCodesWrite: tmx.Write refuses codes out of order or unpaired,
// which would give an invalid file or one OmegaT empties the segment of.
func TestTMXCodesWrite(t *testing.T) {
	for _, codes := range [][]tmx.Code{
		{{At: 3, Kind: tmx.Begin, I: 1}, {At: 1, Kind: tmx.End, I: 1}},
		{{At: 1, Kind: tmx.End, I: 1}},
		{{At: 1, Kind: tmx.Begin, I: 1}},
		{{At: 99, Kind: tmx.Standalone}},
	} {
		m := &tmx.TMX{Header: tmx.Header{CreationTool: "t", CreationToolVersion: "1", SegType: "sentence", OTMF: "t", AdminLang: "en", SrcLang: "en", DataType: "plaintext"},
			Units: []tmx.Unit{{Variants: []tmx.Variant{{Lang: "en", Text: "abcdef", Codes: codes}}}}}
		if _, err := tmx.Write(&bytes.Buffer{}, m); err == nil {
			t.Errorf("codes %+v written", codes)
		}
	}
}

// TestLocalizedHTMLTags: the article page writes bold, italic and code
// with the element the imported page had (<b>, <i>, <kbd>), as the TMX's
// codes name them, so that a CAT tool's tags of tilmash's page and of the
// original are the same; a tag: in LANG.format.yaml that is not such an
// element (a hand edit) gives the page's own.
func TestLocalizedHTMLTags(t *testing.T) {
	d, _ := newHTMLDoc(t, "formatted", formattedPages, formattedGroups)
	var page bytes.Buffer
	if err := Localized(&page, "html", d, "en", Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`The <b>prison</b> reform was <i>announced</i> today.`,
		`It is <strong>final</strong>.`,
		`Code: <code>ls -l</code> and <em>stress</em>.`,
	} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("no %s in\n%s", want, page.String())
		}
	}
	text, err := d.Text("en")
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(text, "prison")
	f := &document.Formatting{Text: document.Hash(text), From: "html", Spans: []docformat.Span{
		{Start: at, End: at + 6, Kind: docformat.Bold, Tag: `script onload="x"`, Text: "prison"}}}
	if err := os.WriteFile(filepath.Join(d.WS.Root, document.Folder, d.ID, document.FormatName("en")), f.Marshal("en"), 0o644); err != nil {
		t.Fatal(err)
	}
	page.Reset()
	if err := Localized(&page, "html", d, "en", Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), "The <strong>prison</strong> reform") || strings.Contains(page.String(), "<script") {
		t.Errorf("a hand-edited tag reached the page:\n%s", page.String())
	}
}

// TestTMXInlineCodesAcrossParagraphs: a group over a paragraph break
// numbers its codes in order, x unique in the segment (each paragraph
// numbers its own from 1), and the target's follow them.
func TestTMXInlineCodesAcrossParagraphs(t *testing.T) {
	pages := map[string]string{
		"en": `<article><p>One <b>bold</b> word.</p><p>Two <b>more</b> words.</p></article>`,
		"ru": `<article><p>Одно <b>жирное</b> слово. Ещё <b>два</b> слова.</p></article>`,
	}
	groups := []groupSpec{{document.Aligned, "", [3][]string{{"One bold word.", "Two more words."}, {"Одно жирное слово.", "Ещё два слова."}}}}
	d, a := newHTMLDoc(t, "paras", pages, groups)
	out := string(render(t, "tmx", d, a, Options{Langs: []string{"en", "ru"}, Units: UnitsGroups}))
	for _, want := range []string{
		`<seg>One <bpt i="1" x="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> word. Two <bpt i="2" x="2">&lt;b&gt;</bpt>more<ept i="2">&lt;/b&gt;</ept> words.</seg>`,
		`<seg>Одно <bpt i="1" x="1">&lt;b&gt;</bpt>жирное<ept i="1">&lt;/b&gt;</ept> слово. Ещё <bpt i="2" x="2">&lt;b&gt;</bpt>два<ept i="2">&lt;/b&gt;</ept> слова.</seg>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
}

// TestTMXInlineCodesRandom exports random documents with random formatting
// (bold, italic, code, links and elements, from <b>, <strong>, <i>,
// <kbd>, <sup>…, holding the space beside them or not, nested,
// over sentence ends and paragraph breaks) in every cut, and checks what
// a reader relies on: Write accepts the codes (in order, each End after
// its Begin), the file is read back and valid against the TMX 1.4 DTD
// (xmllint, when it and ../shared/schemas are there), and the text of
// every variant is the text of the same export without formatting.
func TestTMXInlineCodesRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	kinds := []struct{ kind, tag string }{
		{docformat.Bold, ""}, {docformat.Bold, "b"}, {docformat.Italic, ""}, {docformat.Italic, "i"},
		{docformat.Code, "kbd"}, {docformat.Link, ""}, {docformat.Element, "sup"}, {docformat.Element, "span"},
	}
	coded := 0
	tmp := t.TempDir()
	var files []string
	defer func() {
		if coded == 0 {
			t.Error("no inline code was written")
		}
		// every file valid against the TMX 1.4 DTD, in one xmllint run
		lint, err := exec.LookPath("xmllint")
		dtd, derr := os.ReadFile(filepath.Join(schemas(t), "omegat-tmx14.dtd"))
		if err != nil || derr != nil {
			return
		}
		if err := os.WriteFile(filepath.Join(tmp, tmx.DTDName), dtd, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(lint, append([]string{"--noout", "--nonet", "--valid"}, files...)...).CombinedOutput(); err != nil {
			t.Errorf("xmllint: %v\n%s", err, out)
		}
	}()
	for n := range *cutDocs {
		texts, groups := randomDoc(rng)
		d, a := newDoc(t, "random-"+strconv.Itoa(n), texts, groups)
		plain := map[string]string{}
		for _, units := range Units {
			plain[units] = string(render(t, "tmx", d, a, Options{Units: units}))
		}
		for _, l := range langs3 {
			text, err := d.Text(l)
			if err != nil || len(text) < 2 {
				continue
			}
			var spans []docformat.Span
			for range 1 + rng.Intn(12) {
				s := rng.Intn(len(text) - 1)
				e := s + 1 + rng.Intn(min(40, len(text)-s-1)+1)
				e = min(e, len(text))
				for s < e && !utf8.RuneStart(text[s]) {
					s++
				}
				for e < len(text) && !utf8.RuneStart(text[e]) {
					e++
				}
				if s >= e || strings.Contains(text[s:e], "\n\n") {
					continue
				}
				k := kinds[rng.Intn(len(kinds))]
				sp := docformat.Span{Start: s, End: e, Kind: k.kind, Tag: k.tag, Text: text[s:e]}
				sp.Space = []string{"", docformat.SpaceStart, docformat.SpaceEnd, docformat.SpaceBoth}[rng.Intn(4)]
				if k.kind == docformat.Link {
					sp.Href = "https://example.org/?a=1&b=<2>"
				}
				spans = append(spans, sp)
			}
			f := &document.Formatting{Text: document.Hash(text), From: "html", Spans: docformat.Tidy(text, spans)}
			checkPieces(t, parseArticle(l, text, f))
			if err := os.WriteFile(filepath.Join(d.WS.Root, document.Folder, d.ID, document.FormatName(l)), f.Marshal(l), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, units := range Units {
			var buf bytes.Buffer
			if err := Write(&buf, "tmx", d, a, Options{Units: units}); err != nil {
				t.Fatalf("doc %d %s: %v", n, units, err)
			}
			coded += bytes.Count(buf.Bytes(), []byte("<bpt")) + bytes.Count(buf.Bytes(), []byte("<it"))
			file := filepath.Join(tmp, strconv.Itoa(n)+"-"+units+".tmx")
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, file)
			got, err := tmx.Read(bytes.NewReader(buf.Bytes()), "random.tmx")
			if err != nil {
				t.Fatalf("doc %d %s: %v", n, units, err)
			}
			want, err := tmx.Read(strings.NewReader(plain[units]), "plain.tmx")
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Units) != len(want.Units) {
				t.Fatalf("doc %d %s: %d units, want %d", n, units, len(got.Units), len(want.Units))
			}
			for i := range got.Units {
				for j, v := range got.Units[i].Variants {
					if w := want.Units[i].Variants[j].Text; v.Text != w {
						t.Errorf("doc %d %s unit %s %s: %q, want %q", n, units, got.Units[i].ID, v.Lang, v.Text, w)
					}
				}
			}
		}
	}
}

// checkPieces checks what the article page relies on in every block's
// pieces: the tags nest (each closing tag closes the innermost open one,
// all are closed), the text is the block's, and the tags around the whole
// block (wrap) are only at its edges.
func checkPieces(t *testing.T, a *article) {
	t.Helper()
	for bi, b := range a.blocks {
		if b.pieces == nil {
			continue
		}
		var stack []int
		var text strings.Builder
		inside := false
		for i, p := range b.pieces {
			switch {
			case p.Break:
				text.WriteString("\n")
			case !p.isTag():
				text.WriteString(p.Text)
			case p.shape == tmx.Begin:
				stack = append(stack, i)
			default:
				if len(stack) == 0 || stack[len(stack)-1] != p.pair || b.pieces[p.pair].pair != i {
					t.Fatalf("block %d: piece %d closes %d, open: %v (%+v)", bi, i, p.pair, stack, b.pieces)
				}
				stack = stack[:len(stack)-1]
			}
			if !p.wrap {
				inside = true
			} else if inside && p.shape == tmx.Begin {
				t.Errorf("block %d: an opening tag around the block after its text: %+v", bi, b.pieces)
			}
		}
		if len(stack) > 0 {
			t.Errorf("block %d: tags left open: %+v", bi, b.pieces)
		}
		if got := text.String(); got != b.text {
			t.Errorf("block %d: pieces hold %q, the block %q", bi, got, b.text)
		}
	}
}

// TestArticlePieces: the article page writes the recorded spans as tags
// that nest as the spans do, reopening a span another one's end cuts;
// an element span writes its element only when docformat.Elements lists
// it; the TMX numbers the tags of a block as OmegaT does, leaving out
// those around the whole block.
func TestArticlePieces(t *testing.T) {
	type sp struct {
		from, to      string // the span runs from the first from to the end of the first to after it
		kind, tag, ln string
		space         string
	}
	for _, c := range []struct {
		text  string
		spans []sp
		page  string
		tags  string // pageTags: html and number
	}{
		{"Help lines are open today.", []sp{{"Help", "open", docformat.Link, "", "https://x.org/?a=1&b=2", ""}, {"Help", "lines", docformat.Bold, "b", "", ""}},
			`<a href="https://x.org/?a=1&amp;b=2"><b>Help lines</b> are open</a> today.`,
			`<a href="https://x.org/?a=1&amp;b=2">0 <b>1 </b>1 </a>0`},
		{"one two three four", []sp{{"one", "two", docformat.Bold, "", "", ""}, {"two", "three", docformat.Italic, "", "", ""}},
			`<strong>one <em>two</em></strong><em> three</em> four`,
			`<strong>0 <em>1 </em>1 </strong>0 <em>2 </em>2`},
		{"A whole bold line with italics.", []sp{{"A", "italics.", docformat.Bold, "", "", ""}, {"with", "italics", docformat.Italic, "", "", ""}},
			`<strong>A whole bold line <em>with italics</em>.</strong>`,
			`<em>0 </em>0`},
		{"E = mc2 and x.", []sp{{"2", "2", docformat.Element, "sup", "", ""}, {"x", "x", docformat.Element, `script src="e"`, "", ""}},
			`E = mc<sup>2</sup> and x.`,
			`<sup>0 </sup>0`},
		{"Line one\nline two.", []sp{{"Line", "two.", docformat.Element, "span", "", ""}},
			`<span>Line one<br>line two.</span>`,
			`<br>0`},
		{"Officers left the scene. Crews worked.", []sp{{"left", "left", docformat.Bold, "b", "", docformat.SpaceEnd}, {"worked", "worked", docformat.Italic, "", "", docformat.SpaceStart}, {"scene", "scene.", docformat.Element, "u", "", docformat.SpaceBoth}},
			`Officers <b>left </b>the<u> scene. </u>Crews<em> worked</em>.`,
			`<b>0 </b>0 <u>1 </u>1 <em>2 </em>2`},
	} {
		var spans []docformat.Span
		for _, s := range c.spans {
			i := strings.Index(c.text, s.from)
			j := i + strings.Index(c.text[i:], s.to) + len(s.to)
			spans = append(spans, docformat.Span{Start: i, End: j, Kind: s.kind, Tag: s.tag, Href: s.ln, Space: s.space})
		}
		f := &document.Formatting{Spans: docformat.Tidy(c.text, spans)}
		a := parseArticle("en", c.text, f)
		checkPieces(t, a)
		var page bytes.Buffer
		if err := articlePage.Get().ExecuteTemplate(&page, "pieces", a.blocks[0].Pieces()); err != nil {
			t.Fatal(err)
		}
		if page.String() != c.page {
			t.Errorf("%q: page %s, want %s", c.text, page.String(), c.page)
		}
		var tags []string
		for _, pt := range pageTags(a) {
			tags = append(tags, pt.html+strconv.Itoa(pt.n))
		}
		if got := strings.Join(tags, " "); got != c.tags {
			t.Errorf("%q: tags %s, want %s", c.text, got, c.tags)
		}
	}
}

// TestMarkdownTouchingSpans: two bold spans next to each other (an HTML
// page's <b>Update</b><b>:</b>, kept apart for the CAT tools) are one
// strong emphasis in Markdown, which cannot close and open it again
// between two letters.
func TestMarkdownTouchingSpans(t *testing.T) {
	text := "Update: roads reopened."
	f := &document.Formatting{Spans: []docformat.Span{{Start: 0, End: 6, Kind: docformat.Bold, Tag: "b", Text: "Update"}, {Start: 6, End: 7, Kind: docformat.Bold, Tag: "b", Text: ":"}}}
	a := parseArticle("en", text, f)
	if got, want := mdRuns(a.blocks[0], ""), "**Update:** roads reopened."; got != want {
		t.Errorf("markdown %q, want %q", got, want)
	}
}

// TestLocalizedHTMLMarkup: tilmash's page of markupPages writes the
// elements, the nesting, the spaces and a heading's italic as the
// original had them, so that a CAT tool's tags of both pages are the same.
func TestLocalizedHTMLMarkup(t *testing.T) {
	d, _ := newHTMLDoc(t, "markup", markupPages, markupGroups)
	var page bytes.Buffer
	if err := Localized(&page, "html", d, "en", Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<p>The river rose by <span>three</span> metres overnight. Water reached 10<sup>4</sup> homes.</p>`,
		`<p>Shops <u>stayed</u> open and the <a>market</a> too.</p>`,
		`<p><a href="https://example.org/f"><b>Help lines</b> are open</a> today.</p>`,
		`<p>Officers <b>left </b>the <a href="https://example.org/g">scene </a>quietly.</p>`,
		`<p><b>Update</b><b>:</b> roads reopened.</p>`,
		`<h2>Roads <i>still</i> shut</h2>`,
	} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("no %s in\n%s", want, page.String())
		}
	}
}

// TestTMXInlineCodesAfterSpace: a bold that holds the space after its
// sentence (<b>Power failed. </b>Lines went down.) ends after that space,
// so its closing tag starts the next sentence's unit, as OmegaT's segment
// "</b0>Lines went down." has it.
func TestTMXInlineCodesAfterSpace(t *testing.T) {
	pages := map[string]string{
		"en": `<article><p><b>Power failed. </b>Lines went down.</p></article>`,
		"ru": `<article><p><strong>Свет отключился. </strong>Линии оборвались.</p></article>`,
	}
	groups := []groupSpec{
		{document.Aligned, "", [3][]string{{"Power failed."}, {"Свет отключился."}}},
		{document.Aligned, "", [3][]string{{"Lines went down."}, {"Линии оборвались."}}},
	}
	d, a := newHTMLDoc(t, "space", pages, groups)
	out := string(render(t, "tmx", d, a, Options{Langs: []string{"en", "ru"}}))
	for _, want := range []string{
		`<seg><it pos="begin" x="1">&lt;b&gt;</it>Power failed.</seg>`,
		`<seg><it pos="end" x="1">&lt;/b&gt;</it>Lines went down.</seg>`,
		`<seg><it pos="end" x="1">&lt;/b&gt;</it>Линии оборвались.</seg>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
}
