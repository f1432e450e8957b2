package check_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// The repository's own workspace: the house glossary and the sample
// documents live beside the code, so these tests need nothing from outside.
const repoRoot = "../.."

// planted is one mistake the demo document's README lists.
type planted struct {
	Lang, Wrong, Entry, Kind string
}

// plantedMistakes reads the table of documents/demo-term-errors/README.md:
//
//	| # | language | sentence (paragraph) · group | wrong text | glossary entry | kind | expected |
//
// The test takes its expectations from there, so the README and the tool
// cannot drift apart.
func plantedMistakes(t *testing.T) []planted {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "documents", "demo-term-errors", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile("`([^`]*)`")
	var out []planted
	for _, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 8 || !regexp.MustCompile(`^\s*\d+\s*$`).MatchString(cells[1]) {
			continue
		}
		p := planted{Lang: strings.TrimSpace(cells[2]), Kind: strings.TrimSpace(cells[6])}
		if m := code.FindStringSubmatch(cells[4]); m != nil {
			p.Wrong = m[1]
		}
		if m := code.FindStringSubmatch(cells[5]); m != nil {
			p.Entry = m[1]
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		t.Fatal("no planted mistakes found in the README table")
	}
	return out
}

// repoWorkspace makes a workspace with the house glossary and imports the
// named documents of the repository into it.
func repoWorkspace(t *testing.T, ids ...string) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(repoRoot, "glossary", "*.yaml"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(ws.Path("glossary", filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range ids {
		for _, l := range ws.Config.Languages {
			data, err := os.ReadFile(filepath.Join(repoRoot, "documents", id, l+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := document.Import(ws, id, l, data, l+".txt", document.ImportOptions{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ws
}

// matches compares findings with the planted mistakes: same language, kind
// and entry, and the wrong text is what was found (for a missing entry, it
// is in the translation that leaves the entry out).
func matches(t *testing.T, fs []check.Finding, want []planted) {
	t.Helper()
	key := func(lang, kind, entry string) string { return lang + " " + kind + " " + entry }
	var got, exp []string
	for _, f := range fs {
		got = append(got, key(f.Lang, f.Kind, f.EntryID))
	}
	for _, p := range want {
		exp = append(exp, key(p.Lang, p.Kind, p.Entry))
	}
	sort.Strings(got)
	sort.Strings(exp)
	if strings.Join(got, "\n") != strings.Join(exp, "\n") {
		t.Fatalf("findings:\n%s\nwant exactly the planted mistakes:\n%s", strings.Join(got, "\n"), strings.Join(exp, "\n"))
	}
	for _, p := range want {
		for _, f := range fs {
			if key(f.Lang, f.Kind, f.EntryID) != key(p.Lang, p.Kind, p.Entry) {
				continue
			}
			where := f.Text
			if f.Kind == "missing" {
				where = f.Target
			}
			if !strings.Contains(where, p.Wrong) {
				t.Errorf("%s %s %s: found in %q, want %q there", p.Lang, p.Kind, p.Entry, where, p.Wrong)
			}
		}
	}
}

// TestDemoDocument checks that the demo document yields exactly the
// mistakes its README plants: first as imported (checked by paragraph),
// then aligned one to one as its README says it is (checked by group).
func TestDemoDocument(t *testing.T) {
	want := plantedMistakes(t)
	const id = "demo-term-errors"
	ws := repoWorkspace(t, id)
	c, err := check.Load(ws)
	if err != nil || c == nil {
		t.Fatalf("Load = %v, %v", c, err)
	}
	d, err := document.Open(ws, id)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("not aligned", func(t *testing.T) {
		r, err := c.Document(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Scope != check.ScopeParagraph {
			t.Errorf("scope %s, want paragraph", r.Scope)
		}
		matches(t, r.Findings, want)
	})

	t.Run("aligned", func(t *testing.T) {
		texts, err := d.Texts()
		if err != nil {
			t.Fatal(err)
		}
		a := sentenceAlignment(t, id, ws.Config.Languages, texts)
		if err := d.SaveAlignment(a); err != nil {
			t.Fatal(err)
		}
		a, err = d.Alignment()
		if err != nil {
			t.Fatal(err)
		}
		r, err := c.Document(d, a)
		if err != nil {
			t.Fatal(err)
		}
		if r.Scope != check.ScopeGroup {
			t.Errorf("scope %s, want group", r.Scope)
		}
		matches(t, r.Findings, want)
		// The README numbers groups from 0 for the heading.
		var groups []int
		for _, f := range r.Findings {
			groups = append(groups, f.Group-1)
		}
		sort.Ints(groups)
		if !reflect.DeepEqual(groups, []int{1, 5, 8, 9}) {
			t.Errorf("groups (heading = 0) %v, want [1 5 8 9] as the README says", groups)
		}
	})
}

// TestSampleDocumentsClean checks that the sample articles, which use the
// glossary's forms throughout, give no findings.
func TestSampleDocumentsClean(t *testing.T) {
	ids := []string{"zarechnoye-videos", "torture-complaints-reform"}
	for _, id := range ids {
		if _, err := os.Stat(filepath.Join(repoRoot, "documents", id, "en.txt")); err != nil {
			t.Skipf("sample document %s not in this checkout", id)
		}
	}
	ws := repoWorkspace(t, ids...)
	c, err := check.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		d, err := document.Open(ws, id)
		if err != nil {
			t.Fatal(err)
		}
		r, err := c.Document(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Findings {
			t.Errorf("%s %s %d: %v", id, r.Scope, f.Group, f.Finding)
		}
	}
}

// BenchmarkDocument measures the check of one sample article (about 800
// words in each of three languages) with the house glossary, compiled
// once: what status pays per document.
func BenchmarkDocument(b *testing.B) {
	ws, err := workspace.Init(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(repoRoot, "glossary", "*.yaml"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		os.WriteFile(ws.Path("glossary", filepath.Base(f)), data, 0o644)
	}
	const id = "zarechnoye-videos"
	size := 0
	for _, l := range ws.Config.Languages {
		data, err := os.ReadFile(filepath.Join(repoRoot, "documents", id, l+".txt"))
		if err != nil {
			b.Skip("sample document not in this checkout")
		}
		size += len(data)
		if _, err := document.Import(ws, id, l, data, l+".txt", document.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	d, err := document.Open(ws, id)
	if err != nil {
		b.Fatal(err)
	}
	c, err := check.Load(ws)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		if _, err := c.Document(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}
