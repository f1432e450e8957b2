package export

import (
	"time"

	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export/termbase"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
)

// These tests give tilmash's TMX to the real OmegaT (Debian's omegat, run
// headless with --mode=console-translate) and count what it reuses.

var omegatUnits = flag.String("omegat-units", UnitsSentences, "the TMX units the OmegaT test gives OmegaT (groups shows the reuse before the sentence cut; only sentences is held to the targets)")

//go:embed testdata/omegat/tilmash.groovy
var omegatScript []byte

//go:embed testdata/omegat/glossary.groovy
var omegatGlossaryScript []byte

// omegatLangs are OmegaT's codes for the workspace languages, as its
// project settings and project_save.tmx write them.
var omegatLangs = map[string]string{"en": "EN-US", "ru": "RU", "kk": "KK"}

// omegatSegment is one segment of OmegaT's own segmentation of a source
// file, with the translation OmegaT gave it ("" for none).
type omegatSegment struct {
	file, source, translation string
}

// omegatMatch is a match OmegaT offers a segment.
type omegatMatch struct {
	score       int
	translation string
}

// omegatRun is what one console-translate run left behind.
type omegatRun struct {
	dir      string
	segments []omegatSegment
	memories map[string]int // entries of each TMX OmegaT loaded, by file name
	// matches are the best match OmegaT offers an untranslated segment,
	// by source: its score and translation
	matches  map[string]omegatMatch
	glossary [][]string // glossary.groovy's lines: file, source term, target term
}

// omegatProject is an OmegaT project to run: its target language, its
// source files, the TMX files of tm/auto/ (exact matches filled in) and of
// tm/ (matches offered, never filled in), the translator's edits, and
// OmegaT's preferences (config/omegat.prefs; "" for the defaults).
type omegatProject struct {
	target               string
	sources, auto, match map[string][]byte
	edits                map[string]string
	prefs                string
	// glossaries are files the script glossary.groovy reads with
	// OmegaT's glossary readers (in glossin/, not the project's glossary
	// folder, so that a file OmegaT refuses does not stop the run).
	glossaries map[string][]byte
}

// omegatLevel2 are the preferences of a translator who ticked Options →
// External TMXs → Display tags: OmegaT reads the inline codes of other
// tools' TMX as its own tags instead of dropping them.
const omegatLevel2 = `<?xml version="1.0" encoding="UTF-8" ?>
<omegat>
  <preference version="1.0">
    <ext_tmx_show_level2>true</ext_tmx_show_level2>
  </preference>
</omegat>
`

// runOmegaT builds OmegaT project p, EN→p.target, in a temporary folder:
// the files of sources in source/, the TMX files of p.auto in tm/auto/
// (OmegaT applies the exact matches of that folder's memories as
// translations, as a translator's project memory) and of p.match in tm/,
// the translator's edits (source sentence → new translation) for the
// script to apply. The test run's one OmegaT (omegatServer) translates it
// as console-translate does, and its script testdata/omegat/tilmash.groovy
// lists every segment with its translation and the memories loaded, and
// saves omegat/project_save.tmx (with p.glossaries, it also runs
// testdata/omegat/glossary.groovy).
func runOmegaT(t *testing.T, p omegatProject) *omegatRun {
	t.Helper()
	omegat := testenv.Command(t, "omegat", "apt-get install omegat default-jre-headless")
	run, err := execOmegaT(omegat, t.TempDir(), p)
	if err != nil {
		t.Fatal(err)
	}
	return run
}

// execOmegaT is runOmegaT in folder dir, with the omegat program at
// path omegat.
func execOmegaT(omegat, dir string, p omegatProject) (*omegatRun, error) {
	target, sources, memories, edits := p.target, p.sources, p.auto, p.edits
	if p.prefs != "" && p.prefs != omegatLevel2 {
		// the script sets only ext_tmx_show_level2 from a project's preferences
		return nil, fmt.Errorf("OmegaT preferences %q: the test's OmegaT knows only omegatLevel2", p.prefs)
	}
	for _, sub := range []string{"source", "target", "tm/auto", "omegat", "glossary", "dictionary", "config"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, err
		}
	}
	files := map[string][]byte{"omegat.project": omegatProjectFile(target)}
	if p.glossaries != nil {
		for name, data := range p.glossaries {
			files[filepath.Join("glossin", name)] = data
		}
	}
	for name, data := range sources {
		files[filepath.Join("source", name)] = data
	}
	for name, data := range memories {
		files[filepath.Join("tm", "auto", name)] = data
	}
	for name, data := range p.match {
		files[filepath.Join("tm", name)] = data
	}
	if p.prefs != "" {
		files[filepath.Join("config", "omegat.prefs")] = []byte(p.prefs)
	}
	var e strings.Builder
	for src, tr := range edits {
		e.WriteString(src + "\t" + tr + "\n")
	}
	files[filepath.Join("omegat", "tilmash-edits.tsv")] = []byte(e.String())
	if err := writeFiles(dir, files); err != nil {
		return nil, err
	}
	out, err := omegatServer.translate(omegat, dir)
	list, rerr := os.ReadFile(filepath.Join(dir, "omegat", "tilmash-segments.tsv"))
	var glossary []byte
	if p.glossaries != nil && rerr == nil {
		glossary, rerr = os.ReadFile(filepath.Join(dir, "omegat", "tilmash-glossary.tsv"))
	}
	if err != nil || rerr != nil {
		return nil, fmt.Errorf("omegat console-translate: %v %v\n%s", err, rerr, tail(out, 3000))
	}
	run := &omegatRun{dir: dir, memories: map[string]int{}, matches: map[string]omegatMatch{}}
	if ms, err := os.ReadFile(filepath.Join(dir, "omegat", "tilmash-matches.tsv")); err == nil && len(ms) > 0 {
		for _, line := range strings.Split(strings.TrimSuffix(string(ms), "\n"), "\n") {
			if f := strings.Split(line, "\t"); len(f) == 3 {
				score, _ := strconv.Atoi(f[1])
				run.matches[unescapeTSV(f[0])] = omegatMatch{score, unescapeTSV(f[2])}
			}
		}
	}
	if len(glossary) > 0 {
		for _, line := range strings.Split(strings.TrimSuffix(string(glossary), "\n"), "\n") {
			f := strings.Split(line, "\t")
			for i := range f {
				f[i] = unescapeTSV(f[i])
			}
			run.glossary = append(run.glossary, f)
		}
	}
	if mems, err := os.ReadFile(filepath.Join(dir, "omegat", "tilmash-memories.tsv")); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(mems)), "\n") {
			if name, n, ok := strings.Cut(line, "\t"); ok {
				run.memories[filepath.Base(name)], _ = strconv.Atoi(n)
			}
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(list), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("tilmash-segments.tsv: bad line %q", line)
		}
		run.segments = append(run.segments, omegatSegment{unescapeTSV(f[0]), unescapeTSV(f[1]), unescapeTSV(f[2])})
	}
	return run, nil
}

func listed(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return "; untranslated: " + strings.Join(ss, " | ")
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

var tsvUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r")

func unescapeTSV(s string) string { return tsvUnescaper.Replace(s) }

// reuse counts, in source file name, the segments of OmegaT's own
// segmentation and those whose translation is in the translated file,
// leaving out those whose source is a key of partial.
// OmegaT's HTML filter also offers the page's lang attribute and meta
// contents as segments; they are not sentences of the article and are not
// counted.
func (r *omegatRun) reuse(t *testing.T, name string, partial map[string]string) (translated, total int, missing []string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(r.dir, "source", name))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(filepath.Join(r.dir, "target", name))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range r.segments {
		if s.file != name || bytes.Contains(src, []byte(`="`+html.EscapeString(s.source)+`"`)) || bytes.Contains(src, []byte(`="`+s.source+`"`)) {
			continue
		}
		if _, ok := partial[s.source]; ok {
			continue
		}
		total++
		if s.translation != "" && inTarget(out, s.translation) {
			translated++
		} else {
			missing = append(missing, s.source)
		}
	}
	return translated, total, missing
}

// inTarget reports whether the translated HTML file holds translation.
func inTarget(out []byte, translation string) bool {
	min := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(translation)
	return bytes.Contains(out, []byte(min)) || bytes.Contains(out, []byte(translation)) ||
		bytes.Contains(out, []byte(html.EscapeString(translation)))
}

// sampleWorkspace opens the repository's sample workspace and its aligned
// documents.
func sampleWorkspace(t *testing.T) (*workspace.Workspace, []*document.Document) {
	t.Helper()
	ws, err := workspace.Open(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	ids, err := document.List(ws)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*document.Document
	for _, id := range ids {
		d, err := document.Open(ws, id)
		if err != nil {
			t.Fatal(err)
		}
		if a, err := d.Alignment(); err != nil || a == nil || len(a.Groups) == 0 {
			t.Logf("%s: not aligned, left out", id)
			continue
		}
		docs = append(docs, d)
	}
	return ws, docs
}

// newArticle is an article that repeats n English sentences of the sample
// documents verbatim, every sentence of a group of several first (those
// the group-level TMX cannot give), then sentences of one-sentence groups,
// at most three to a paragraph. Only sentences that both translations
// have are taken: one a translation left out has nothing to reuse.
func newArticle(t *testing.T, docs []*document.Document, n int) (page []byte, sentences []string) {
	t.Helper()
	var multi, single []string
	for _, d := range docs {
		a, err := d.Alignment()
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range a.Groups {
			if len(g.Sents["ru"]) == 0 || len(g.Sents["kk"]) == 0 {
				continue // a sentence a translation left out has nothing to reuse
			}
			for _, s := range g.Sents["en"] {
				if level, _ := document.Heading(s.Text); level > 0 {
					continue
				}
				if len(g.Sents["en"]) > 1 {
					multi = append(multi, s.Text)
				} else {
					single = append(single, s.Text)
				}
			}
		}
	}
	for i := 0; len(sentences) < n && i < len(multi); i += 2 {
		sentences = append(sentences, multi[i])
	}
	for i := 0; len(sentences) < n && i < len(single); i += 3 {
		sentences = append(sentences, single[i])
	}
	if len(sentences) < n {
		t.Fatalf("the sample documents have only %d sentences to repeat", len(sentences))
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Prison reform: what was said</title></head>\n<body>\n<h1>Prison reform: what was said</h1>\n")
	// A sentence that ends inside a closing quotation mark ends its
	// paragraph, as it does in the samples: OmegaT's default English
	// rules do not break after ".”", so another sentence after it would
	// join it in one segment whatever the memory holds.
	var para []string
	for i, s := range sentences {
		para = append(para, html.EscapeString(s))
		if len(para) == 3 || i == len(sentences)-1 || strings.ContainsAny(s[len(s)-3:], "”»\"") {
			b.WriteString("<p>" + strings.Join(para, " ") + "</p>\n")
			para = nil
		}
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String()), sentences
}

// sourcePage is the stored English article of d as the HTML page a
// translator's CAT tool is given: headings and paragraphs, the text as
// the newsroom wrote it. Not the published page (Localized): that one
// turns straight quotes into typographic ones, which is not the text the
// memory holds, so a sentence with "quotes" would not match.
func sourcePage(d *document.Document) ([]byte, error) {
	text, err := d.Text("en")
	if err != nil {
		return nil, err
	}
	var b, title strings.Builder
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case document.StripHeading(line) != line:
			heading := html.EscapeString(document.StripHeading(line))
			if title.Len() == 0 {
				title.WriteString(heading) // the page's title is its first heading, as in a CMS
			}
			b.WriteString("<h2>" + heading + "</h2>\n")
		default:
			b.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
		}
	}
	page := "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + title.String() + "</title></head>\n<body>\n" + b.String() + "</body>\n</html>\n"
	return []byte(page), nil
}

// omegatEdit is the translator's edit the Kazakh run makes: a sentence of
// a one-sentence group of zarechnoye-videos gets a new translation.
var omegatEdit = struct{ doc, source, translation string }{
	"zarechnoye-videos",
	"The clip that caused the loudest outcry is also the hardest to watch.",
	"Ең қатты ашу-ыза тудырған бейнежазбаны көру де ең ауыр.",
}

// TestOmegaTReuse gives OmegaT, EN→RU and EN→KK, a project with every
// aligned sample document (as tilmash's article HTML) and a new article
// repeating 30 of their sentences, and tilmash's TMX of each document as
// the project memory (tm/auto/), with its partial units (--units partial)
// in tm/, and counts the English segments (OmegaT's own segmentation) that
// got a translation in the translated files. A sentence whose only
// translation is partial (a 2-1 merge: the whole target of two sentences)
// must get none: filled in, it doubled the translation. Of the others, at
// least 95% of each document and all of the new article must be
// translated; OmegaT must have loaded the partial files, to offer them as
// matches. The Kazakh run also brings a translator's edit back through
// project_save.tmx (see checkRoundTrip).
func TestOmegaTReuse(t *testing.T) {
	testenv.Command(t, "omegat", "apt-get install omegat default-jre-headless")
	if testing.Short() {
		t.Skip("SKIP: OmegaT runs take half a minute (-short)")
	}
	ws, docs := sampleWorkspace(t)
	article, repeated := newArticle(t, docs, 30)
	var mu sync.Mutex
	var report []string
	for _, target := range []string{"ru", "kk"} {
		t.Run(target, func(t *testing.T) {
			t.Parallel()
			p, partial := reuseProject(t, docs, article, target)
			matches := p.match
			var run *omegatRun
			if target == "ru" {
				run = omegatRU.get(t) // p is its part at the top of source/
			} else {
				run = runOmegaT(t, p)
			}
			strict := *omegatUnits == UnitsSentences
			for name := range matches {
				if run.memories[name] == 0 {
					t.Errorf("OmegaT did not load tm/%s as a memory (loaded: %v)", name, run.memories)
				}
			}
			filled, offered := 0, 0
			for _, s := range run.segments {
				tr, ok := partial[s.source]
				if !ok {
					continue
				}
				if s.translation != "" {
					filled++
					t.Errorf("%s EN→%s: OmegaT filled in %q with %q (partial: %q)", s.file, target, s.source, s.translation, tr)
					continue
				}
				// offered in the Fuzzy Matches pane as a 100% match
				if m := run.matches[s.source]; m.score == 100 && m.translation == tr {
					offered++
				} else {
					t.Errorf("%s EN→%s: %q: OmegaT offers %d%% %q, want 100%% %q from tm/", s.file, target, s.source, m.score, m.translation, tr)
				}
			}
			mu.Lock()
			report = append(report, fmt.Sprintf("partial units EN→%s: %d source sentences; segments of them filled in: %d, offered a 100%% match from tm/: %d", strings.ToUpper(target), len(partial), filled, offered))
			mu.Unlock()
			for _, d := range docs {
				n, total, missing := run.reuse(t, d.ID+".html", partial)
				pct := 100 * float64(n) / float64(max(total, 1))
				mu.Lock()
				report = append(report, fmt.Sprintf("%s EN→%s, %s units: %d of %d segments translated (%.1f%%)%s", d.ID, strings.ToUpper(target), *omegatUnits, n, total, pct, listed(missing)))
				mu.Unlock()
				if strict && pct < 95 {
					t.Errorf("%s EN→%s: OmegaT translated %d of %d segments (%.1f%%), want at least 95%%; untranslated:\n%s", d.ID, target, n, total, pct, strings.Join(missing, "\n"))
				}
			}
			got := map[string]bool{}
			for _, s := range run.segments {
				if s.file == "new-article.html" && s.translation != "" {
					got[s.source] = true
				}
			}
			var missing []string
			exact := 0
			for _, s := range repeated {
				if _, ok := partial[s]; ok {
					continue // a partial translation is offered, not filled in
				}
				exact++
				if !got[s] {
					missing = append(missing, s)
				}
			}
			mu.Lock()
			report = append(report, fmt.Sprintf("new article EN→%s, %s units: %d of %d repeated sentences with an exact translation translated (%d repeated in all)", strings.ToUpper(target), *omegatUnits, exact-len(missing), exact, len(repeated)))
			mu.Unlock()
			if strict && len(missing) > 0 {
				t.Errorf("new article EN→%s: %d of %d repeated sentences untranslated:\n%s", target, len(missing), exact, strings.Join(missing, "\n"))
			}
			if target == "kk" && strict {
				checkRoundTrip(t, ws, docs, run)
			}
		})
	}
	t.Cleanup(func() {
		slices.Sort(report)
		t.Log("OmegaT reuse:\n" + strings.Join(report, "\n"))
	})
}

// reuseProject is TestOmegaTReuse's OmegaT project EN→target: the page
// of every document in docs and the new article in source/, the
// documents' TMX in tm/auto/ and their partial units in tm/ (the Kazakh
// run with the translator's edit), and partial, the partial units'
// source sentences with their targets.
func reuseProject(t testing.TB, docs []*document.Document, article []byte, target string) (p omegatProject, partial map[string]string) {
	t.Helper()
	sources := map[string][]byte{"new-article.html": article}
	memories, matches := map[string][]byte{}, map[string][]byte{}
	partial = map[string]string{} // source sentence → its partial target
	for _, d := range docs {
		a, err := d.Alignment()
		if err != nil {
			t.Fatal(err)
		}
		var mem bytes.Buffer
		page, err := sourcePage(d)
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(&mem, "tmx", d, a, Options{Version: "test", Langs: []string{"en", target}, Units: *omegatUnits}); err != nil {
			t.Fatal(err)
		}
		sources[d.ID+".html"] = page
		memories[d.ID+".tmx"] = mem.Bytes()
		if *omegatUnits != UnitsSentences {
			continue
		}
		var part bytes.Buffer
		if err := Write(&part, "tmx", d, a, Options{Version: "test", Langs: []string{"en", target}, Units: UnitsPartial}); err != nil {
			t.Fatal(err)
		}
		m, err := tmx.Read(bytes.NewReader(part.Bytes()), d.ID+".partial.tmx")
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range m.Units {
			partial[u.Variant("en").Text] = u.Variant(target).Text
		}
		if len(m.Units) > 0 {
			matches[d.ID+".partial.tmx"] = part.Bytes()
		}
	}
	edits := map[string]string{}
	if target == "kk" {
		edits[omegatEdit.source] = omegatEdit.translation
	}
	return omegatProject{target: target, sources: sources, auto: memories, match: matches, edits: edits}, partial
}

// checkRoundTrip brings OmegaT's project_save.tmx of the Kazakh run back
// into a copy of the sample workspace (document.MergeTMX, what import-tmx
// does with a CAT tool's memory): the edited document takes the
// translator's edit in its group, and nothing else changes in any
// document. Under -update the file becomes the golden sample the reader's
// unit test uses (internal/document/testdata/omegat).
func checkRoundTrip(t *testing.T, ws *workspace.Workspace, docs []*document.Document, run *omegatRun) {
	t.Helper()
	saved, err := os.ReadFile(filepath.Join(run.dir, "omegat", "project_save.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		dst := filepath.Join("..", "document", "testdata", "omegat", "project_save.tmx")
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, saved, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := tmx.Read(bytes.NewReader(saved), "project_save.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.CreationTool != "OmegaT" {
		t.Errorf("project_save.tmx was written by %q", m.Header.CreationTool)
	}
	copyWS := copyWorkspace(t, ws)
	for _, d := range docs {
		before, err := d.Texts()
		if err != nil {
			t.Fatal(err)
		}
		a, _ := d.Alignment()
		res, err := document.MergeTMX(copyWS, d.ID, m, time.Time{})
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		after, err := document.Open(copyWS, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		texts, err := after.Texts()
		if err != nil {
			t.Fatal(err)
		}
		if d.ID != omegatEdit.doc {
			if len(res.Changed) > 0 || !mapsEqual(before, texts) {
				t.Errorf("%s: OmegaT's memory changed groups %v; it holds the TMX's own translations", d.ID, res.Changed)
			}
			continue
		}
		want := -1
		for gi, g := range a.Groups {
			if len(g.Sents["en"]) == 1 && g.Sents["en"][0].Text == omegatEdit.source {
				want = gi + 1
			}
		}
		if !slices.Equal(res.Changed["kk"], []int{want}) || len(res.Changed) != 1 {
			t.Errorf("%s: changed groups %v, want kk group %d only", d.ID, res.Changed, want)
		}
		if texts["en"] != before["en"] || texts["ru"] != before["ru"] {
			t.Errorf("%s: the English or Russian text changed", d.ID)
		}
		na, err := after.Alignment()
		if err != nil {
			t.Fatal(err)
		}
		if got := na.Groups[want-1].Text("kk"); got != omegatEdit.translation {
			t.Errorf("%s group %d kk = %q, want the translator's edit", d.ID, want, got)
		}
		for gi := range a.Groups {
			if gi != want-1 && segText(na.Groups[gi], "kk") != segText(a.Groups[gi], "kk") {
				t.Errorf("%s group %d kk changed", d.ID, gi+1)
			}
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// copyWorkspace copies the workspace's configuration, glossary and
// documents into a temporary folder.
func copyWorkspace(t *testing.T, ws *workspace.Workspace) *workspace.Workspace {
	t.Helper()
	dst := t.TempDir()
	for _, name := range []string{"tilmash.yaml", "glossary", document.Folder} {
		src := filepath.Join(ws.Root, name)
		fi, err := os.Stat(src)
		if err != nil {
			continue
		}
		if !fi.IsDir() {
			data, err := os.ReadFile(src)
			if err == nil {
				err = os.WriteFile(filepath.Join(dst, name), data, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.CopyFS(filepath.Join(dst, name), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	c, err := workspace.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestOmegaTInlineTags gives OmegaT, EN→RU, an English article page with
// bold (<b>, <strong>), italic, code and a link, as the newsroom wrote it
// and as tilmash's page writes it after importing it, and the article's
// TMX in tm/auto/. With Options → External TMXs → Display tags (the
// preference OmegaT reads other tools' inline codes by), every sentence
// with formatting gets its translation as a 100% match, OmegaT's tags in
// place, and the translated pages have the formatting back. With OmegaT's
// defaults the codes are dropped and those sentences get nothing, as they
// did when the TMX had no codes.
func TestOmegaTInlineTags(t *testing.T) {
	omegatTest(t)
	want := map[string]string{
		"The <b0>prison</b0> reform was <i1>announced</i1> today.": "<b0>Тюремная</b0> реформа была <i1>объявлена</i1> сегодня.",
		"Officials said <a2>more</a2> would follow.":               "Чиновники сказали, что <a2>ещё</a2> последует.",
		"It is <s3>final</s3>.":                                    "Это <s3>окончательно</s3>.",
		"Code: <c0>ls -l</c0> and <e1>stress</e1>.":                "Код: <c0>ls -l</c0> и <e1>ударение</e1> лишнее.",
		"A whole bold paragraph.":                                  "Целый жирный абзац.",
	}
	pages := []string{"inline/original.html", "inline/tilmash.html"} // inlineTagsProject's, in folder inline
	for _, level2 := range []bool{true, false} {
		run := omegatRU.get(t)
		if level2 {
			run = omegatRULevel2.get(t)
		}
		for _, name := range pages {
			got := map[string]string{}
			for _, s := range run.segments {
				if s.file == name {
					got[s.source] = s.translation
				}
			}
			for src, tr := range want {
				tagged := strings.Contains(src, "<")
				switch {
				case level2 || !tagged:
					if got[src] != tr {
						t.Errorf("%s, level2 %v: %q got %q, want %q (segments: %q)", name, level2, src, got[src], tr, got)
					}
				case got[src] != "":
					t.Errorf("%s, defaults: %q got %q; OmegaT drops the codes by default", name, src, got[src])
				}
			}
		}
		if !level2 {
			continue
		}
		d, _ := newHTMLDoc(t, "formatted", formattedPages, formattedGroups)
		checkTaggedRoundTrip(t, d, run)
		for _, name := range pages {
			out, err := os.ReadFile(filepath.Join(run.dir, "target", name))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []string{
				"<b>Тюремная</b> реформа была <i>объявлена</i> сегодня.",
				`Чиновники сказали, что <a href="https://example.org/a?b=1&amp;c=2">ещё</a> последует.`,
				"Код: <code>ls -l</code> и <em>ударение</em> лишнее.",
			} {
				if !bytes.Contains(out, []byte(w)) {
					t.Errorf("the translated %s has no %s:\n%s", name, w, out)
				}
			}
		}
	}
}

// inlineTagsProject is TestOmegaTInlineTags' OmegaT project EN→RU: the
// English page of formattedPages as the newsroom wrote it
// (original.html) and as tilmash's page writes it (tilmash.html), and
// the article's TMX in tm/auto/; with Display tags (level2), the
// translator's edit of a sentence with tags.
func inlineTagsProject(t testing.TB, level2 bool) omegatProject {
	t.Helper()
	d, a := newHTMLDoc(t, "formatted", formattedPages, formattedGroups)
	page, mem := pageAndTMX(t, d, a)
	pages := map[string][]byte{"original.html": []byte(formattedPages["en"]), "tilmash.html": page.Bytes()}
	p := omegatProject{target: "ru", sources: pages, auto: map[string][]byte{"formatted.tmx": mem.Bytes()}}
	if level2 {
		p.prefs = omegatLevel2
		p.edits = map[string]string{"It is <s3>final</s3>.": "Это <s3>решено</s3>."}
	}
	return p
}

// checkTaggedRoundTrip brings the project_save.tmx of a run with the
// translator's edit of a sentence with tags ("Это <s3>решено</s3>.")
// back into the document (document.MergeTMX, what import-tmx does):
// OmegaT writes its tags into its own TMX as text, and the group takes
// the edit without them.
func checkTaggedRoundTrip(t *testing.T, d *document.Document, run *omegatRun) {
	t.Helper()
	saved, err := os.ReadFile(filepath.Join(run.dir, "omegat", "project_save.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(saved, []byte("&lt;s3&gt;решено&lt;/s3&gt;")) {
		t.Fatalf("project_save.tmx does not hold OmegaT's tags as text:\n%s", saved)
	}
	m, err := tmx.Read(bytes.NewReader(saved), "project_save.tmx")
	if err != nil {
		t.Fatal(err)
	}
	res, err := document.MergeTMX(d.WS, d.ID, m, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Changed["ru"], []int{4}) || len(res.Changed) != 1 {
		t.Errorf("changed groups %v, want ru group 4 only", res.Changed)
	}
	after, err := document.Open(d.WS, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := after.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Groups[3].Text("ru"); got != "Это решено." {
		t.Errorf("group 4 ru = %q, want the translator's edit without OmegaT's tags", got)
	}
}

// TestOmegaTGlossary gives OmegaT's own glossary readers (3.6, through
// testdata/omegat/glossary.groovy) the sample glossary as glossary export
// writes it for OmegaT, EN→RU: the CSV (OmegaT's glossary layout) and the
// TBX 2 give every entry's term with its Russian term. A .tsv is not read
// by OmegaT before 5.5 (it reads tab-separated glossaries as .utf8, .tab
// and .txt), which is why the help's example for OmegaT is the CSV; the
// same file named .utf8 is read.
func TestOmegaTGlossary(t *testing.T) {
	omegatTest(t)
	g := sampleGlossary(t)
	run := omegatRU.get(t)
	read := map[string]map[[2]string]bool{}
	for _, f := range run.glossary {
		if len(f) > 1 && f[1] == "!" {
			t.Errorf("OmegaT could not read %s: %s", f[0], f[2])
			continue
		}
		if read[f[0]] == nil {
			read[f[0]] = map[[2]string]bool{}
		}
		if len(f) == 3 {
			read[f[0]][[2]string{f[1], f[2]}] = true
		}
	}
	t.Logf("glossary.en-ru.tsv: OmegaT read %d term pairs (OmegaT reads .tsv glossaries from 5.5 on)", len(read["glossary.en-ru.tsv"]))
	for _, name := range []string{"glossary.en-ru.csv", "glossary.tbx2.tbx", "glossary.en-ru.utf8"} {
		n := 0
		for _, e := range g.Entries {
			en, ru := e.Langs["en"], e.Langs["ru"]
			if en == nil || ru == nil || en.Term == "" || ru.Term == "" {
				continue
			}
			n++
			if !read[name][[2]string{en.Term, ru.Term}] {
				t.Errorf("%s: OmegaT has no %q → %q", name, en.Term, ru.Term)
			}
		}
		if n == 0 {
			t.Fatal("the sample glossary has no English-Russian entry")
		}
		t.Logf("%s: OmegaT read %d term pairs for %d entries", name, len(read[name]), n)
	}
}

// sampleGlossary is the repository's glossary.
func sampleGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, probs, err := glossary.Load(filepath.Join("..", "..", "glossary"), []string{"en", "ru", "kk"})
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	return g
}

// glossaryProject is TestOmegaTGlossary's OmegaT project EN→RU: the
// sample glossary as glossary export writes it for OmegaT (CSV, TBX 2,
// TSV, and the TSV named .utf8) for glossary.groovy to read, and a source
// file of one sentence.
func glossaryProject(t testing.TB) omegatProject {
	t.Helper()
	g := sampleGlossary(t)
	files := map[string][]byte{}
	for format, name := range map[string]string{"csv": "glossary.en-ru.csv", "tbx2": "glossary.tbx2.tbx", "tsv": "glossary.en-ru.tsv"} {
		var b bytes.Buffer
		if err := termbase.Write(&b, format, g, termbase.Options{Langs: []string{"en", "ru"}, Version: "test"}); err != nil {
			t.Fatal(err)
		}
		files[name] = b.Bytes()
	}
	files["glossary.en-ru.utf8"] = files["glossary.en-ru.tsv"]
	return omegatProject{target: "ru", sources: map[string][]byte{"empty.txt": []byte("Nothing.\n")}, glossaries: files}
}

// markupPages is an article in English and Russian with the markup
// tilmash has no formatting of its own for but OmegaT makes tags of
// (<span>, <sup>, <sub>, <u>, an <a> without a link), nested formatting
// (a bold inside a link, an italic inside a bold), formatting across a
// sentence end, a line break between sentences, elements that hold the
// space beside their words (<b>left </b>the), two bold elements next to
// each other, an italic in a heading, a bold whose end tag, after the
// space, OmegaT puts in the next sentence, and a paragraph pasted from
// Google Docs (a <span style> a sentence).
var markupPages = map[string]string{
	"en": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flood notes</title></head><body>
<h1>Flood notes</h1>
<p>The river rose by <span class="num">three</span> metres overnight. Water reached 10<sup>4</sup> homes.</p>
<p>Shops <u>stayed</u> open and the <a name="market">market</a> too.</p>
<p>Tests found H<sub>2</sub>S in <b>two</b> wells.</p>
<p><span class="lead">Rescuers</span> worked <i>all</i> night.</p>
<p><b>Rain fell. Roads closed</b> at noon.</p>
<p>Buses ran <i>late</i>. <b>Trains stopped. Ferries</b> waited.</p>
<p>Ends here.<br>Begins there.</p>
<p><a href="https://example.org/f"><b>Help lines</b> are open</a> today.</p>
<p><b>Strong <i>nested</i> part</b> here.</p>
<p>Officers <b>left </b>the <a href="https://example.org/g">scene </a>quietly.</p>
<p>Crews<i> worked</i> on.</p>
<p><b>Update</b><b>:</b> roads reopened.</p>
<h2>Roads <i>still</i> shut</h2>
<p>Detours are signposted.</p>
<p><b>Power failed. </b>Lines went down.</p>
<p><span style="font-weight:400">Schools stay closed. </span><span style="font-weight:400">Exams move to May.</span></p>
</body></html>`,
	"ru": `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Заметки о паводке</title></head><body>
<h1>Заметки о паводке</h1>
<p>Река поднялась на <span class="num">три</span> метра за ночь. Вода дошла до 10<sup>4</sup> домов.</p>
<p>Магазины <u>работали</u>, и <a name="market">рынок</a> тоже.</p>
<p>Анализы нашли H<sub>2</sub>S в <strong>двух</strong> колодцах.</p>
<p><span class="lead">Спасатели</span> работали <em>всю</em> ночь.</p>
<p><strong>Шёл дождь. Дороги закрыли</strong> в полдень.</p>
<p>Автобусы <em>опаздывали</em>. <strong>Поезда встали. Паромы</strong> ждали.</p>
<p>Здесь конец.<br>Там начало.</p>
<p><a href="https://example.org/f-ru"><strong>Горячие линии</strong> открыты</a> сегодня.</p>
<p><strong>Сильная <em>вложенная</em> часть</strong> здесь.</p>
<p>Полицейские <strong>ушли </strong>с <a href="https://example.org/g-ru">места </a>тихо.</p>
<p>Бригады<em> работали</em> дальше.</p>
<p><strong>Обновление</strong><strong>:</strong> дороги открыты.</p>
<h2>Дороги <em>всё ещё</em> закрыты</h2>
<p>Объезды обозначены.</p>
<p><strong>Свет отключился. </strong>Линии оборвались.</p>
<p><span style="font-weight:400">Школы остаются закрытыми. </span><span style="font-weight:400">Экзамены переносятся на май.</span></p>
</body></html>`,
}

var markupGroups = []groupSpec{
	{document.Aligned, "", [3][]string{{"# Flood notes"}, {"# Заметки о паводке"}}},
	{document.Aligned, "", [3][]string{{"The river rose by three metres overnight."}, {"Река поднялась на три метра за ночь."}}},
	{document.Aligned, "", [3][]string{{"Water reached 104 homes."}, {"Вода дошла до 104 домов."}}},
	{document.Aligned, "", [3][]string{{"Shops stayed open and the market too."}, {"Магазины работали, и рынок тоже."}}},
	{document.Aligned, "", [3][]string{{"Tests found H2S in two wells."}, {"Анализы нашли H2S в двух колодцах."}}},
	{document.Aligned, "", [3][]string{{"Rescuers worked all night."}, {"Спасатели работали всю ночь."}}},
	{document.Aligned, "", [3][]string{{"Rain fell."}, {"Шёл дождь."}}},
	{document.Aligned, "", [3][]string{{"Roads closed at noon."}, {"Дороги закрыли в полдень."}}},
	{document.Aligned, "", [3][]string{{"Buses ran late."}, {"Автобусы опаздывали."}}},
	{document.Aligned, "", [3][]string{{"Trains stopped."}, {"Поезда встали."}}},
	{document.Aligned, "", [3][]string{{"Ferries waited."}, {"Паромы ждали."}}},
	{document.Aligned, "", [3][]string{{"Ends here."}, {"Здесь конец."}}},
	{document.Aligned, "", [3][]string{{"Begins there."}, {"Там начало."}}},
	{document.Aligned, "", [3][]string{{"Help lines are open today."}, {"Горячие линии открыты сегодня."}}},
	{document.Aligned, "", [3][]string{{"Strong nested part here."}, {"Сильная вложенная часть здесь."}}},
	{document.Aligned, "", [3][]string{{"Officers left the scene quietly."}, {"Полицейские ушли с места тихо."}}},
	{document.Aligned, "", [3][]string{{"Crews worked on."}, {"Бригады работали дальше."}}},
	{document.Aligned, "", [3][]string{{"Update: roads reopened."}, {"Обновление: дороги открыты."}}},
	{document.Aligned, "", [3][]string{{"## Roads still shut"}, {"## Дороги всё ещё закрыты"}}},
	{document.Aligned, "", [3][]string{{"Detours are signposted."}, {"Объезды обозначены."}}},
	{document.Aligned, "", [3][]string{{"Power failed."}, {"Свет отключился."}}},
	{document.Aligned, "", [3][]string{{"Lines went down."}, {"Линии оборвались."}}},
	{document.Aligned, "", [3][]string{{"Schools stay closed."}, {"Школы остаются закрытыми."}}},
	{document.Aligned, "", [3][]string{{"Exams move to May."}, {"Экзамены переносятся на май."}}},
}

// markupWant are OmegaT's segments of markupPages' English page, as its
// HTML filter makes them, with the translation a TMX that OmegaT reads as
// its own tags gives. markupInexact are the segments OmegaT 3.6 cannot
// match to any TMX unit: it names a <ph> or <it> by its place in the
// segment (a bold that starts after the paragraph's other tags is <b1>,
// an <it> first in its segment reads as 0), and a <br> is <br0>, two
// letters, where a TMX code gives one.
var (
	markupWant = map[string]string{
		"The river rose by <s0>three</s0> metres overnight.":      "Река поднялась на <s0>три</s0> метра за ночь.",
		"Water reached 10<s1>4</s1> homes.":                       "Вода дошла до 10<s1>4</s1> домов.",
		"Shops <u0>stayed</u0> open and the <a1>market</a1> too.": "Магазины <u0>работали</u0>, и <a1>рынок</a1> тоже.",
		"Tests found H<s0>2</s0>S in <b1>two</b1> wells.":         "Анализы нашли H<s0>2</s0>S в <b1>двух</b1> колодцах.",
		"<s0>Rescuers</s0> worked <i1>all</i1> night.":            "<s0>Спасатели</s0> работали <i1>всю</i1> ночь.",
		"<b0>Rain fell.":                                     "<b0>Шёл дождь.",
		"Roads closed</b0> at noon.":                         "Дороги закрыли</b0> в полдень.",
		"Buses ran <i0>late</i0>.":                           "Автобусы <i0>опаздывали</i0>.",
		"Begins there.":                                      "Там начало.",
		"<a0><b1>Help lines</b1> are open</a0> today.":       "<a0><b1>Горячие линии</b1> открыты</a0> сегодня.",
		"<b0>Strong <i1>nested</i1> part</b0> here.":         "<b0>Сильная <i1>вложенная</i1> часть</b0> здесь.",
		"Officers <b0>left </b0>the <a1>scene </a1>quietly.": "Полицейские <b0>ушли </b0>с <a1>места </a1>тихо.",
		"Crews<i0> worked</i0> on.":                          "Бригады<i0> работали</i0> дальше.",
		"<b0>Update</b0><b1>:</b1> roads reopened.":          "<b0>Обновление</b0><b1>:</b1> дороги открыты.",
		"Roads <i0>still</i0> shut":                          "Дороги <i0>всё ещё</i0> закрыты",
		"<b0>Power failed.":                                  "<b0>Свет отключился.",
		"</b0>Lines went down.":                              "</b0>Линии оборвались.",
		"<s0>Schools stay closed.":                           "<s0>Школы остаются закрытыми.",
		"</s0><s1>Exams move to May.</s1>":                   "</s0><s1>Экзамены переносятся на май.</s1>",
	}
	markupInexact = []string{"<b1>Trains stopped.", "Ferries</b1> waited.", "Ends here.<br0>"}
)

// TestOmegaTMarkup gives OmegaT, EN→RU with Display tags, markupPages'
// English page as the newsroom wrote it and as tilmash's page writes it,
// and the article's TMX in tm/auto/: every segment of markupWant gets its
// translation with OmegaT's tags, on both pages, and the translated pages
// have the markup back.
func TestOmegaTMarkup(t *testing.T) {
	omegatTest(t)
	run := omegatRULevel2.get(t)
	for _, name := range []string{"markup/original.html", "markup/tilmash.html"} { // markupProject's, in folder markup
		got := map[string]string{}
		for _, s := range run.segments {
			if s.file == name {
				got[s.source] = s.translation
			}
		}
		exact := 0
		for src, tr := range markupWant {
			if got[src] == tr {
				exact++
				continue
			}
			if _, ok := got[src]; !ok {
				t.Errorf("%s: OmegaT has no segment %q (segments: %q)", name, src, got)
				continue
			}
			t.Errorf("%s: %q got %q, want %q", name, src, got[src], tr)
		}
		for _, src := range markupInexact {
			if _, ok := got[src]; !ok {
				t.Errorf("%s: OmegaT has no segment %q; the inexact cases changed (segments: %q)", name, src, got)
			}
		}
		t.Logf("%s: %d of %d segments a TMX can match exactly translated (%d more OmegaT 3.6 cannot match: %q)", name, exact, len(markupWant), len(markupInexact), markupInexact)
	}
	out, err := os.ReadFile(filepath.Join(run.dir, "target", "markup", "original.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		`Река поднялась на <span class="num">три</span> метра за ночь. Вода дошла до 10<sup>4</sup> домов.`,
		`Магазины <u>работали</u>, и <a name="market">рынок</a> тоже.`,
		`<a href="https://example.org/f"><b>Горячие линии</b> открыты</a> сегодня.`,
		`<b>Сильная <i>вложенная</i> часть</b> здесь.`,
	} {
		if !bytes.Contains(out, []byte(w)) {
			t.Errorf("the translated original.html has no %s:\n%s", w, out)
		}
	}
}

// markupProject is TestOmegaTMarkup's OmegaT project EN→RU with Display
// tags: markupPages' English page as the newsroom wrote it
// (original.html) and as tilmash's page writes it (tilmash.html), and the
// article's TMX in tm/auto/.
func markupProject(t testing.TB) omegatProject {
	t.Helper()
	d, a := newHTMLDoc(t, "markup", markupPages, markupGroups)
	page, mem := pageAndTMX(t, d, a)
	pages := map[string][]byte{"original.html": []byte(markupPages["en"]), "tilmash.html": page.Bytes()}
	return omegatProject{target: "ru", sources: pages, auto: map[string][]byte{"markup.tmx": mem.Bytes()}, prefs: omegatLevel2}
}

// TestOmegaTDOCX gives OmegaT, EN→RU with Display tags, an article that
// came as DOCX (made by pandoc from Markdown of bold, italics and a link):
// the DOCX itself, and tilmash's English page of it, with the TMX in
// tm/auto/. On tilmash's page every segment gets its translation with its
// tags. OmegaT's Word filter makes a standalone tag of every run boundary
// (pandoc writes each space between differently formatted words as a run
// of its own: "The<t0/> <t1/>pumping<t2/> <t3/>station"), numbered on
// through the paragraph, which no TMX code gives (OmegaT 3.6 numbers an
// <it> or <ph> by its place in the segment, a <bpt> is no standalone
// tag): of the DOCX only the segments without tags are matched.
func TestOmegaTDOCX(t *testing.T) {
	omegatTest(t)
	testenv.Command(t, "pandoc", "apt-get install pandoc")
	run := omegatRULevel2.get(t) // docxProject's files, in folder docx
	want := map[string]string{
		"Water supply": "Водоснабжение",
		"The <s0>pumping</s0> station reopened on <e1>Monday</e1> morning.": "<s0>Насосная</s0> станция заработала в <e1>понедельник</e1> утром.",
		"Engineers said <a2>repairs</a2> took two days.":                    "Инженеры сказали, что <a2>ремонт</a2> занял два дня.",
		"Residents were asked to boil water.":                               "Жителей попросили кипятить воду.",
		"<s0>Deliveries</s0> resume tomorrow.":                              "<s0>Доставка</s0> возобновится завтра.",
	}
	got := map[string]string{}
	docx, docxTagged, docxDone := 0, 0, 0
	for _, s := range run.segments {
		switch s.file {
		case "docx/tilmash.html":
			got[s.source] = s.translation
		case "docx/original.docx":
			docx++
			switch {
			case strings.Contains(s.source, "<"):
				docxTagged++
			case s.translation != "":
				docxDone++
			default:
				t.Errorf("original.docx: %q, a segment without tags, got no translation", s.source)
			}
		}
	}
	for src, tr := range want {
		if got[src] != tr {
			t.Errorf("tilmash.html: %q got %q, want %q (segments %q)", src, got[src], tr, got)
		}
	}
	t.Logf("tilmash.html: %d segments translated with their tags; original.docx: %d segments, %d without tags all translated, %d with OmegaT's run tags not matched", len(want), docx, docxDone, docxTagged)
}

// docxProject is TestOmegaTDOCX's OmegaT project EN→RU with Display tags:
// an article that came as DOCX, made by pandoc (at path pandoc) from
// Markdown, as the DOCX itself (original.docx) and as tilmash's English
// page of it (tilmash.html), and its TMX in tm/auto/.
func docxProject(t testing.TB, pandoc string) omegatProject {
	t.Helper()
	md := map[string]string{
		"en": "# Water supply\n\nThe **pumping** station reopened on *Monday* morning. Engineers said [repairs](https://example.org/w) took two days.\n\nResidents were asked to boil water.\n\n**Deliveries** resume tomorrow.\n",
		"ru": "# Водоснабжение\n\n**Насосная** станция заработала в *понедельник* утром. Инженеры сказали, что [ремонт](https://example.org/w-ru) занял два дня.\n\nЖителей попросили кипятить воду.\n\n**Доставка** возобновится завтра.\n",
	}
	dir := t.TempDir()
	files := map[string][]byte{}
	for l, text := range md {
		src, dst := filepath.Join(dir, l+".md"), filepath.Join(dir, l+".docx")
		if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(pandoc, src, "-o", dst).CombinedOutput(); err != nil {
			t.Fatalf("pandoc: %v\n%s", err, out)
		}
		data, err := os.ReadFile(dst)
		if err != nil {
			t.Fatal(err)
		}
		files[l] = data
	}
	d, a := newImportedDoc(t, "water", docformat.DOCX, files, []groupSpec{
		{document.Aligned, "", [3][]string{{"# Water supply"}, {"# Водоснабжение"}}},
		{document.Aligned, "", [3][]string{{"The pumping station reopened on Monday morning."}, {"Насосная станция заработала в понедельник утром."}}},
		{document.Aligned, "", [3][]string{{"Engineers said repairs took two days."}, {"Инженеры сказали, что ремонт занял два дня."}}},
		{document.Aligned, "", [3][]string{{"Residents were asked to boil water."}, {"Жителей попросили кипятить воду."}}},
		{document.Aligned, "", [3][]string{{"Deliveries resume tomorrow."}, {"Доставка возобновится завтра."}}},
	})
	page, mem := pageAndTMX(t, d, a)
	sources := map[string][]byte{"original.docx": files["en"], "tilmash.html": page.Bytes()}
	return omegatProject{target: "ru", sources: sources, auto: map[string][]byte{"water.tmx": mem.Bytes()}, prefs: omegatLevel2}
}

// omegatTest starts a test that runs OmegaT: skipped loudly without
// omegat, skipped under -short (OmegaT takes seconds to start), and
// parallel: each project has its own folder (omegatServer translates them
// one at a time).
func omegatTest(t *testing.T) {
	t.Helper()
	testenv.Command(t, "omegat", "apt-get install omegat default-jre-headless")
	if testing.Short() {
		t.Skip("SKIP: OmegaT runs take seconds (-short)")
	}
	t.Parallel()
}

// pageAndTMX is what the OmegaT tests give OmegaT of document d: tilmash's
// English page of it and its EN-RU TMX.
func pageAndTMX(t testing.TB, d *document.Document, a *document.Alignment) (page, mem *bytes.Buffer) {
	t.Helper()
	page, mem = &bytes.Buffer{}, &bytes.Buffer{}
	if err := Localized(page, "html", d, "en", Options{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	if err := Write(mem, "tmx", d, a, Options{Version: "test", Langs: []string{"en", "ru"}}); err != nil {
		t.Fatal(err)
	}
	return page, mem
}
