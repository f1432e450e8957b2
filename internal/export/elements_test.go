package export

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/docformat"
)

// elementPages have the inline elements whose meaning the words alone do
// not keep: a superscript power, a subscript formula, a struck and an
// inserted word of a correction, underlining, highlighting and inline
// quotations (one with bold inside, one inside another), beside a <span>
// that means nothing to a reader.
var elementPages = map[string]string{
	"en": `<article><h1>Flood update</h1>
<p>Water reached 10<sup>4</sup> homes. Tests found H<sub>2</sub>S in <span class="x">two</span> wells.</p>
<p>The mayor <del>resigned</del> <ins>was dismissed</ins> on <u>Monday</u>, <mark>officials said</mark>.</p>
<p>She called it <q>a <b>hard</b> week</q>. He said <q>they told us <q>wait</q> again</q>.</p>
</article>`,
	"ru": `<article><h1>Паводок</h1>
<p>Министр назвал это <q>тяжелой неделей</q>.</p>
</article>`,
}

// TestArticleElements: the Markdown and Word articles keep the elements of
// an imported page that carry meaning, as the page does (10<sup>4</sup>
// homes were "104 homes" in both, a struck word read as said, a <q>
// lost its quotation marks), and leave a bare <span> out. tilmash's
// Markdown reader (and pandoc's GFM, when installed) take the Markdown's
// elements back.
func TestArticleElements(t *testing.T) {
	d, _ := newHTMLDoc(t, "elements", elementPages, nil)
	var md bytes.Buffer
	if err := Localized(&md, "md", d, "en", Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Water reached 10<sup>4</sup> homes. Tests found H<sub>2</sub>S in two wells.",
		"The mayor <del>resigned</del> <ins>was dismissed</ins> on <u>Monday</u>, <mark>officials said</mark>.",
		"She called it <q>a **hard** week</q>. He said <q>they told us <q>wait</q> again</q>.",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown article: no %s in\n%s", want, md.String())
		}
	}
	if strings.Contains(md.String(), "<span") {
		t.Errorf("Markdown article writes a bare <span>:\n%s", md.String())
	}
	back := docformat.ReadMarkdown(md.String())
	var tags []string
	for _, s := range back.Spans {
		if s.Kind == docformat.Element {
			tags = append(tags, s.Tag+":"+s.Text)
		}
	}
	if got, want := strings.Join(tags, " "), "sup:4 sub:2 del:resigned ins:was dismissed u:Monday mark:officials said q:a hard week q:they told us wait again q:wait"; got != want {
		t.Errorf("tilmash's Markdown reader took back the elements\n%s\nwant\n%s", got, want)
	}
	if pandoc, err := exec.LookPath("pandoc"); err == nil {
		cmd := exec.Command(pandoc, "-f", "gfm", "-t", "html")
		cmd.Stdin = bytes.NewReader(md.Bytes())
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pandoc: %v", err)
		}
		for _, want := range []string{"10<sup>4</sup>", "H<sub>2</sub>S", "<del>resigned</del>", "<q>a <strong>hard</strong> week</q>"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("pandoc -f gfm: no %s in\n%s", want, out)
			}
		}
	}

	var docx bytes.Buffer
	if err := Localized(&docx, "docx", d, "en", Options{}); err != nil {
		t.Fatal(err)
	}
	body := docxDocument(t, docx.Bytes())
	for _, want := range []string{
		`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">4</w:t></w:r>`,
		`<w:r><w:rPr><w:vertAlign w:val="subscript"/></w:rPr><w:t xml:space="preserve">2</w:t></w:r>`,
		`<w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">resigned</w:t></w:r>`,
		`<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">was dismissed</w:t></w:r>`,
		`<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">Monday</w:t></w:r>`,
		`<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">officials said</w:t></w:r>`,
		`<w:t xml:space="preserve">“a </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">hard</w:t></w:r><w:r><w:t xml:space="preserve"> week”</w:t>`,
		`<w:t xml:space="preserve">“they told us </w:t></w:r><w:r><w:t xml:space="preserve">‘wait’</w:t></w:r><w:r><w:t xml:space="preserve"> again”</w:t>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("Word article: no %s in\n%s", want, body)
		}
	}
	var txt bytes.Buffer
	if err := Localized(&txt, "txt", d, "en", Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "She called it “a hard week”. He said “they told us ‘wait’ again”.\n"; !strings.Contains(txt.String(), want) {
		t.Errorf("text article: no %s in\n%s", want, txt.String())
	}
	if !strings.Contains(txt.String(), "Water reached 104 homes.") {
		t.Errorf("text article: not the stored text outside quotations:\n%s", txt.String())
	}
	docx.Reset()
	if err := Localized(&docx, "docx", d, "ru", Options{}); err != nil {
		t.Fatal(err)
	}
	if body := docxDocument(t, docx.Bytes()); !strings.Contains(body, "«тяжелой неделей»") {
		t.Errorf("Russian Word article: no «тяжелой неделей» in\n%s", body)
	}
}
