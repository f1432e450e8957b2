package check_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/workspace"
)

// qaPlanted is one row of documents/demo-qa-errors/README.md:
//
//	| # | kind | severity | language | group | wrong text | what is wrong | expected |
type qaPlanted struct {
	Kind, Severity, Lang string
	Group                int
	Wrong                string
}

func qaPlantedMistakes(t *testing.T) []qaPlanted {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "documents", "demo-qa-errors", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile("`([^`]*)`")
	var out []qaPlanted
	for _, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 10 || !regexp.MustCompile(`^\s*\d+\s*$`).MatchString(cells[1]) {
			continue
		}
		g, err := strconv.Atoi(strings.TrimSpace(cells[5]))
		if err != nil {
			t.Fatalf("README row %q: group %v", line, err)
		}
		p := qaPlanted{Kind: strings.TrimSpace(cells[2]), Severity: strings.TrimSpace(cells[3]), Lang: strings.TrimSpace(cells[4]), Group: g}
		if m := code.FindStringSubmatch(cells[6]); m != nil {
			p.Wrong = m[1]
		}
		out = append(out, p)
	}
	if len(out) != len(qa.Kinds) {
		t.Fatalf("the README lists %d mistakes, want one per check (%d)", len(out), len(qa.Kinds))
	}
	return out
}

// TestDemoQAErrors checks the repository's demo document with every check,
// in the repository's own workspace (its alignment and confirmations as
// committed), and finds exactly the mistakes its README lists: one per
// editors' check, none of the glossary's.
func TestDemoQAErrors(t *testing.T) {
	ws, err := workspace.Open(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	want := qaPlantedMistakes(t)
	if _, err := exec.LookPath("hunspell"); err != nil {
		testenv.Missing(t, "the program hunspell", "apt-get install hunspell hunspell-ru hunspell-kk hunspell-en-us")
		want = slices.DeleteFunc(want, func(p qaPlanted) bool { return p.Kind == string(qa.Spelling) })
	}
	terms, err := check.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	suite := check.NewSuite(terms, ws.Config.Source, ws.Config.Languages, check.Config{})
	defer suite.Close()
	d, err := document.Open(ws, "demo-qa-errors")
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	r, err := suite.Document(0, d, a)
	if err != nil {
		t.Fatal(err)
	}
	if r.Scope != check.ScopeGroup {
		t.Fatalf("checked %s, want group by group: the committed alignment no longer matches the texts", r.Scope)
	}
	got := append(r.Findings, suite.Consistency()...)
	var gotRows []qaPlanted
	for _, f := range got {
		p := qaPlanted{Kind: f.Kind, Severity: string(f.Severity), Lang: f.Lang, Group: f.Group}
		switch {
		case f.Kind == string(qa.Typography):
			p.Wrong = f.Text
		case len(f.Places) > 0:
			if vs, ok := f.TemplateData()["Variants"].([]string); ok && len(vs) > 1 {
				p.Wrong = vs[1]
			}
			// Each place says which variant it has: here one each.
			for i, pl := range f.Places {
				if pl.Variant != i+1 {
					t.Errorf("consistency: place %d (group %d) has variant %d, want %d", i, pl.Group, pl.Variant, i+1)
				}
			}
		case f.Kind == string(qa.Untranslated):
			p.Wrong = f.Segment
		default:
			p.Wrong = f.Text
		}
		gotRows = append(gotRows, p)
	}
	for _, w := range want {
		i := slices.IndexFunc(gotRows, func(g qaPlanted) bool { return g == w })
		if i < 0 {
			t.Errorf("planted %+v not found", w)
			continue
		}
		gotRows = slices.Delete(gotRows, i, i+1)
	}
	for _, g := range gotRows {
		t.Errorf("unexpected finding %+v", g)
	}
	// The endings finding gives the fix and replaces the glossary's
	// "missing".
	for _, f := range got {
		if f.Kind == string(qa.Endings) && f.Expected != "Алматыға" {
			t.Errorf("endings fix %q, want Алматыға", f.Expected)
		}
		// The links finding is the changed address, with the source's as
		// its fix.
		if f.Kind == string(qa.Links) && (f.MessageID() != "qa.links.changed" || f.Expected != "budget.example.org/region") {
			t.Errorf("links finding %s, fix %q, want qa.links.changed, budget.example.org/region", f.MessageID(), f.Expected)
		}
	}
}
