package check_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
)

var recheckSteps = flag.Int("recheck.steps", 60, "random edits TestRecheckEqualsDocument makes (more for a longer search)")

// recheckPool holds sentences with something for every check to find:
// numbers that differ, straight quotes and hyphens for dashes, names of
// the test glossary in accepted and forbidden forms, Kazakh endings, an
// English sentence left in the translation, and sentences long enough
// for consistency.
var recheckPool = map[string][]string{
	"en": {
		"Tokayev arrived in Almaty on Monday.",
		"The court heard 5 witnesses on 12 May.",
		"Prices rose by 7% in March.",
		"The judge asked for new evidence.",
		"He said \"we will win\" - and left.",
		"Kassym-Jomart Tokayev met the delegation.",
		"The hearing resumes in May.",
	},
	"ru": {
		"Токаев прилетел в Алматы в понедельник.",
		"Суд выслушал 5 свидетелей 12 мая.",
		"Суд выслушал 6 свидетелей 12 мая.",
		"Цены выросли на 9% в марте.",
		"Судья запросил новые доказательства.",
		"Он сказал \"мы победим\" - и ушёл.",
		"Тоқаев встретился с делегацией в Алма-Ате.",
		"Слушания продолжатся в мае.",
		"The judge asked for new evidence.",
	},
	"kk": {
		"Тоқаев дүйсенбі күні Алматыға келді.",
		"Сот 12 мамырда 5 куәні тыңдады.",
		"Бағалар наурызда 7% өсті.",
		"Судья жаңа дәлелдер сұрады.",
		"Ол \"жеңеміз\" деді - де кетті.",
		"Токаевқа делегация келді.",
		"Тыңдау мамыр айында жалғасады.",
	},
}

var recheckLangs = []string{"en", "ru", "kk"}

// recheckGroup is a group of the model document: its sentences in each
// language, whether it is confirmed, and whether a blank line follows it
// (a paragraph ends).
type recheckGroup struct {
	sents     map[string][]string
	confirmed bool
	para      bool
}

// recheckDoc writes the model's texts as document id's and returns its
// alignment, current for those texts unless stale.
func recheckDoc(t *testing.T, d *document.Document, groups []*recheckGroup, stale bool) *document.Alignment {
	t.Helper()
	a := &document.Alignment{Document: d.ID, Pivot: "en", Languages: recheckLangs, Sources: map[string]string{}}
	for range groups {
		a.Groups = append(a.Groups, &document.Group{Status: document.Aligned, Score: 1, Sents: map[string][]document.Sentence{}})
	}
	for _, l := range recheckLangs {
		var b strings.Builder
		for i, g := range groups {
			for k, s := range g.sents[l] {
				if k > 0 {
					b.WriteByte(' ')
				}
				a.Groups[i].Sents[l] = append(a.Groups[i].Sents[l], document.Sentence{Start: b.Len(), End: b.Len() + len(s), Text: s})
				b.WriteString(s)
			}
			if len(g.sents[l]) > 0 {
				b.WriteString("\n")
				if g.para {
					b.WriteString("\n")
				}
			}
		}
		text := strings.TrimRight(b.String(), "\n") + "\n"
		if _, err := document.Import(d.WS, d.ID, l, []byte(text), l+".txt", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		a.Sources[l] = document.Hash(text)
		if stale {
			a.Sources[l] = document.Hash(text + "x")
		}
	}
	for i, g := range groups {
		if g.confirmed {
			a.Groups[i].Status = document.Confirmed
		}
	}
	return a
}

// TestRecheckEqualsDocument edits a document at random, step after step
// (a sentence replaced, groups merged, split, added, removed, confirmed),
// and holds the findings of Recheck, given the previous step's check, to
// those of a full check: every finding, its number, place and order, and
// consistency's. Some steps leave the alignment stale, so that the
// document is checked by paragraph.
func TestRecheckEqualsDocument(t *testing.T) {
	ws := newWorkspace(t, testGlossary, "d", nil)
	ch := testChecker(t)
	cfg := check.Config{Checks: []string{"terms", "numbers", "untranslated", "consistency", "typography", "endings"}}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(l string) string { return recheckPool[l][rng.IntN(len(recheckPool[l]))] }
	newGroup := func() *recheckGroup {
		g := &recheckGroup{sents: map[string][]string{}, confirmed: rng.IntN(2) == 0, para: rng.IntN(3) == 0}
		for _, l := range recheckLangs {
			for range 1 + rng.IntN(2) {
				g.sents[l] = append(g.sents[l], pick(l))
			}
		}
		return g
	}
	var groups []*recheckGroup
	for range 30 {
		groups = append(groups, newGroup())
	}
	if _, err := document.Import(ws, "d", "en", []byte("x\n"), "en.txt", document.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "d")
	if err != nil {
		t.Fatal(err)
	}
	var prev *check.Checked
	scopes := map[check.Scope]int{}
	reused, findings := 0, 0
	for step := range *recheckSteps {
		what := "first"
		if step > 0 {
			i := rng.IntN(len(groups))
			switch op := rng.IntN(7); {
			case op <= 2:
				l := recheckLangs[rng.IntN(3)]
				if s := groups[i].sents[l]; len(s) > 0 {
					s[rng.IntN(len(s))] = pick(l)
				}
				what = fmt.Sprintf("sentence of %d in %s replaced", i+1, l)
			case op == 3 && i+1 < len(groups):
				for _, l := range recheckLangs {
					groups[i].sents[l] = append(groups[i].sents[l], groups[i+1].sents[l]...)
				}
				groups = append(groups[:i+1], groups[i+2:]...)
				what = fmt.Sprintf("%d and %d merged", i+1, i+2)
			case op == 4:
				g := &recheckGroup{sents: map[string][]string{}}
				for _, l := range recheckLangs {
					s := groups[i].sents[l]
					k := rng.IntN(len(s) + 1)
					g.sents[l] = append([]string(nil), s[k:]...)
					groups[i].sents[l] = s[:k]
				}
				groups = append(groups[:i+1], append([]*recheckGroup{g}, groups[i+1:]...)...)
				what = fmt.Sprintf("%d split", i+1)
			case op == 5:
				groups[i].confirmed = !groups[i].confirmed
				what = fmt.Sprintf("%d confirmed %v", i+1, groups[i].confirmed)
			case len(groups) > 5 && rng.IntN(2) == 0:
				groups = append(groups[:i], groups[i+1:]...)
				what = fmt.Sprintf("%d removed", i+1)
			default:
				groups = append(groups[:i], append([]*recheckGroup{newGroup()}, groups[i:]...)...)
				what = fmt.Sprintf("a group added at %d", i+1)
			}
		}
		a := recheckDoc(t, d, groups, rng.IntN(8) == 0)
		if d, err = document.Open(ws, "d"); err != nil {
			t.Fatal(err)
		}
		full := check.NewSuite(ch, "en", recheckLangs, cfg)
		want, err := full.Document(0, d, a)
		if err != nil {
			t.Fatal(err)
		}
		inc := check.NewSuite(ch, "en", recheckLangs, cfg)
		got, err := inc.Recheck(0, d, a, prev)
		if err != nil {
			t.Fatal(err)
		}
		gotFindings, wantFindings := got.Report.Findings, want.Findings
		want.Findings, got.Report.Findings = nil, nil
		if !reflect.DeepEqual(got.Report, want) {
			t.Fatalf("step %d (%s): report\n%+v\nwant\n%+v", step, what, got.Report, want)
		}
		got.Report.Findings = gotFindings
		if !reflect.DeepEqual(gotFindings, wantFindings) {
			t.Fatalf("step %d (%s): findings differ\n got %v\nwant %v", step, what, briefs(gotFindings), briefs(wantFindings))
		}
		findings += len(wantFindings)
		if g, w := inc.Consistency(), full.Consistency(); !reflect.DeepEqual(g, w) {
			t.Fatalf("step %d (%s): consistency\n got %v\nwant %v", step, what, briefs(g), briefs(w))
		}
		scopes[want.Scope]++
		if prev != nil && got.Rechecked < want.Units {
			reused++
		}
		prev = got
	}
	t.Logf("scopes %v; %d of %d steps reused findings; %d findings compared", scopes, reused, *recheckSteps-1, findings)
	if scopes[check.ScopeGroup] == 0 || scopes[check.ScopeParagraph]+scopes[check.ScopeText] == 0 || reused < *recheckSteps/2 {
		t.Errorf("the edits did not cover the cases: scopes %v, %d steps reused findings", scopes, reused)
	}
}

// TestRecheckOtherSuite: findings kept by a suite with other checks, or
// another glossary, are not reused; every unit is checked again.
func TestRecheckOtherSuite(t *testing.T) {
	texts := map[string]string{
		"en": "# Tokayev in Almaty\n\nTokayev arrived. He spoke in \"Almaty\".\n",
		"ru": "# Токаев в Алматы\n\nТокаев прилетел. Он выступил в \"Алма-Ате\".\n",
	}
	ws := newWorkspace(t, testGlossary, "visit", texts)
	d, err := document.Open(ws, "visit")
	if err != nil {
		t.Fatal(err)
	}
	a := sentenceAlignment(t, "visit", []string{"en", "ru"}, texts)
	ch := testChecker(t)
	langs := []string{"en", "ru"}
	some := check.Config{Checks: []string{"terms"}}
	all := check.Config{Checks: []string{"terms", "typography"}}
	prev, err := check.NewSuite(ch, "en", langs, some).Recheck(0, d, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*check.Suite{
		"other checks":   check.NewSuite(ch, "en", langs, all),
		"other glossary": check.NewSuite(testChecker(t), "en", langs, some),
	} {
		want, err := s.Document(0, d, a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Recheck(0, d, a, prev)
		if err != nil {
			t.Fatal(err)
		}
		if got.Rechecked != want.Units || !reflect.DeepEqual(got.Report.Findings, want.Findings) {
			t.Errorf("%s: %d of %d units checked, findings\n%v\nwant\n%v", name, got.Rechecked, want.Units, briefs(got.Report.Findings), briefs(want.Findings))
		}
	}
	same, err := check.NewSuite(ch, "en", langs, some).Recheck(0, d, a, prev)
	if err != nil || same.Rechecked != 0 {
		t.Errorf("the same suite checked %d units again (%v), want none", same.Rechecked, err)
	}
}
