package align

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// The evaluation reproduces ../shared/eval: perturb.py builds bitexts with a known alignment from
// the NTREX news corpus, and score.py's presegmented mode scores exact beads (strict) and sentence
// links (lax). The shared folder is not part of the repository, so these tests skip without it.

const sharedDir = "../../../shared"

// evalDoc is one perturbed bitext with its gold beads.
type evalDoc struct {
	name     string
	src, tgt []string
	gold     [][2][]int
}

// perturbedSets loads the sets of both pairs of perturbedNTREX. It skips the test when python3 or
// the shared folder is missing.
func perturbedSets(t testing.TB) map[string][]evalDoc {
	t.Helper()
	return loadSets(t, perturbedNTREX(t))
}

// ntrexPerturbed is perturb.py's output for ntrex-dev: it is the same for every test that reads it
// (TestEvalNTREX, TestEvalParagraphs), so the first makes it, in a folder TestMain removes.
var ntrexPerturbed struct {
	once sync.Once
	dir  string
	err  error
}

// perturbedNTREX returns the folder of perturb.py's output for ntrex-dev (see ntrexPerturbed).
func perturbedNTREX(t testing.TB) string {
	t.Helper()
	script, py := perturbScript(t)
	ntrexPerturbed.once.Do(func() {
		dir, err := os.MkdirTemp("", "tilmash-perturbed-")
		if err != nil {
			ntrexPerturbed.err = err
			return
		}
		ntrexPerturbed.dir = dir
		ntrexPerturbed.err = runPerturb(py, script, filepath.Join(sharedDir, "corpora", "ntrex-dev"), dir)
	})
	if ntrexPerturbed.err != nil {
		t.Fatal(ntrexPerturbed.err)
	}
	return ntrexPerturbed.dir
}

// perturbScript returns the path of perturb.py and the python3 to run it with, or skips the test
// (see testenv.Missing) without them.
func perturbScript(t testing.TB) (script, py string) {
	t.Helper()
	script = filepath.Join(sharedDir, "eval", "perturb.py")
	if _, err := os.Stat(script); err != nil {
		testenv.Missing(t, "../shared/eval", "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
	}
	return script, testenv.Python3(t)
}

// runPerturb runs perturb.py on corpus into out.
func runPerturb(py, script, corpus, out string) error {
	if b, err := exec.Command(py, pythonArgs(script, corpus, out)...).CombinedOutput(); err != nil {
		return fmt.Errorf("perturb.py: %v\n%s", err, b)
	}
	return nil
}

// pythonArgs are the arguments of python3 for a script of ../shared/eval or bench/: -S, as they
// import the standard library only, and the site packages' start-up (on a pyenv Python, its .pth
// files) was half the processor time of each run (0.09 of 0.19 CPU-s).
func pythonArgs(script string, args ...string) []string {
	return append([]string{"-S", script}, args...)
}

// loadSets loads the presegmented sets of both pairs from a directory laid out as perturb.py's.
func loadSets(t testing.TB, out string) map[string][]evalDoc {
	t.Helper()
	sets := map[string][]evalDoc{}
	for _, pair := range []string{"en-ru", "en-kk"} {
		golds, _ := filepath.Glob(filepath.Join(out, pair, "*.gold.json"))
		slices.Sort(golds)
		for _, g := range golds {
			base := strings.TrimSuffix(g, ".gold.json")
			var gold struct {
				Beads [][2][]int `json:"beads"`
			}
			b, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &gold); err != nil {
				t.Fatalf("%s: %v", g, err)
			}
			sets[pair] = append(sets[pair], evalDoc{
				name: base,
				src:  readLines(t, base+".src"),
				tgt:  readLines(t, base+".tgt"),
				gold: gold.Beads,
			})
		}
	}
	return sets
}

// readLines splits a file at "\n", like score.py (no final newline in perturb.py's output).
func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

func sentences(lines []string) []Sentence {
	out := make([]Sentence, len(lines))
	for i, l := range lines {
		out[i] = Sentence{Text: l}
	}
	return out
}

// prf accumulates counts for precision, recall and F1.
type prf struct{ tp, pred, gold int }

func (c prf) f1() float64 {
	if c.pred == 0 || c.gold == 0 || c.tp == 0 {
		return 0
	}
	p, r := float64(c.tp)/float64(c.pred), float64(c.tp)/float64(c.gold)
	return 2 * p * r / (p + r)
}

func (c prf) String() string {
	p, r := float64(c.tp)/float64(max(c.pred, 1)), float64(c.tp)/float64(max(c.gold, 1))
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f", p, r, c.f1())
}

// scoreDoc adds one document's strict (exact beads) and lax (links) counts, as score.py does.
func scoreDoc(strict, lax *prf, gold [][2][]int, pred []Bead) {
	key := func(s, t []int) string { return fmt.Sprint(s, t) }
	gs := map[string]bool{}
	gl := map[[2]int]bool{}
	for _, b := range gold {
		gs[key(b[0], b[1])] = true
		for _, i := range b[0] {
			for _, j := range b[1] {
				gl[[2]int{i, j}] = true
			}
		}
	}
	ps := map[string]bool{}
	pl := map[[2]int]bool{}
	for _, b := range pred {
		if len(b.Src)+len(b.Tgt) > 0 {
			ps[key(b.Src, b.Tgt)] = true
		}
		for _, i := range b.Src {
			for _, j := range b.Tgt {
				pl[[2]int{i, j}] = true
			}
		}
	}
	for k := range ps {
		if gs[k] {
			strict.tp++
		}
	}
	strict.pred += len(ps)
	strict.gold += len(gs)
	for k := range pl {
		if gl[k] {
			lax.tp++
		}
	}
	lax.pred += len(pl)
	lax.gold += len(gl)
}

// TestEvalNTREX asserts the quality targets on the ntrex-dev sets: strict F1 ≥ 0.98 (issue 16:
// the light sets must not suffer from what helps on edited ones; issue 4 asked for 0.95) and lax
// F1 ≥ 0.98 for en-ru and en-kk (hunalign with an empty dictionary: strict 0.857 and 0.836).
func TestEvalNTREX(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation is slow-ish; skipped in -short")
	}
	sets := perturbedSets(t)
	for _, pair := range []string{"en-ru", "en-kk"} {
		t.Run(pair, func(t *testing.T) {
			var strict, lax prf
			opt := Options{SrcLang: "en", TgtLang: pair[3:]}
			for _, d := range sets[pair] {
				pred := Pair(sentences(d.src), sentences(d.tgt), opt)
				scoreDoc(&strict, &lax, d.gold, pred)
				if os.Getenv("ALIGN_EVAL_VERBOSE") != "" {
					reportErrors(t, d, pred)
				}
			}
			t.Logf("%s strict %v | lax %v", pair, strict, lax)
			if strict.f1() < 0.98 || lax.f1() < 0.98 {
				t.Errorf("%s: strict F1 %.3f (want ≥ 0.98), lax F1 %.3f (want ≥ 0.98)", pair, strict.f1(), lax.f1())
			}
		})
	}
}

// TestEvalEdited asserts the quality of issue 16 on the dev half of the edited sets that
// bench/editset.py builds from ntrex-dev (runs of 2-5 dropped or added sentences, 1-3 and 3-1
// besides 1-2, 2-1, 1-0 and 0-1), without a lexicon of the caller's. Before run beads the aligner
// scored strict F1 0.909 (en-ru) and 0.880 (en-kk) on the unseeded set; with them 0.933 and 0.955;
// with the second pass 0.966 and 0.968; with the penalty for beads that share no anchor (see
// unanchored) 0.979 and 0.984. One set of 20 documents is a noisy measure, so the test pools the
// unseeded set with seeds 1-3: with acronym keys and the seed lexicon 0.969 and 0.973 (before,
// 0.965 and 0.958); today 0.975 and 0.974, and with the margin split of doubtful pairs (see
// margin.go) 0.978 and 0.976 when outmatched means under half, 0.976 and 0.977 under three
// quarters (chosen on the 20 dev halves of bench/editset.py's seeds none, s2-s15 and s41-s45,
// where it is ahead for both pairs); with the penalty for a member of a merge that shares nothing
// (see memberCost) 0.978 and 0.980. (The held-out half is for reporting; see bench/editset.py.)
func TestEvalEdited(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation skipped in -short")
	}
	var all []map[string][]evalDoc
	for _, seed := range []string{"", "1", "2", "3"} {
		all = append(all, editedDev(t, seed))
	}
	for _, tt := range []struct {
		pair   string
		strict float64
	}{{"en-ru", 0.978}, {"en-kk", 0.979}} {
		var strict, lax prf
		opt := Options{SrcLang: "en", TgtLang: tt.pair[3:]}
		for _, sets := range all {
			for _, d := range sets[tt.pair] {
				pred := Pair(sentences(d.src), sentences(d.tgt), opt)
				scoreDoc(&strict, &lax, d.gold, pred)
				if os.Getenv("ALIGN_EVAL_VERBOSE") != "" {
					reportErrors(t, d, pred)
				}
			}
		}
		t.Logf("%s edited (dev, 4 sets) strict %v | lax %v", tt.pair, strict, lax)
		if strict.f1() < tt.strict {
			t.Errorf("%s: strict F1 %.3f on the edited dev sets, want ≥ %.3f", tt.pair, strict.f1(), tt.strict)
		}
	}
}

// editedDev builds the edited sets of bench/editset.py from ntrex-dev with seed (none if empty)
// and returns their dev half. It skips the test, loudly, without ../shared/corpora.
func editedDev(t *testing.T, seed string) map[string][]evalDoc {
	t.Helper()
	corpus := filepath.Join(sharedDir, "corpora", "ntrex-dev")
	if _, err := os.Stat(corpus); err != nil {
		testenv.Missing(t, "../shared/corpora", "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
	}
	out := t.TempDir()
	args := pythonArgs(filepath.Join("..", "..", "bench", "editset.py"), corpus, out)
	if seed != "" {
		args = append(args, seed)
	}
	if b, err := exec.Command(testenv.Python3(t), args...).CombinedOutput(); err != nil {
		t.Fatalf("editset.py: %v\n%s", err, b)
	}
	return loadSets(t, filepath.Join(out, "dev"))
}

// reportErrors logs the beads of pred that are not gold beads, with their text, for error analysis.
func reportErrors(t *testing.T, d evalDoc, pred []Bead) {
	gs := map[string]bool{}
	for _, b := range d.gold {
		gs[fmt.Sprint(b[0], b[1])] = true
	}
	ps := map[string]bool{}
	for _, b := range pred {
		ps[fmt.Sprint(b.Src, b.Tgt)] = true
	}
	show := func(tag string, s, tg []int, score float64) {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s %v %v %.2f\n", tag, filepath.Base(d.name), s, tg, score)
		for _, i := range s {
			fmt.Fprintf(&b, "   S%d %.110s\n", i, d.src[i])
		}
		for _, j := range tg {
			fmt.Fprintf(&b, "   T%d %.110s\n", j, d.tgt[j])
		}
		t.Log(b.String())
	}
	for _, b := range pred {
		if !gs[fmt.Sprint(b.Src, b.Tgt)] {
			show("WRONG", b.Src, b.Tgt, b.Score)
		}
	}
	for _, b := range d.gold {
		if !ps[fmt.Sprint(b[0], b[1])] {
			show("MISSED", b[0], b[1], 0)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestEvalParagraphs aligns the raw-mode texts of the NTREX sets with the gold sentence cuts and
// the paragraphs of the raw text, so that it measures the aligner (with its paragraph cue) apart
// from the segmenter: links against the gold 1-1 line alignment, as score.py's raw mode does.
func TestEvalParagraphs(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation skipped in -short")
	}
	dir := perturbedNTREX(t)
	for _, pair := range []string{"en-ru", "en-kk"} {
		var links prf
		files, _ := filepath.Glob(filepath.Join(dir, pair, "*.lines.json"))
		for _, f := range files {
			base := strings.TrimSuffix(f, ".lines.json")
			var gl struct{ Src, Tgt []string }
			if err := json.Unmarshal(must(os.ReadFile(f)), &gl); err != nil {
				t.Fatal(err)
			}
			src := withParagraphs(gl.Src, string(must(os.ReadFile(base+".src.txt"))))
			tgt := withParagraphs(gl.Tgt, string(must(os.ReadFile(base+".tgt.txt"))))
			if src == nil || tgt == nil {
				t.Fatalf("%s: the lines do not spell out the raw text", base)
			}
			gold := make([][2][]int, len(gl.Src))
			for i := range gold {
				gold[i] = [2][]int{{i}, {i}}
			}
			var strict prf
			scoreDoc(&strict, &links, gold, Pair(src, tgt, Options{SrcLang: "en", TgtLang: pair[3:]}))
		}
		t.Logf("%s links %v", pair, links)
		if links.f1() < 0.97 {
			t.Errorf("%s: link F1 %.3f with gold sentences and paragraphs, want ≥ 0.97", pair, links.f1())
		}
	}
}

// withParagraphs numbers the paragraphs of lines as they appear in text, where paragraphs are
// the lines joined by spaces and separated by blank lines (perturb.py's raw files). It returns
// nil if the lines do not make up the text.
func withParagraphs(lines []string, text string) []Sentence {
	out := make([]Sentence, len(lines))
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	k := 0
	for p, para := range paras {
		rest := para
		for k < len(lines) && strings.HasPrefix(rest, lines[k]) {
			out[k] = Sentence{Text: lines[k], Para: p}
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, lines[k]), " ")
			k++
		}
	}
	if k != len(lines) {
		return nil
	}
	return out
}

// TestEvalThree measures Three on NTREX documents whose Russian and Kazakh sides are perturbed
// independently (target sentences joined to the next or dropped, as perturb.py does), so that the
// two translations disagree about boundaries. The gold groups are the gold beads of both pairs
// combined; the score is the F1 of exactly right groups.
func TestEvalThree(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation skipped in -short")
	}
	dir := filepath.Join(sharedDir, "corpora", "ntrex-dev")
	if _, err := os.Stat(dir); err != nil {
		testenv.Missing(t, "../shared/corpora", "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
	}
	en, ru, kk := readLines(t, filepath.Join(dir, "en.txt")), readLines(t, filepath.Join(dir, "ru.txt")), readLines(t, filepath.Join(dir, "kk.txt"))
	ids := readLines(t, filepath.Join(dir, "doc_ids.txt"))
	rng := rand.New(rand.NewPCG(2024, 4))
	// perturbTarget joins or drops target lines; it returns the target and the gold beads.
	perturbTarget := func(lines []string) ([]Sentence, []Bead) {
		var tgt []Sentence
		var beads []Bead
		for i := 0; i < len(lines); i++ {
			switch r := rng.Float64(); {
			case r < 0.06 && i+1 < len(lines):
				tgt = append(tgt, Sentence{Text: lines[i] + " " + lines[i+1]})
				beads = append(beads, Bead{Src: []int{i, i + 1}, Tgt: []int{len(tgt) - 1}})
				i++
			case r < 0.08:
				beads = append(beads, Bead{Src: []int{i}, Tgt: []int{}})
			default:
				tgt = append(tgt, Sentence{Text: lines[i]})
				beads = append(beads, Bead{Src: []int{i}, Tgt: []int{len(tgt) - 1}})
			}
		}
		return tgt, beads
	}
	var groups prf
	for start := 0; start < len(ids); {
		end := start
		for end < len(ids) && strings.Split(ids[end], "\t")[0] == strings.Split(ids[start], "\t")[0] {
			end++
		}
		e := sentences(en[start:end])
		r, rb := perturbTarget(ru[start:end])
		k, kb := perturbTarget(kk[start:end])
		gold := combine(rb, kb, len(e), len(r), len(k), DefaultFlagBelow, func(_, r0, r1, k0, k1 int) []Bead {
			return unmatched(r1-r0, k1-k0)
		})
		got := Three(e, r, k, ThreeOptions{})
		if err := checkGroups(got, [3]int{len(e), len(r), len(k)}); err != nil {
			t.Fatal(err)
		}
		key := func(g Group) string { return fmt.Sprint(g.En, g.Ru, g.Kk) }
		gs := map[string]bool{}
		for _, g := range gold {
			gs[key(g)] = true
		}
		for _, g := range got {
			if gs[key(g)] {
				groups.tp++
			}
		}
		groups.pred += len(got)
		groups.gold += len(gold)
		start = end
	}
	t.Logf("three-way groups %v", groups)
	if groups.f1() < 0.95 {
		t.Errorf("group F1 %.3f, want ≥ 0.95", groups.f1())
	}
}

// TestEvalRepeatedLong aligns one long document made of ten copies of the edited en-ru dev
// documents (bench/editset.py seed s1, 3,270 and 3,420 sentences): far beyond the size searched
// whole, and with every passage ten times over, where the first pass's beam once lost the
// diagonal without touching its edges and ended in a sweep of 1,190 unmatched Russian sentences
// along the last row (strict F1 0.205). sweepsEdge sends such a path to the search around the
// diagonal (0.898).
func TestEvalRepeatedLong(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation skipped in -short")
	}
	sets := editedDev(t, "s1")
	var src, tgt []string
	var gold [][2][]int
	for range 10 {
		for _, d := range sets["en-ru"] {
			for _, b := range d.gold {
				var g [2][]int
				for _, i := range b[0] {
					g[0] = append(g[0], i+len(src))
				}
				for _, j := range b[1] {
					g[1] = append(g[1], j+len(tgt))
				}
				gold = append(gold, g)
			}
			src, tgt = append(src, d.src...), append(tgt, d.tgt...)
		}
	}
	var strict, lax prf
	scoreDoc(&strict, &lax, gold, Pair(sentences(src), sentences(tgt), Options{SrcLang: "en", TgtLang: "ru"}))
	t.Logf("%d × %d sentences: strict %v | lax %v", len(src), len(tgt), strict, lax)
	if strict.f1() < 0.85 {
		t.Errorf("strict F1 %.3f on ten copies of the edited dev documents, want ≥ 0.85", strict.f1())
	}
}
