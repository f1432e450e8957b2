package segment

import (
	"bufio"
	"encoding/json"
	"flag"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/testenv"
)

// This file measures boundary precision, recall and F1 on real text that
// nobody on the team wrote, the way ../shared/eval/seg_score.py does: each
// corpus line is a sentence as the translators cut it, runs of 2-5 lines are
// joined with spaces into paragraphs, and only the boundaries inside
// paragraphs count. The corpora live beside the repository, not in it, so
// the tests skip when they are absent.

var (
	showErrors = flag.Bool("seg.errors", false, "log every missed and extra boundary of the corpus evaluation")
	target     = flag.Bool("seg.target", false, "hold ntrex-dev to the issue's target F1 >= 0.99 instead of the regression floors")
	segdevDir  = flag.String("seg.dev", os.Getenv("TILMASH_SEGDEV"), "also score the raw sets that ../shared/eval/perturb.py wrote to this folder")
)

// sharedDir returns ../shared beside the repository, or "" when absent.
func sharedDir() string {
	if d := os.Getenv("TILMASH_SHARED"); d != "" {
		return d
	}
	d := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(d, "corpora")); err != nil {
		return ""
	}
	return d
}

func readLines(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		out = append(out, strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// squash removes all white space, as seg_score.py does, so that positions
// can be compared between gold lines and segments.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// goldBounds is bounds_gold of seg_score.py: the positions, in the text
// without white space, where a gold line ends inside a paragraph.
func goldBounds(lines []string, text string) map[int]bool {
	out := map[int]bool{}
	pos, k := 0, 0
	for _, p := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		sp := runeLen(squash(p))
		acc := 0
		for k < len(lines) && acc < sp {
			acc += runeLen(squash(lines[k]))
			k++
			if acc < sp {
				out[pos+acc] = true
			}
		}
		pos += sp
	}
	return out
}

// predBounds is bounds_pred of seg_score.py on our segments.
func predBounds(segs []Segment, text string) map[int]bool {
	paraEnds := map[int]bool{0: true}
	pos := 0
	for _, p := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		pos += runeLen(squash(p))
		paraEnds[pos] = true
	}
	out := map[int]bool{}
	pos = 0
	for _, s := range segs {
		pos += runeLen(squash(s.Text))
		if !paraEnds[pos] {
			out[pos] = true
		}
	}
	return out
}

// tally accumulates boundary counts of one language.
type tally struct{ tp, pred, gold int }

func (a *tally) add(gold, pred map[int]bool) {
	for p := range pred {
		if gold[p] {
			a.tp++
		}
	}
	a.pred += len(pred)
	a.gold += len(gold)
}

func (a tally) prf() (p, r, f float64) {
	if a.pred > 0 {
		p = float64(a.tp) / float64(a.pred)
	}
	if a.gold > 0 {
		r = float64(a.tp) / float64(a.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// paragraphs joins lines into paragraphs of 2-5 lines chosen by a
// generator seeded with key, like perturb.py, and returns the raw text.
func paragraphs(lines []string, key string) string {
	h := fnv.New64a()
	h.Write([]byte(key))
	rnd := rand.New(rand.NewPCG(h.Sum64(), 0x7469_6c6d_6173_68))
	var b strings.Builder
	for c := 0; c < len(lines); {
		n := min(len(lines), c+2+rnd.IntN(4))
		if c > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(lines[c:n], " "))
		c = n
	}
	b.WriteString("\n")
	return b.String()
}

// scoreDoc segments one raw text, adds its counts and logs the errors when
// asked to.
func scoreDoc(t *testing.T, seg *Segmenter, lines []string, text, name string, a *tally) {
	segs := seg.Segment(text)
	gold, pred := goldBounds(lines, text), predBounds(segs, text)
	a.add(gold, pred)
	if !*showErrors {
		return
	}
	sq := []rune(squash(text))
	ctx := func(p int) string {
		return string(sq[max(0, p-40):p]) + " | " + string(sq[p:min(len(sq), p+30)])
	}
	var keys []int
	for p := range gold {
		keys = append(keys, p)
	}
	for p := range pred {
		if !gold[p] {
			keys = append(keys, p)
		}
	}
	sort.Ints(keys)
	for _, p := range keys {
		switch {
		case gold[p] && !pred[p]:
			t.Logf("%s missed: %s", name, ctx(p))
		case pred[p] && !gold[p]:
			t.Logf("%s extra:  %s", name, ctx(p))
		}
	}
}

// ntrexDocs returns the lines of each ntrex-dev document of lang, in order.
func ntrexDocs(t *testing.T, dir, lang string) (ids []string, docs map[string][]string) {
	lines := readLines(t, filepath.Join(dir, lang+".txt"))
	docIDs := readLines(t, filepath.Join(dir, "doc_ids.txt"))
	if len(lines) != len(docIDs) {
		t.Fatalf("%s: %d lines but %d doc ids", lang, len(lines), len(docIDs))
	}
	docs = map[string][]string{}
	for i, id := range docIDs {
		id, _, _ = strings.Cut(id, "\t")
		if _, ok := docs[id]; !ok {
			ids = append(ids, id)
		}
		docs[id] = append(docs[id], lines[i])
	}
	return ids, docs
}

// ntrexFloor is the boundary F1 each language must keep on ntrex-dev so
// that a change that makes segmentation worse fails. The target is
// 0.99 (-seg.target checks it); it is out of reach on this data without
// rules fitted to it: 31 Russian gold lines hold two sentences each (the
// translators joined them), and every document opens with a headline that
// the perturbation joins to the first sentence without punctuation.
var ntrexFloor = map[string]float64{"en": 0.97, "ru": 0.925, "kk": 0.95}

// TestCorpusF1 measures boundary precision, recall and F1 on ntrex-dev in
// each language and on the UDHR texts, whose "lines" are paragraph units
// rather than sentences (so their figures are only logged).
func TestCorpusF1(t *testing.T) {
	shared := sharedDir()
	if shared == "" {
		testenv.Missing(t, "../shared/corpora", "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
	}
	ntrex := filepath.Join(shared, "corpora", "ntrex-dev")
	for _, lang := range Languages() {
		seg, err := ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		ids, docs := ntrexDocs(t, ntrex, lang)
		var a tally
		for _, id := range ids {
			lines := docs[id]
			scoreDoc(t, seg, lines, paragraphs(lines, id), lang+" "+id, &a)
		}
		p, r, f := a.prf()
		t.Logf("ntrex-dev %s: P %.3f R %.3f F1 %.3f (%d gold, %d predicted, %d correct)", lang, p, r, f, a.gold, a.pred, a.tp)
		floor := ntrexFloor[lang]
		if *target {
			floor = 0.99
		}
		if f < floor {
			t.Errorf("ntrex-dev %s: F1 %.3f < %.3f", lang, f, floor)
		}
	}
	udhr := filepath.Join(shared, "corpora", "udhr")
	for _, lang := range Languages() {
		seg, _ := ForLanguage(lang)
		lines := readLines(t, filepath.Join(udhr, lang+".txt"))
		var a tally
		scoreDoc(t, seg, lines, paragraphs(lines, "udhr"), "udhr "+lang, &a)
		p, r, f := a.prf()
		t.Logf("udhr %s: P %.3f R %.3f F1 %.3f (%d gold, %d predicted, %d correct)", lang, p, r, f, a.gold, a.pred, a.tp)
	}
}

// TestHeadlineFalsePositives checks the run-in headline search on texts
// that do not open with a headline: each ntrex-dev line that is not a
// document's headline is made the first paragraph of a text, followed by
// the rest of its document. At most 1% of these first sentences may lose
// words to a supposed headline. It also logs how many gold lines the rules
// cut in two, which are mostly lines that hold two sentences (see -seg.errors).
func TestHeadlineFalsePositives(t *testing.T) {
	shared := sharedDir()
	if shared == "" {
		testenv.Missing(t, "../shared/corpora", "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
	}
	for _, lang := range Languages() {
		seg, err := ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		ids, docs := ntrexDocs(t, filepath.Join(shared, "corpora", "ntrex-dev"), lang)
		tried, split, cut := 0, 0, 0
		for _, id := range ids {
			lines := docs[id]
			for i, line := range lines {
				if segs := seg.Segment(line); len(segs) > 1 {
					cut++
					if *showErrors {
						t.Logf("%s %s line %d cut: %q", lang, id, i+1, texts(segs))
					}
				}
				if i == 0 || i+1 == len(lines) {
					continue
				}
				tried++
				segs := seg.Segment(line + "\n\n" + strings.Join(lines[i+1:], " "))
				if len(segs) > 1 && segs[0].Heading && segs[0].Para == segs[1].Para {
					split++
					t.Logf("%s %s: %q taken for a headline before %q", lang, id, segs[0].Text, segs[1].Text)
				}
			}
		}
		t.Logf("%s: %d of %d ordinary first sentences split; %d of %d gold lines cut by the rules", lang, split, tried, cut, tried+2*len(ids))
		if split*100 > tried {
			t.Errorf("%s: %d of %d ordinary first sentences split (more than 1%%)", lang, split, tried)
		}
	}
}

// TestPerturbSets scores the raw texts perturb.py wrote, exactly as
// seg_score.py reads them, when -seg.dev or TILMASH_SEGDEV names the
// folder:
//
//	python3 ../shared/eval/perturb.py ../shared/corpora/ntrex-dev /tmp/segdev
//	go test ./internal/segment -run PerturbSets -seg.dev /tmp/segdev -v
func TestPerturbSets(t *testing.T) {
	if *segdevDir == "" {
		t.Skip("no -seg.dev folder")
	}
	tot := map[string]*tally{}
	for _, pair := range []string{"en-ru", "en-kk"} {
		files, _ := filepath.Glob(filepath.Join(*segdevDir, pair, "*.lines.json"))
		if len(files) == 0 {
			t.Fatalf("no %s sets in %s", pair, *segdevDir)
		}
		for _, g := range files {
			base := strings.TrimSuffix(g, ".lines.json")
			data, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			var gl struct{ Src, Tgt []string }
			if err := json.Unmarshal(data, &gl); err != nil {
				t.Fatal(err)
			}
			sides := []struct {
				side, lang string
				lines      []string
			}{{"src", "en", gl.Src}, {"tgt", pair[3:], gl.Tgt}}
			for _, sd := range sides {
				if sd.side == "src" && pair == "en-kk" {
					continue
				}
				raw, err := os.ReadFile(base + "." + sd.side + ".txt")
				if err != nil {
					t.Fatal(err)
				}
				seg, _ := ForLanguage(sd.lang)
				if tot[sd.lang] == nil {
					tot[sd.lang] = &tally{}
				}
				scoreDoc(t, seg, sd.lines, string(raw), filepath.Base(base)+"."+sd.side, tot[sd.lang])
			}
		}
	}
	for _, lang := range Languages() {
		p, r, f := tot[lang].prf()
		t.Logf("%s P %.3f R %.3f F1 %.3f", lang, p, r, f)
	}
}
