package app

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/lexicon"
	"github.com/tilmash/tilmash/internal/workspace"
)

// The lexicon learned from review. Every group a person confirmed is a pair of sentences known to
// translate each other; align learns a word lexicon from all of them (Dice over stems, as lexicon
// build does) for each pair of the workspace's languages, and the aligner uses it as lexical
// evidence in every document. The lexicons are derived data: they live in the local folder
// (.tilmash/lexicon/SRC-TGT.tsv, git-ignored), each with the hash of the confirmed groups it was
// learned from on its first line, and are learned again when that hash changes.

// reviewWeight scales the weights of the learned lexicons (Dice coefficients). At full weight the
// lexicon of the confirmed half of the edited dev sets (bench/editset.py, four seeds) cost the
// other half 0.019 strict F1 en-kk beside the aligner's own second pass (realign.go), which learns
// from the document itself; at a quarter it gained 0.019 en-kk and 0.003 en-ru (TestReviewLearning,
// aligntune build). Confirmed groups come from other documents, so many of their word pairs are
// topic words that mean nothing here, and five-letter stems of Kazakh make them noisier still.
const reviewWeight = 0.25

// lexiconFolder is the folder of the learned lexicons, relative to the workspace root.
var lexiconFolder = filepath.Join(workspace.LocalFolder, "lexicon")

// confirmedPairs collects, for each pair of languages (in the order of langs), the texts of the
// confirmed groups of every document that have both languages.
func confirmedPairs(ws *workspace.Workspace, langs []string) (map[[2]string][][2]string, error) {
	ids, err := document.List(ws)
	if err != nil {
		return nil, err
	}
	out := map[[2]string][][2]string{}
	for _, id := range ids {
		d, err := document.Open(ws, id)
		if err != nil {
			return nil, err
		}
		a, err := d.Alignment()
		if err != nil {
			return nil, err
		}
		if a == nil {
			continue
		}
		for _, g := range a.Groups {
			if g.Status != document.Confirmed {
				continue
			}
			for x, s := range langs {
				for _, t := range langs[x+1:] {
					if len(g.Sents[s]) > 0 && len(g.Sents[t]) > 0 {
						k := [2]string{s, t}
						out[k] = append(out[k], [2]string{g.Text(s), g.Text(t)})
					}
				}
			}
		}
	}
	return out, nil
}

// ReviewLexicons returns the lexicons learned from the confirmed groups of the workspace for each
// pair of langs that has any, reading them from the local folder when the confirmed groups have
// not changed since they were learned, and learning and storing them otherwise. The caller holds
// the lock.
func (app *App) ReviewLexicons(ws *workspace.Workspace, langs []string) ([]*lexicon.Lexicon, error) {
	pairs, err := confirmedPairs(ws, langs)
	if err != nil {
		return nil, err
	}
	var out []*lexicon.Lexicon
	for x, s := range langs {
		for _, t := range langs[x+1:] {
			ps := pairs[[2]string{s, t}]
			if len(ps) == 0 {
				continue
			}
			lex, err := reviewLexicon(ws, s, t, ps)
			if err != nil {
				return nil, err
			}
			if lex.Len() > 0 {
				out = append(out, lex)
			}
		}
	}
	return out, nil
}

// reviewLexicon returns the lexicon of src→tgt learned from pairs, from its stored copy when that
// was learned from the same pairs.
func reviewLexicon(ws *workspace.Workspace, src, tgt string, pairs [][2]string) (*lexicon.Lexicon, error) {
	h := sha256.New()
	fmt.Fprintf(h, "weight %g\n", reviewWeight) // a stored lexicon of another weight is learned again
	for _, p := range pairs {
		h.Write([]byte(p[0]))
		h.Write([]byte{0})
		h.Write([]byte(p[1]))
		h.Write([]byte{0})
	}
	header := "# confirmed " + hex.EncodeToString(h.Sum(nil)) + "\n"
	rel := filepath.Join(lexiconFolder, src+"-"+tgt+".tsv")
	data, err := ws.ReadFile(rel)
	if err == nil && bytes.HasPrefix(data, []byte(header)) {
		if lex, err := lexicon.Read(bytes.NewReader(data), src, tgt); err == nil {
			return lex, nil
		}
		// A damaged derived file is learned again below.
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	l := lexicon.NewLearner(src, tgt)
	for _, p := range pairs {
		l.Observe(p[0], p[1])
	}
	learned := l.Lexicon(lexicon.DefaultMinCount, lexicon.DefaultMinDice, lexicon.DefaultPerWord)
	lex := lexicon.New(src, tgt)
	for _, e := range learned.Entries() {
		lex.Add(e.Src, e.Tgt, e.Weight*reviewWeight)
	}
	var b strings.Builder
	b.WriteString(header)
	w := bufio.NewWriter(&b)
	if err := lex.Write(w); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	if err := ws.WriteFile(rel, []byte(b.String())); err != nil {
		return nil, err
	}
	return lex, nil
}
