package docformat

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

// featuresDOCX is a Word document with every construct the reader knows:
// headings by style name, a run of bold and italic, a link, a line
// break, a tracked insertion and deletion, a field, lists, a table, a
// quote and a footnote.
func featuresDOCX(t testing.TB) []byte {
	return makeDOCX(t, map[string]string{
		"word/document.xml": body(`
<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>Заречное: проверка колоний</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Президент </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Токаев</w:t></w:r><w:r><w:t xml:space="preserve"> написал в </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>Twitter</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> 31 июля</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>
<w:p><w:r><w:t>Первая строка</w:t><w:br/><w:t>вторая строка.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>Что показали видео</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Опубликовано </w:t></w:r><w:del w:id="1" w:author="ed"><w:r><w:delText>тридцать</w:delText></w:r></w:del><w:ins w:id="2" w:author="ed"><w:r><w:t>сорок</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> видео, страница </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Поселок в 60 км от Алматы.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Проверка прокуратуры.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Zag"/></w:pPr><w:r><w:t>Цифры</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Год</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Сообщения</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>2016</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>700</w:t></w:r></w:p><w:p><w:r><w:t>о пытках</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr><w:r><w:t>Пытки недопустимы.</w:t></w:r></w:p>
<w:p><w:r><w:drawing><w:t>текст рисунка</w:t></w:drawing></w:r></w:p>
<w:sectPr/>`),
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://twitter.com/TokayevKZ" TargetMode="External"/></Relationships>`,
		"word/footnotes.xml":           `<?xml version="1.0"?><w:footnotes ` + wNS + `><w:footnote w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> По данным прокуратуры.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
	})
}

func TestGolden(t *testing.T) {
	page, err := os.ReadFile("testdata/news-page.html")
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile("testdata/article.md")
	if err != nil {
		t.Fatal(err)
	}
	h, err := ReadHTML("news-page.html", page)
	if err != nil {
		t.Fatal(err)
	}
	x, err := ReadDOCX("features.docx", featuresDOCX(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*Doc{"news-page.html": h, "article.md": ReadMarkdown(string(md)), "features.docx": x} {
		t.Run(name, func(t *testing.T) {
			checkDoc(t, d)
			golden(t, name, dump(d))
		})
	}
}

// TestNewsPageIsArticleOnly: a page saved from a news site imports as its
// article, none of the site around it.
func TestNewsPageIsArticleOnly(t *testing.T) {
	page, err := os.ReadFile("testdata/news-page.html")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadHTML("news-page.html", page)
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"Политика", "Поиск", "cookie", "Главная", "Telegram", "Реклама", "Кредит", "Читайте также",
		"Караганде", "Комментарии", "Давно пора", "Популярное", "тенге", "Подпишитесь", "Все права", "Теги", "loadPlayer", "gtag", "min-height", "Степной вестник"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("the article holds %q from the page around it:\n%s", junk, d.Text)
		}
	}
	for _, want := range []string{"# Токаев потребовал проверить колонии после видео из\u00a0Заречного\n",
		"висит в\u00a0воздухе.\nСлышно", "о пытках & жестоком обращении", "## Что известно о деле"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("the article lacks %q:\n%s", want, d.Text)
		}
	}
	if d.Title != "Токаев потребовал проверить колонии после видео из\u00a0Заречного" {
		t.Errorf("title %q", d.Title)
	}
}

func TestHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"main without article", `<html><body><nav>Меню</nav><main><h1>Заголовок</h1><p>Текст.</p></main><footer>Подвал</footer></body></html>`,
			"# Заголовок\n\nТекст.\n"},
		{"densest block", `<html><body><div class="top"><p>Вход</p></div><div class="col"><div class="txt"><p>Первый абзац статьи, длинный и подробный.</p><p>Второй абзац статьи, тоже длинный.</p></div></div><div><p>Коротко</p></div></body></html>`,
			"# \n"},
		{"title when no h1", `<html><head><title>Новость дня</title></head><body><article><p>Текст новости.</p></article></body></html>`,
			"# Новость дня\n\nТекст новости.\n"},
		// A CMS's <title> carries the site's name, which became words of
		// the headline to translate and publish; its og:title is the bare
		// headline, and og:site_name says which words to drop.
		{"og:title when no h1", `<html><head><title>Перевал закрыт | Пример Новости</title><meta property="og:title" content="Перевал закрыт"></head><body><article><p>Текст.</p></article></body></html>`,
			"# Перевал закрыт\n\nТекст.\n"},
		{"title without the site name", `<html><head><title>Перевал закрыт — Пример Новости</title><meta property="og:site_name" content="Пример Новости"></head><body><article><p>Текст.</p></article></body></html>`,
			"# Перевал закрыт\n\nТекст.\n"},
		{"title after the site name", `<html><head><title>Пример Новости | Перевал закрыт</title><meta name="application-name" content="Пример Новости"></head><body><article><p>Текст.</p></article></body></html>`,
			"# Перевал закрыт\n\nТекст.\n"},
		{"title that is the site name", `<html><head><title>Пример Новости</title><meta property="og:site_name" content="Пример Новости"></head><body><article><p>Текст.</p></article></body></html>`,
			"# Пример Новости\n\nТекст.\n"},
		{"hidden and scripts", `<article><p>Видно.</p><p hidden>Скрыто.</p><p style="display: none">Тоже.</p><script>x()</script><!-- комментарий --><p aria-hidden="true">Нет.</p></article>`,
			"Видно.\n"},
		{"entities and br", `<article><p>Алматы &amp; Астана&nbsp;— &laquo;города&raquo;<br/>и&#x20;сёла</p></article>`,
			"Алматы & Астана\u00a0— «города»\nи сёла\n"},
		{"table rows", `<article><table><tr><th>Год</th><th>Случаи</th></tr><tr><td>2016</td><td><p>700</p></td></tr></table></article>`,
			"Год | Случаи\n\n2016 | 700\n"},
		{"pre keeps lines", "<article><pre>строка 1\nстрока 2</pre></article>", "строка 1\nстрока 2\n"},
		{"windows-1251", "<html><head><meta charset=\"windows-1251\"></head><body><article><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></article></body></html>", "Привет\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadHTML("t.html", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			want := tc.want
			if tc.name == "densest block" {
				want = "Первый абзац статьи, длинный и подробный.\n\nВторой абзац статьи, тоже длинный.\n"
			}
			if d.Text != want {
				t.Errorf("got %q, want %q", d.Text, want)
			}
		})
	}
}

// TestHTMLFootnotes: footnotes as pandoc and EPUB-minded pages write them
// (DPUB-ARIA roles doc-noteref, doc-endnotes, doc-backlink; pandoc's
// classes without roles) read as the DOCX reader reads Word's: the
// reference as [1] after its word, each note a note block "[1] …" at its
// place, the back-link arrow (↩︎) left out; not a bare "1" glued to the
// sentence and a "↩︎" in the note, unlike the same article from DOCX.
func TestHTMLFootnotes(t *testing.T) {
	pandoc := `<article><p>Митинг прошёл в субботу.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> Задержаны шестеро.<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a></p>
<section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol>
<li id="fn1" role="doc-endnote"><p>Референдум 1 октября 2017 года.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2" role="doc-endnote"><p>По данным <em>полиции</em>.</p><p>Второй абзац.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol></section></article>`
	old := strings.NewReplacer(` role="doc-noteref"`, "", ` role="doc-endnotes"`, "", ` role="doc-endnote"`, "", ` role="doc-backlink"`, "").Replace(pandoc)
	const want = "Митинг прошёл в субботу.[1] Задержаны шестеро.[2]\n\n[1] Референдум 1 октября 2017 года.\n\n[2] По данным полиции. Второй абзац.\n"
	for name, in := range map[string]string{"roles": pandoc, "pandoc classes": old} {
		d, err := ReadHTML("t.html", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		checkDoc(t, d)
		if d.Text != want {
			t.Errorf("%s: got %q, want %q", name, d.Text, want)
		}
		var notes []string
		for _, sp := range d.Spans {
			if sp.Kind == Note || sp.Kind == Ordered || sp.Kind == Link {
				notes = append(notes, sp.Kind+":"+d.Text[sp.Start:sp.End])
			}
		}
		if got := strings.Join(notes, "|"); got != "note:[1] Референдум 1 октября 2017 года.|note:[2] По данным полиции. Второй абзац." {
			t.Errorf("%s: spans %s", name, got)
		}
	}
}

// TestMarkdownFootnotes: pandoc's and GitHub's footnotes ([^label] and
// "[^label]: text", continued by indented lines) read as from DOCX and
// HTML: [1] at the reference, numbered in the order of the references,
// and a note block "[1] …" at the end with its formatting; not the
// markup "[^1]" in the text.
func TestMarkdownFootnotes(t *testing.T) {
	in := "# Заголовок\n\nМитинг прошёл в субботу.[^src] Задержаны шестеро.[^1]\n\n[^1]: По данным *полиции*.\n    Второй абзац.\n[^src]: Референдум 1 октября.\n\nПоследний абзац, а `[^1]` в коде остаётся.\n"
	d := ReadMarkdown(in)
	checkDoc(t, d)
	const want = "# Заголовок\n\nМитинг прошёл в субботу.[1] Задержаны шестеро.[2]\n\nПоследний абзац, а [^1] в коде остаётся.\n\n[1] Референдум 1 октября.\n\n[2] По данным полиции. Второй абзац.\n"
	if d.Text != want {
		t.Errorf("got %q, want %q", d.Text, want)
	}
	var spans []string
	for _, sp := range d.Spans {
		spans = append(spans, sp.Kind+":"+d.Text[sp.Start:sp.End])
	}
	if got := strings.Join(spans, "|"); got != "code:[^1]|note:[1] Референдум 1 октября.|note:[2] По данным полиции. Второй абзац.|italic:полиции" {
		t.Errorf("spans %s", got)
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ name, in, want, spans string }{
		{"emphasis removed", "Это **важно** и *очень* _срочно_, `код` тоже.\n", "Это важно и очень срочно, код тоже.\n", "bold:важно italic:очень italic:срочно code:код"},
		{"intraword underscore", "snake_case_name и 2 * 3 * 4\n", "snake_case_name и 2 * 3 * 4\n", ""},
		{"links keep text", "См. [сайт](https://example.kz \"title\") и <https://gov.kz>.\n", "См. сайт и https://gov.kz.\n", "link:сайт link:https://gov.kz"},
		{"reference link", "Читайте [тут][1].\n\n[1]: https://example.kz\n", "Читайте тут.\n", "link:тут"},
		{"setext and lists", "Заголовок\n=========\n\n* один\n* два\n\n3. три\n4. четыре\n", "# Заголовок\n\nодин\n\nдва\n\nтри\n\nчетыре\n", "item:один item:два ordered:три ordered:четыре"},
		{"quote and hard break", "> цитата  \n> вторая строка\n\nабзац\\\nещё\n", "цитата\nвторая строка\n\nабзац\nещё\n", "quote:цитата\nвторая строка"},
		{"escapes and entities", "\\*не курсив\\* &amp; &laquo;да&raquo;\n", "*не курсив* & «да»\n", ""},
		{"image dropped", "Фото: ![Колония](img.jpg) конец\n", "Фото: конец\n", ""},
		{"unclosed markers stay", "**без пары и *тоже\n", "**без пары и *тоже\n", ""},
		// GFM tables: a row a paragraph, cells joined by " | " (as HTML
		// and DOCX tables), the delimiter row dropped.
		{"table", "Итоги:\n\n| Область | Жалобы |\n|:--------|-------:|\n| **Алматы** | 12 |\n| Шымкент \\| юг | 7 |\n\nКонец.\n",
			"Итоги:\n\nОбласть | Жалобы\n\nАлматы | 12\n\nШымкент | юг | 7\n\nКонец.\n", "bold:Алматы"},
		{"table without outer pipes", "Год | Число\n--- | ---\n2019 | 40\n", "Год | Число\n\n2019 | 40\n", ""},
		{"a pipe in a paragraph is text", "Да | нет\nи ещё\n", "Да | нет и ещё\n", ""},
		{"dashes under a line are a heading", "Итоги | 2019\n---\n", "## Итоги | 2019\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := ReadMarkdown(tc.in)
			checkDoc(t, d)
			if d.Text != tc.want {
				t.Errorf("text %q, want %q", d.Text, tc.want)
			}
			if g := spanList(d, false); g != tc.spans {
				t.Errorf("spans %q, want %q", g, tc.spans)
			}
		})
	}
}

// spanList lists d's spans as "kind:text" (with tag, "kind:tag:text"), space-separated, for a
// table test to compare.
func spanList(d *Doc, tag bool) string {
	var got []string
	for _, s := range d.Spans {
		if tag {
			got = append(got, s.Kind+":"+s.Tag+":"+s.Text)
		} else {
			got = append(got, s.Kind+":"+s.Text)
		}
	}
	return strings.Join(got, " ")
}

func TestDetect(t *testing.T) {
	docx := featuresDOCX(t)
	tests := []struct {
		name string
		data []byte
		want Format
	}{
		{"a.docx", docx, DOCX},
		{"a.txt", docx, DOCX}, // content wins over the extension
		{"-", []byte("\xEF\xBB\xBF  <!-- saved --> <!DOCTYPE html><html>"), HTML},
		{"page.htm", []byte("<p>фрагмент</p>"), HTML},
		{"a.md", []byte("# Заголовок"), MD},
		{"a.MARKDOWN", []byte("текст"), MD},
		{"a.txt", []byte("<b>не страница</b>"), TXT},
		{"-", []byte("просто текст"), TXT},
	}
	for _, tc := range tests {
		if got := Detect(tc.name, tc.data); got != tc.want {
			t.Errorf("Detect(%s, %.20q) = %s, want %s", tc.name, tc.data, got, tc.want)
		}
	}
	for in, want := range map[string]Format{"DOCX": DOCX, "Html": HTML, "md": MD, "markdown": MD, " TXT ": TXT} {
		if got, ok := ParseFormat(in); !ok || got != want {
			t.Errorf("ParseFormat(%q) = %s, %v", in, got, ok)
		}
	}
	if _, ok := ParseFormat("rtf"); ok {
		t.Error("rtf accepted")
	}
	for in, want := range map[string]string{string(docx): "ZIP", "%PDF-1.7\n": "PDF", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest": "OLE",
		"\x00\x00\x01\x02binary": "BIN", "Текст статьи.\n": "", "e\x00n\x00": ""} {
		if got := Binary([]byte(in)); got != want {
			t.Errorf("Binary(%.12q) = %q, want %q", in, got, want)
		}
	}
}

// rawZip writes entries with the headers given, so a test can declare
// sizes that the data does not have.
func rawZip(t *testing.T, entries ...func(*zip.Writer)) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		e(zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func entry(name string, data []byte) func(*zip.Writer) {
	return func(zw *zip.Writer) {
		w, _ := zw.Create(name)
		w.Write(data)
	}
}

// TestHostile: each hostile file is refused with its own located error,
// before its parts are unpacked.
func TestHostile(t *testing.T) {
	doc := []byte(body(`<w:p><w:r><w:t>текст</w:t></w:r></w:p>`))
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;">]>` +
		`<w:document ` + wNS + `><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`
	// A zip bomb: 16 MB of zeros pack into 16 KB.
	var zeros bytes.Buffer
	zw := zip.NewWriter(&zeros)
	w, _ := zw.Create("word/document.xml")
	chunk := make([]byte, 1<<20)
	for range 16 {
		w.Write(chunk)
	}
	zw.Close()
	// A 1 GB entry declared in the central directory, 10 bytes stored.
	huge := rawZip(t, entry("word/document.xml", doc), func(zw *zip.Writer) {
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/media/video.mp4", Method: zip.Store, UncompressedSize64: 1 << 30, CompressedSize64: 10, CRC32: 0})
		w.Write([]byte("0123456789"))
	})
	// An entry that declares 10 bytes and unpacks to more.
	lying := rawZip(t, func(zw *zip.Writer) {
		var packed bytes.Buffer
		fw, _ := zip.NewWriter(&packed).CreateHeader(&zip.FileHeader{Name: "x", Method: zip.Store})
		_ = fw
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store, UncompressedSize64: 10, CompressedSize64: uint64(len(doc))})
		w.Write(doc)
	})
	deep := body(strings.Repeat("<w:sdt>", 2000) + strings.Repeat("</w:sdt>", 2000))
	good := makeDOCX(t, map[string]string{"word/document.xml": string(doc)})
	tests := []struct {
		name string
		data []byte
		id   string
	}{
		{"zip bomb", zeros.Bytes(), "formats.zip.ratio"},
		{"billion laughs", makeDOCX(t, map[string]string{"word/document.xml": laughs}), "formats.docx.bad-xml"},
		{"1 GB entry", huge, "formats.zip.too-large"},
		{"lying size", lying, "formats.zip.lying"},
		{"dot-dot path", rawZip(t, entry("word/document.xml", doc), entry("../../etc/cron.d/x", []byte("x"))), "formats.zip.bad-path"},
		{"absolute path", rawZip(t, entry("word/document.xml", doc), entry("/etc/passwd", []byte("x"))), "formats.zip.bad-path"},
		{"backslash path", rawZip(t, entry("word/document.xml", doc), entry(`..\evil`, []byte("x"))), "formats.zip.bad-path"},
		{"broken zip", good[:len(good)/2], "formats.zip.broken"},
		{"not a zip", []byte("PK\x03\x04 garbage"), "formats.zip.broken"},
		{"no document", rawZip(t, entry("content.xml", []byte("<x/>"))), "formats.docx.no-document"},
		{"deep xml", makeDOCX(t, map[string]string{"word/document.xml": deep}), "formats.docx.bad-xml"},
		{"malformed xml", makeDOCX(t, map[string]string{"word/document.xml": body("<w:p><w:r><w:t>оборвано")}), "formats.docx.bad-xml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadDOCX("hostile.docx", tc.data)
			if err == nil {
				t.Fatalf("read, text %q", d.Text)
			}
			if id := errID(t, err); id != tc.id {
				t.Errorf("error %s (%v), want %s", id, err, tc.id)
			}
			if !strings.Contains(err.Error(), "hostile.docx") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	// The XML errors say where in which part.
	_, err := ReadDOCX("hostile.docx", makeDOCX(t, map[string]string{"word/document.xml": laughs}))
	if want := "hostile.docx: word/document.xml:1:"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q does not start with %q", err, want)
	}
	// What is wrong is said in the reader's language, not in the XML
	// scanner's English (which words it as encoding/xml does).
	_, err = ReadDOCX("broken.docx", makeDOCX(t, map[string]string{"word/document.xml": body("<w:p><w:r><w:t>AT&T и</w:t></w:r></w:p>")}))
	ru, _ := locale.New("ru")
	msg, _, _ := ru.Explain(err)
	if want := ": знак &, который не начинает сущность (&T): одиночный & пишите как &amp;; ничего не импортировано"; !strings.HasSuffix(msg, want) {
		t.Errorf("ru: %q, want it to end in %q", msg, want)
	}
}

func TestHTMLTooDeep(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 5000) + "текст"
	_, err := ReadHTML("deep.html", []byte(page))
	if err == nil || errID(t, err) != "formats.html.bad" {
		t.Fatalf("error %v", err)
	}
}

func FuzzReadHTML(f *testing.F) {
	page, _ := os.ReadFile("testdata/news-page.html")
	f.Add(page)
	f.Add([]byte(`<article><p>a<b>b<i>c</b>d</i><br><a href="x">e</a></p><ul><li>f<ol><li>g</ol>h</ul></article>`))
	f.Add([]byte(`<table><tr><td><table><tr><td>x</td></tr></table></td><td>y<br>z</td></tr></table>`))
	f.Add([]byte(`<p>A <span class="x"> b </span><sup>2</sup><b>c </b><b>d</b><a name="n"><u> e</u></a> f<font>g</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadHTML("f.html", data)
		if err != nil {
			return
		}
		checkDoc(t, d)
	})
}

func FuzzReadDOCX(f *testing.F) {
	f.Add(featuresDOCX(f))
	f.Add(makeDOCX(f, map[string]string{"word/document.xml": body(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)}))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadDOCX("f.docx", data)
		if err != nil {
			errID(t, err)
			return
		}
		checkDoc(t, d)
	})
}

// FuzzReadDocumentXML fuzzes the body alone, inside a valid package, so
// the fuzzer spends its time on the XML rather than on the ZIP's checksums.
func FuzzReadDocumentXML(f *testing.F) {
	f.Add(`<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t><w:br/><w:tab/></w:r></w:p>`)
	f.Add(`<w:tbl><w:tr><w:tc><w:p><w:r><w:fldChar w:fldCharType="begin"/><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:ins><w:del><w:r><w:t>z</w:t></w:r></w:del></w:ins>`)
	f.Fuzz(func(t *testing.T, ps string) {
		d, err := ReadDOCX("f.docx", makeDOCX(t, map[string]string{"word/document.xml": body(ps)}))
		if err != nil {
			errID(t, err)
			return
		}
		checkDoc(t, d)
	})
}

func FuzzReadMarkdown(f *testing.F) {
	md, _ := os.ReadFile("testdata/article.md")
	f.Add(string(md))
	f.Add("***a*** __b__ _c_ `d` [e](f) ![g](h) <http://i> \\* &amp;\n> q\n- l\n1. m\n```\ncode\n```\nT\n===\n")
	f.Add("[a][b]\n\n[b]: http://x\n***\n    indented\n")
	f.Fuzz(func(t *testing.T, s string) {
		if !strings.Contains(s, "\r") && normOK(s) {
			checkDoc(t, ReadMarkdown(s))
		}
	})
}

// TestDOCXNoteFormatting: bold, italic, code and links inside foot- and
// endnotes are recorded as in the body (a link's target from the notes'
// own relationships), over the text of the note at the end; tracked
// deletions and field codes are left out there too, and the note's
// paragraphs, tabs and breaks become single spaces.
func TestDOCXNoteFormatting(t *testing.T) {
	data := makeDOCX(t, map[string]string{
		"word/document.xml": body(`<w:p><w:r><w:t>Текст.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> Ещё.</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>`),
		"word/footnotes.xml": `<?xml version="1.0"?><w:footnotes ` + wNS + `><w:footnote w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> По данным </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>прокуратуры</w:t></w:r>` +
			`<w:r><w:t xml:space="preserve">, см.  </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>сайт</w:t></w:r></w:hyperlink>` +
			`<w:del w:id="5" w:author="ed"><w:r><w:delText>удалено</w:delText></w:r></w:del><w:r><w:tab/><w:t>и</w:t></w:r></w:p>` +
			`<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>архив</w:t></w:r><w:r><w:rPr><w:rStyle w:val="VerbatimChar"/></w:rPr><w:t>№ 7</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/_rels/footnotes.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://prokuror.gov.kz" TargetMode="External"/></Relationships>`,
		"word/endnotes.xml":             `<?xml version="1.0"?><w:endnotes ` + wNS + `><w:endnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Источник: </w:t></w:r><w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>Tengrinews</w:t></w:r></w:p></w:endnote></w:endnotes>`,
	})
	d, err := ReadDOCX("notes.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	const want = "Текст.[1] Ещё.[2]\n\n[1] По данным прокуратуры, см. сайт и архив№ 7.\n\n[2] Источник: Tengrinews\n"
	if d.Text != want {
		t.Fatalf("text\n%q\nwant\n%q", d.Text, want)
	}
	var got []string
	for _, s := range d.Spans {
		got = append(got, fmt.Sprintf("%s %s %q", s.Kind, s.Href, s.Text))
	}
	wantSpans := []string{
		`note  "[1] По данным прокуратуры, см. сайт и архив№ 7."`,
		`bold  "прокуратуры"`,
		`link https://prokuror.gov.kz "сайт"`,
		`italic  "архив"`,
		`code  "№ 7"`,
		`note  "[2] Источник: Tengrinews"`,
		`italic  "Tengrinews"`,
		`bold  "Tengrinews"`,
	}
	if strings.Join(got, "\n") != strings.Join(wantSpans, "\n") {
		t.Errorf("spans\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantSpans, "\n"))
	}
}

// TestDOCXNormalizes: text that is not in NFC is normalized, whether the
// combining mark comes in the same run as its letter, in the next run
// (the letter's run alone is all plain starters), as a character
// reference, or in a note; the spans move with it.
func TestDOCXNormalizes(t *testing.T) {
	data := makeDOCX(t, map[string]string{
		"word/document.xml": body(`<w:p><w:r><w:t>Е` + "\u0308" + `лка.</w:t></w:r></w:p>` +
			`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Ещё е</w:t></w:r><w:r><w:t>` + "\u0308" + `ж.</w:t></w:r></w:p>` +
			`<w:p><w:r><w:t>Caf&#x65;&#x301; и и` + "\u0306" + `</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`),
		"word/footnotes.xml": `<?xml version="1.0"?><w:footnotes ` + wNS + `><w:footnote w:id="1"><w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Ёж и е` + "\u0308" + `ж</w:t></w:r></w:p></w:footnote></w:footnotes>`,
	})
	d, err := ReadDOCX("nfc.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	if want := "Ёлка.\n\nЕщё ёж.\n\nCafé и й[1]\n\n[1] Ёж и ёж\n"; d.Text != want {
		t.Errorf("text\n%q\nwant\n%q", d.Text, want)
	}
	if len(d.Spans) < 2 || d.Spans[0].Text != "Ещё е" && d.Spans[0].Text != "Ещё ё" {
		t.Errorf("spans %v", d.Spans)
	}
}

// TestMarkdownBracketNesting: brackets nested deeper than a link's text
// ever is are text, not a link. Every "[" used to scan to its matching "]":
// n nested brackets took n²/2 steps, and a 200 KB file of them kept import
// busy for minutes (BenchmarkMarkdownNestedBrackets).
func TestMarkdownBracketNesting(t *testing.T) {
	in := strings.Repeat("[", 40) + "x" + strings.Repeat("]", 40) + "(u)\n"
	d := ReadMarkdown(in)
	checkDoc(t, d)
	if d.Text != in || len(d.Spans) != 0 {
		t.Errorf("text %q, %d spans; want the brackets as text", d.Text, len(d.Spans))
	}
	// A link whose text holds a few brackets is still one.
	d = ReadMarkdown("См. [[1] сайт](https://example.kz).\n")
	if d.Text != "См. [1] сайт.\n" || len(d.Spans) != 1 {
		t.Errorf("text %q, spans %v", d.Text, d.Spans)
	}
}

func BenchmarkMarkdownNestedBrackets(b *testing.B) {
	in := strings.Repeat("[", 20000) + "x" + strings.Repeat("]", 20000) + "(u)\n"
	for b.Loop() {
		ReadMarkdown(in)
	}
}

// TestCloserMemo: closer answers the same with the marks of the runs no
// closer follows, carried from one opener to the next as inline carries
// them, as it does afresh for each opener, on random texts of markers,
// letters, spaces, code spans and escapes.
func TestCloserMemo(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 11))
	const alphabet = "**__ a b\t`\\."
	for range 3000 {
		b := make([]byte, 1+rnd.IntN(40))
		for i := range b {
			b[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		s := string(b)
		var dead [2][]bool
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c != '*' && c != '_' || i > 0 && s[i-1] == c {
				continue
			}
			d := &dead[0]
			if c == '_' {
				d = &dead[1]
			}
			n := run(s, i, c)
			var fresh []bool
			wj, wk := closer(s, i, n, c, &fresh)
			if j, k := closer(s, i, n, c, d); j != wj || k != wk {
				t.Fatalf("%q at %d: closer %d, %d with the marks, %d, %d without", s, i, j, k, wj, wk)
			}
		}
	}
}

// BenchmarkMarkdownUnclosedEmphasis: markers no closer follows (each
// after a space) were each searched to the end of the paragraph.
func BenchmarkMarkdownUnclosedEmphasis(b *testing.B) {
	in := strings.Repeat("*a ", 20000) + strings.Repeat("_a_ *", 10000) + ".\n"
	for b.Loop() {
		ReadMarkdown(in)
	}
}

// TestControls: a control character other than tab, LF and CR is refused
// at its line and column with its byte offset in the file as given
// (after a byte-order mark; two bytes a character in UTF-16), in text,
// Markdown and HTML; a DOCX part refuses it as XML does.
func TestControls(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "a\nbб\x00" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for _, tt := range []struct {
		name, in  string
		line, col int
		off       int
		char      string
	}{
		{"nul", "Almaty is big.\nThe\x00 city\n", 2, 4, 18, "U+0000"},
		{"bom", "\uFEFFab\x0b", 1, 3, 5, "U+000B"},
		{"utf-16", string(utf16), 2, 3, 10, "U+0000"},
		{"cyrillic before", "Алматы\x1f", 1, 7, 12, "U+001F"},
	} {
		err := Controls("a.txt", []byte(tt.in))
		var le *locale.Error
		if !errors.As(err, &le) || le.ID != "formats.control" || le.Pos.Line != tt.line || le.Pos.Column != tt.col || le.Pos.Offset != tt.off || le.Data["Char"] != tt.char {
			t.Errorf("%s: %v (%+v), want %s at %d:%d byte %d", tt.name, err, le, tt.char, tt.line, tt.col, tt.off)
		}
	}
	for _, ok := range []string{"", "a\tb\r\nв\n", "\uFEFFтекст"} {
		if err := Controls("a.txt", []byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	if _, err := ReadHTML("a.html", []byte("<html><body><article><p>Almaty\x00 is big.</p></article></body></html>")); errID(t, err) != "formats.control" {
		t.Errorf("HTML: %v", err)
	}
	_, err := ReadDOCX("a.docx", makeDOCX(t, map[string]string{"word/document.xml": body("<w:p><w:r><w:t>Alm\x00aty</w:t></w:r></w:p>")}))
	var le *locale.Error
	if !errors.As(err, &le) || le.ID != "formats.docx.bad-xml" || fmt.Sprint(le.Data["Reason"]) != "the character U+0000 is not allowed in XML" {
		t.Errorf("DOCX: %v", err)
	}
}

// TestBrokenZipReason: what archive/zip finds wrong is said in the
// reader's language.
func TestBrokenZipReason(t *testing.T) {
	good := makeDOCX(t, map[string]string{"word/document.xml": body("<w:p><w:r><w:t>Алматы</w:t></w:r></w:p>")})
	_, err := ReadDOCX("cut.docx", good[:len(good)/2])
	var le *locale.Error
	if !errors.As(err, &le) || le.ID != "formats.zip.broken" {
		t.Fatalf("%v", err)
	}
	if m, ok := le.Data["Reason"].(locale.Msg); !ok || m.ID != "formats.zip.not-zip" {
		t.Errorf("reason %#v", le.Data["Reason"])
	}
	ru, _ := locale.New("ru")
	if msg, _, _ := ru.Explain(err); !strings.Contains(msg, "это не архив ZIP, или его конец обрезан") {
		t.Errorf("ru: %q", msg)
	}
}

// TestControlReferences: a control character written as a character
// reference (&#1; in HTML, &#x0B; in Markdown) is refused at the
// reference; one Markdown leaves as text (in code) is not.
func TestControlReferences(t *testing.T) {
	_, err := ReadHTML("a.html", []byte("<html><body><article><p>Almaty&#1; is big.</p></article></body></html>"))
	var le *locale.Error
	if !errors.As(err, &le) || le.ID != "formats.control" || le.Pos.Line != 1 || le.Pos.Column != 31 || le.Data["Char"] != "U+0001" {
		t.Errorf("HTML: %v (%+v)", err, le)
	}
	md := "# T\n\nAlmaty &#x0B;here.\n"
	err = CheckReferences("a.md", []byte(md), ReadMarkdown(md))
	if !errors.As(err, &le) || le.ID != "formats.control" || le.Pos.Line != 3 || le.Pos.Column != 8 || le.Data["Char"] != "U+000B" {
		t.Errorf("Markdown: %v (%+v)", err, le)
	}
	code := "# T\n\nWrite `&#1;` for it, and &#169; is ©.\n"
	if err := CheckReferences("a.md", []byte(code), ReadMarkdown(code)); err != nil {
		t.Errorf("a reference in code: %v", err)
	}
}
