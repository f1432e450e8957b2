package app

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/lexicon"
	"github.com/tilmash/tilmash/internal/workspace"
)

// The lexicon learned from review. Every group a person confirmed is a pair of sentences known to
// translate each other; align learns a word lexicon from all of them (Dice over stems, as lexicon
// build does) for each pair of the workspace's languages, and the aligner uses it as lexical
// evidence in every document. It also fits the pair's length model to them (align.FitLengths),
// which replaces the built-in news average as the starting point of every alignment. Both are
// derived data: they live in the local folder (.tilmash/lexicon/SRC-TGT.tsv, git-ignored), each
// file with the hash of the confirmed groups it was learned from on its first line and the length
// model on its second, and are learned again when that hash changes.

// reviewWeight scales the weights of the learned lexicons (Dice coefficients). At full weight the
// lexicon of the confirmed half of the edited dev sets (bench/editset.py, four seeds) cost the
// other half 0.019 strict F1 en-kk beside the aligner's own second pass (realign.go), which learns
// from the document itself; at a quarter it gained 0.019 en-kk and 0.003 en-ru (TestReviewLearning,
// aligntune build). Confirmed groups come from other documents, so many of their word pairs are
// topic words that mean nothing here, and five-letter stems of Kazakh make them noisier still.
const reviewWeight = 0.25

// lexiconFolder is the folder of the learned lexicons, relative to the workspace root.
const lexiconFolder = workspace.LocalFolder + string(filepath.Separator) + "lexicon" // filepath.Join, as a constant

// Reviewed is what align learns from the confirmed groups of the workspace: a word lexicon and a
// length model for each pair of its languages that has confirmed groups (see ReviewLexicons).
type Reviewed struct {
	Lexicons []*lexicon.Lexicon
	Lengths  []align.LengthModel
}

// ReviewLexicons returns the lexicons and length models learned from the confirmed groups of the
// workspace for each pair of langs that has any (see Learned). A pair with too few confirmed
// groups has no length model (see align.FitLengths). The caller holds the lock.
func (app *App) ReviewLexicons(ws *workspace.Workspace, langs []string) (Reviewed, error) {
	learned, err := app.Learned(ws, langs)
	if err != nil {
		return Reviewed{}, err
	}
	var out Reviewed
	for _, p := range learned {
		if p.Lexicon != nil && p.Lexicon.Len() > 0 {
			out.Lexicons = append(out.Lexicons, p.Lexicon)
		}
		if p.Lengths.Pairs > 0 {
			out.Lengths = append(out.Lengths, p.Lengths)
		}
	}
	return out, nil
}

// LearnedPair is what align learns from the confirmed groups of the workspace for one pair of
// languages.
type LearnedPair struct {
	Src, Tgt string
	// Groups counts the confirmed groups that hold both languages; 0: nothing was learned, and
	// Lexicon is nil.
	Groups int
	// Lexicon holds the word pairs, with the weights align gives them (see reviewWeight).
	Lexicon *lexicon.Lexicon
	// Lengths is the pair's length model; its Pairs is 0 when the groups are too few to fit one.
	Lengths align.LengthModel
	// File is the stored copy, relative to the workspace root.
	File string
}

// Learned returns what align learns from the confirmed groups of the workspace for every pair of
// langs, in their order (en-ru, en-kk, ru-kk for en ru kk), pairs without confirmed groups
// included. A stored copy learned from the same groups is read; otherwise the pair is learned
// again and stored, so the caller holds the lock.
func (app *App) Learned(ws *workspace.Workspace, langs []string) ([]LearnedPair, error) {
	c, err := app.confirmedPairs(ws)
	if err != nil {
		return nil, err
	}
	var out []LearnedPair
	for _, st := range languagePairs(langs) {
		s, t := st[0], st[1]
		p := LearnedPair{Src: s, Tgt: t, File: filepath.Join(lexiconFolder, s+"-"+t+".tsv")}
		if k := slices.Index(c.keys, st); k >= 0 {
			if groups, sum := c.key(k); groups > 0 {
				p.Groups = groups
				if p.Lexicon, p.Lengths, err = app.reviewLexicon(ws, s, t, sum, func() (*lexicon.Lexicon, align.LengthModel, bool) { return c.learn(k) }); err != nil {
					return nil, err
				}
			}
		}
		out = append(out, p)
	}
	if c.cache != nil {
		c.cache.save(ws, c.ids)
	}
	return out, nil
}

// reviewLexicon returns the lexicon and the length model of src→tgt learned from the confirmed
// groups whose texts have the sha256 sum (confirmed.key), from their stored copy when that was
// learned from the same groups; otherwise it learns them again from pairs(), their texts. The
// length model is the second line of the stored lexicon: "# lengths RATIO VARIANCE PAIRS", or
// "# lengths none" when the pairs are too few to fit one; its Pairs is 0 then.
//
// What it returns is remembered for the life of the app (app.learnedMemo), by what the header
// names: it is a function of the confirmed groups alone, so a batch align, or publish, parses the
// stored lexicons once, not once a document (it only checks that each is still stored). The lexicon returned is shared: the aligner only
// reads it (it merges it into a lexicon of its own).
func (app *App) reviewLexicon(ws *workspace.Workspace, src, tgt string, sum []byte, learn func() (*lexicon.Lexicon, align.LengthModel, bool)) (*lexicon.Lexicon, align.LengthModel, error) {
	h := sha256.New()
	fmt.Fprintf(h, "weight %g\n", reviewWeight) // a stored lexicon of another weight is learned again
	h.Write([]byte("lengths 1\n"))              // nor one stored before it held a length model
	h.Write([]byte("documents 1\n"))            // nor one keyed by the texts themselves
	h.Write(sum)
	header := "# confirmed " + hex.EncodeToString(h.Sum(nil)) + "\n"
	rel := filepath.Join(lexiconFolder, src+"-"+tgt+".tsv")
	key := learnedKey{root: ws.Root, src: src, tgt: tgt}
	app.learnedMu.Lock()
	m, ok := app.learnedMemo[key]
	app.learnedMu.Unlock()
	if ok && m.header == header && storedWith(ws, rel, header) {
		return m.lex, m.lengths, nil
	}
	lex, lengths, err := readOrLearn(ws, rel, header, src, tgt, learn)
	if err != nil {
		return nil, align.LengthModel{}, err
	}
	app.learnedMu.Lock()
	if app.learnedMemo == nil {
		app.learnedMemo = map[learnedKey]learnedLexicon{}
	}
	app.learnedMemo[key] = learnedLexicon{header: header, lex: lex, lengths: lengths}
	app.learnedMu.Unlock()
	return lex, lengths, nil
}

// storedWith says whether the stored lexicon rel starts with header: one removed or changed is
// learned and stored again, as it would be without the memo.
func storedWith(ws *workspace.Workspace, rel, header string) bool {
	f, _, err := workspace.OpenFileIn(ws.Root, rel)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, len(header))
	_, err = io.ReadFull(f, buf)
	return err == nil && string(buf) == header
}

// learnedKey names a learned lexicon of a workspace; learnedLexicon is one remembered (see
// App.reviewLexicon), with the header of its stored copy.
type learnedKey struct{ root, src, tgt string }

type learnedLexicon struct {
	header  string
	lex     *lexicon.Lexicon
	lengths align.LengthModel
}

// readOrLearn reads the stored lexicon rel when it starts with header, or learns it again from
// pairs() and stores it (see App.reviewLexicon).
func readOrLearn(ws *workspace.Workspace, rel, header, src, tgt string, learn func() (*lexicon.Lexicon, align.LengthModel, bool)) (*lexicon.Lexicon, align.LengthModel, error) {
	data, err := ws.ReadFile(rel)
	if err == nil && bytes.HasPrefix(data, []byte(header)) {
		lengths, ok := parseLengths(data[len(header):], src, tgt)
		if lex, err := lexicon.Read(bytes.NewReader(data), src, tgt); err == nil && ok {
			return lex, lengths, nil
		}
		// A damaged derived file is learned again below.
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, align.LengthModel{}, err
	}
	lex, lengths, ok := learn()
	var b strings.Builder
	b.WriteString(header)
	if ok {
		fmt.Fprintf(&b, "# lengths %s %s %d\n", strconv.FormatFloat(lengths.Ratio, 'g', -1, 64), strconv.FormatFloat(lengths.Var, 'g', -1, 64), lengths.Pairs)
	} else {
		b.WriteString("# lengths none\n")
	}
	w := bufio.NewWriter(&b)
	if err := lex.Write(w); err != nil {
		return nil, align.LengthModel{}, err
	}
	if err := w.Flush(); err != nil {
		return nil, align.LengthModel{}, err
	}
	if err := ws.WriteFile(rel, []byte(b.String())); err != nil {
		return nil, align.LengthModel{}, err
	}
	return lex, lengths, nil
}

// learnReview learns the lexicon of src→tgt from the texts of confirmed groups, with the weights
// align gives it (reviewWeight). It counts through lexicon.LearnIDs, which learns what a
// lexicon.Learner observing every pair does (TestLearnReview) without counting the stem pairs that
// cannot reach the thresholds: counting every pair of stems of every confirmed group was half of
// an align that learned again at 2,000 documents.
func learnReview(src, tgt string, ps [][2]string) *lexicon.Lexicon {
	vs, vt := lexicon.NewVocab(src), lexicon.NewVocab(tgt)
	ss, ts := make([][]int32, len(ps)), make([][]int32, len(ps))
	for k, p := range ps {
		ss[k], ts[k] = vs.IDs(nil, p[0]), vt.IDs(nil, p[1])
	}
	return learnIDs(src, tgt, vs, vt, ss, ts)
}

// learnIDs is learnReview of the texts whose stems vs and vt numbered as ss and ts.
func learnIDs(src, tgt string, vs, vt *lexicon.Vocab, ss, ts [][]int32) *lexicon.Lexicon {
	learned := lexicon.LearnIDs(vs, vt, ss, ts, lexicon.DefaultMinCount, lexicon.DefaultMinDice, lexicon.DefaultPerWord)
	lex := lexicon.New(src, tgt)
	for _, e := range learned.Entries() {
		lex.Add(e.Src, e.Tgt, e.Weight*reviewWeight)
	}
	return lex
}

// parseLengths reads the length-model line that starts rest (see reviewLexicon). ok is false
// when the line is missing or damaged.
func parseLengths(rest []byte, src, tgt string) (m align.LengthModel, ok bool) {
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	f := strings.Fields(string(line))
	if len(f) == 3 && f[0] == "#" && f[1] == "lengths" && f[2] == "none" {
		return align.LengthModel{}, true
	}
	if len(f) != 5 || f[0] != "#" || f[1] != "lengths" {
		return align.LengthModel{}, false
	}
	r, err1 := strconv.ParseFloat(f[2], 64)
	v, err2 := strconv.ParseFloat(f[3], 64)
	n, err3 := strconv.Atoi(f[4])
	if err1 != nil || err2 != nil || err3 != nil || !(r > 0) || !(v > 0) || n <= 0 || math.IsInf(r, 0) || math.IsInf(v, 0) {
		return align.LengthModel{}, false
	}
	return align.LengthModel{Src: src, Tgt: tgt, Ratio: r, Var: v, Pairs: n}, true
}

// LearnLexicon is lexicon build on files: the lexicon learned from parallel lines (line k of src
// translates line k of tgt) as align learns one from confirmed groups (Dice over stems, at the
// default thresholds), at full weight.
func LearnLexicon(srcLang, tgtLang string, src, tgt []string) *lexicon.Lexicon {
	l := lexicon.NewLearner(srcLang, tgtLang)
	for k := range min(len(src), len(tgt)) {
		l.Observe(src[k], tgt[k])
	}
	return l.Lexicon(lexicon.DefaultMinCount, lexicon.DefaultMinDice, lexicon.DefaultPerWord)
}
