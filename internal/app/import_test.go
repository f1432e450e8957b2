package app_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/workspace"
)

const installPandoc = "apt-get install pandoc (Debian's pandoc; .ci/run installs it)"

func newWorkspace(t testing.TB) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func importFile(t *testing.T, a *app.App, ws *workspace.Workspace, id, lang, file, format string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Import(ws, id, lang, data, file, format, document.ImportOptions{}); err != nil {
		t.Fatalf("import %s: %v", file, err)
	}
	d, err := document.Open(ws, id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sentences cuts the stored text of lang with the language's segmenter.
func sentences(t *testing.T, a *app.App, d *document.Document, lang string) []string {
	t.Helper()
	text, err := d.Text(lang)
	if err != nil {
		t.Fatal(err)
	}
	seg, err := a.Segmenter(nil, lang)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range seg.Segment(text) {
		out = append(out, s.Text)
	}
	return out
}

// TestPandocSameSentences is the target of issue 14: an article in
// Markdown, converted by a real third-party writer (pandoc) to DOCX and
// to HTML, imports to exactly the same sentences as the Markdown itself,
// with the same formatting beside them.
func TestPandocSameSentences(t *testing.T) {
	pandoc := testenv.Command(t, "pandoc", installPandoc)
	dir := t.TempDir()
	src := filepath.Join("..", "docformat", "testdata", "article.md")
	for _, args := range [][]string{
		{"-f", "markdown", "-t", "docx", "-o", filepath.Join(dir, "article.docx"), src},
		{"-f", "markdown", "-t", "html", "-s", "--metadata", "pagetitle=Zarechnoye", "-o", filepath.Join(dir, "article.html"), src},
		{"-f", "markdown", "-t", "html", "-o", filepath.Join(dir, "fragment.html"), src},
	} {
		if out, err := exec.Command(pandoc, args...).CombinedOutput(); err != nil {
			t.Fatalf("pandoc %v: %v\n%s", args, err, out)
		}
	}
	a := app.New("test")
	ws := newWorkspace(t)
	md := importFile(t, a, ws, "md", "en", src, "")
	want := sentences(t, a, md, "en")
	if len(want) < 15 {
		t.Fatalf("only %d sentences in the Markdown: %q", len(want), want)
	}
	wantFormat, err := md.Formatting("en")
	if err != nil || wantFormat == nil {
		t.Fatalf("no formatting for the Markdown: %v", err)
	}
	for _, file := range []string{"article.docx", "article.html", "fragment.html"} {
		t.Run(file, func(t *testing.T) {
			id := strings.NewReplacer(".", "-").Replace(file)
			d := importFile(t, a, ws, id, "en", filepath.Join(dir, file), "")
			if got := sentences(t, a, d, "en"); !slices.Equal(got, want) {
				t.Errorf("sentences differ from the Markdown's:\n got %q\nwant %q", got, want)
			}
			f, err := d.Formatting("en")
			if err != nil || f == nil {
				t.Fatalf("no formatting: %v", err)
			}
			if !slices.Equal(f.Spans, wantFormat.Spans) {
				t.Errorf("formatting differs from the Markdown's:\n got %v\nwant %v", f.Spans, wantFormat.Spans)
			}
		})
	}
}

var (
	listMark  = regexp.MustCompile(`^(-|\d+\.)\s+`)
	blankLine = regexp.MustCompile(`\n\s*\n`)
)

// blocks splits a text into its blocks, each with its lines trimmed and
// heading marks left out.
func blocks(text string) []string {
	var out []string
	for _, b := range blankLine.Split(strings.TrimSpace(text), -1) {
		lines := strings.Split(b, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimSpace(l)
		}
		b = strings.Join(lines, "\n")
		b = strings.TrimLeft(b, "# ")
		out = append(out, listMark.ReplaceAllString(b, ""))
	}
	return out
}

// TestDOCXExportReadByPandoc: the localized DOCX export opens in a real
// reader (pandoc, docx → plain), and its text is the stored kk text,
// block for block, line break for line break; imported again, it gives
// the same text and formatting.
func TestDOCXExportReadByPandoc(t *testing.T) {
	pandoc := testenv.Command(t, "pandoc", installPandoc)
	a := app.New("test")
	ws := newWorkspace(t)
	ws.Config.Languages = []string{"en", "ru", "kk"}
	d := importFile(t, a, ws, "story", "kk", filepath.Join("testdata", "article.kk.md"), "")
	var buf bytes.Buffer
	if err := export.Localized(&buf, "docx", d, "kk", export.Options{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "story.kk.docx")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pandoc, "-f", "docx", "-t", "plain", "--wrap=none", file).Output()
	if err != nil {
		t.Fatalf("pandoc cannot read the export: %v", err)
	}
	text, _ := d.Text("kk")
	if got, want := blocks(string(out)), blocks(text); !slices.Equal(got, want) {
		t.Errorf("pandoc reads the DOCX as\n%q\nwant the kk text\n%q", got, want)
	}
	if !strings.Contains(text, "түскен.\nБес жылда") {
		t.Errorf("the hard line break is lost: %q", text)
	}

	again := importFile(t, a, ws, "again", "kk", file, "")
	got, _ := again.Text("kk")
	if got != text {
		t.Errorf("the exported DOCX imports as\n%q\nwant\n%q", got, text)
	}
	f1, _ := d.Formatting("kk")
	f2, _ := again.Formatting("kk")
	if f1 == nil || f2 == nil || !slices.Equal(f1.Spans, f2.Spans) {
		t.Errorf("formatting after the round trip:\n got %v\nwant %v", f2, f1)
	}
}

// TestImportFormats: detection, --format in any case, binary files
// refused as binary, and formatting that follows the text.
func TestImportFormats(t *testing.T) {
	a := app.New("test")
	ws := newWorkspace(t)
	page := filepath.Join("..", "docformat", "testdata", "news-page.html")
	data, _ := os.ReadFile(page)
	res, err := a.Import(ws, "page", "ru", data, "saved.txt", "HTML", document.ImportOptions{})
	if err != nil || res.Format != docformat.HTML {
		t.Fatalf("import --format HTML: %v, %v", res, err)
	}
	d, _ := document.Open(ws, "page")
	if got := d.Meta.Versions["ru"].Title; got != "Токаев потребовал проверить колонии после видео из\u00a0Заречного" {
		t.Errorf("title %q", got)
	}
	docx, _ := os.ReadFile(filepath.Join("testdata", "article.kk.md"))
	_, err = a.Import(ws, "x", "kk", []byte("PK\x03\x04\x14\x00rest of a zip"), "article.docx", "txt", document.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "binary file (ZIP)") {
		t.Errorf("a ZIP imported as text: %v", err)
	}
	if _, err := a.Import(ws, "x", "kk", docx, "a.md", "rtf", document.ImportOptions{}); err == nil || !strings.Contains(err.Error(), "unknown import format rtf") {
		t.Errorf("--format rtf: %v", err)
	}
	if _, err := os.Stat(filepath.Join(ws.Root, "documents", "x")); err == nil {
		t.Error("a refused import left a document folder")
	}
}
