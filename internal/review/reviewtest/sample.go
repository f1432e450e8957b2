// Package reviewtest builds small aligned documents for the tests of the
// review package and the review commands. It is imported by tests only.
package reviewtest

import (
	"fmt"
	"maps"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Texts are the three language versions of the sample article: a title
// and five sentences each, with Kazakh letters, Russian ё-less Cyrillic
// and a wide CJK name that takes two cells per character.
var Texts = map[string]string{
	"en": "# Court hears the Aral fishermen\n\n" +
		"A court in Aralsk heard the fishermen's case on Monday. The judge asked for new evidence. Lawyers for the fishermen welcomed the decision.\n\n" +
		"The hearing resumes in May. A delegation from 東京 attended as observers.\n",
	"ru": "# Суд выслушал аральских рыбаков\n\n" +
		"В понедельник суд в Аральске рассмотрел дело рыбаков. Судья запросил новые доказательства. Адвокаты рыбаков приветствовали это решение.\n\n" +
		"Слушания продолжатся в мае. Делегация из 東京 присутствовала в качестве наблюдателей.\n",
	"kk": "# Сот арал балықшыларын тыңдады\n\n" +
		"Дүйсенбі күні Арал қаласындағы сот балықшылардың ісін қарады. Судья жаңа дәлелдер сұрады. Балықшылардың адвокаттары бұл шешімді құптады.\n\n" +
		"Тыңдау мамыр айында жалғасады. 東京 қаласынан келген делегация бақылаушы ретінде қатысты.\n",
}

// Langs are the sample's languages in workspace order.
var Langs = []string{"en", "ru", "kk"}

// Sentences cuts a sample text into its six sentences (the title and five
// more) with their byte spans.
func Sentences(text string) []document.Sentence {
	var out []document.Sentence
	pos := 0
	for _, para := range strings.Split(text, "\n") {
		start := pos
		pos += len(para) + 1
		para = strings.TrimPrefix(para, "# ")
		off := start + (len(text[start:pos-1]) - len(para))
		for para != "" {
			end := strings.Index(para, ". ")
			if end < 0 {
				end = len(para)
			} else {
				end++
			}
			out = append(out, document.Sentence{Start: off, End: off + end, Text: para[:end]})
			rest := strings.TrimLeft(para[end:], " ")
			off += len(para) - len(rest)
			para = rest
		}
	}
	return out
}

// Shape is how many sentences of each language (in Langs order) each group
// holds. Every language must add up to six.
type Shape [][3]int

// OneToOne is six groups of one sentence per language.
var OneToOne = Shape{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}}

// Uneven has a 2-2-2 group, a group without Kazakh and one with only
// Kazakh, as real alignments do.
var Uneven = Shape{{1, 1, 1}, {2, 2, 2}, {1, 1, 1}, {1, 1, 0}, {0, 0, 1}, {1, 1, 1}}

// Statuses cycles through the three states, so samples hold each.
var statuses = []document.Status{document.Confirmed, document.Aligned, document.Flagged}

// Alignment builds the alignment of the sample texts in the given shape.
// Group i gets status confirmed, aligned or flagged in turn, score
// 0.9 - 0.1*i, and the third group a note.
func Alignment(id string, shape Shape) (*document.Alignment, error) {
	a := &document.Alignment{Document: id, Pivot: "en", Languages: Langs, Sources: map[string]string{}}
	next := map[string][]document.Sentence{}
	for _, l := range Langs {
		next[l] = Sentences(Texts[l])
		a.Sources[l] = document.Hash(Texts[l])
	}
	for i, counts := range shape {
		g := &document.Group{Status: statuses[i%3], Score: 0.9 - 0.1*float64(i), Sents: map[string][]document.Sentence{}}
		if i == 2 {
			g.Note = "check the tense"
		}
		for k, l := range Langs {
			n := counts[k]
			if n > len(next[l]) {
				return nil, fmt.Errorf("shape asks for more %s sentences than the sample has", l)
			}
			if n > 0 {
				g.Sents[l] = next[l][:n]
			}
			next[l] = next[l][n:]
		}
		a.Groups = append(a.Groups, g)
	}
	for _, l := range Langs {
		if len(next[l]) > 0 {
			return nil, fmt.Errorf("shape leaves %d %s sentences out", len(next[l]), l)
		}
	}
	return a, nil
}

// Workspace creates a workspace in dir holding document id, imported in
// the three languages and aligned in the given shape, with an empty
// journal: as a workspace cloned from git is.
func Workspace(dir, id string, shape Shape) (*workspace.Workspace, error) {
	ws, err := workspace.Init(dir)
	if err != nil {
		return nil, err
	}
	return ws, Add(ws, id, shape)
}

// Add adds document id to ws, imported in the three languages and aligned
// in the given shape, with an empty journal.
func Add(ws *workspace.Workspace, id string, shape Shape) error {
	a, err := Alignment(id, shape)
	if err != nil {
		return err
	}
	return add(ws, id, Texts, a)
}

// Wrapped adds document id to ws as Add does, but with the second English
// sentence hard-wrapped, as a plain text or Markdown file wrapped at a
// fixed width has it: "A court in Aralsk\nheard the fishermen's case on
// Monday." spans two lines of the stored text.
func Wrapped(ws *workspace.Workspace, id string, shape Shape) error {
	a, err := Alignment(id, shape)
	if err != nil {
		return err
	}
	texts := maps.Clone(Texts)
	// One byte for one: no span moves.
	const line, wrapped = "Aralsk heard", "Aralsk\nheard"
	texts["en"] = strings.Replace(texts["en"], line, wrapped, 1)
	for _, g := range a.Groups {
		for i, st := range g.Sents["en"] {
			g.Sents["en"][i].Text = strings.Replace(st.Text, line, wrapped, 1)
		}
	}
	return add(ws, id, texts, a)
}

// Long adds document id to ws: the sample article repeated until it has n
// sentences in each language, aligned one to one in n groups (confirmed,
// aligned and flagged in turn), with an empty journal. Sentences past the
// n-th are left out of the alignment.
func Long(ws *workspace.Workspace, id string, n int) error {
	texts := map[string]string{}
	a := &document.Alignment{Document: id, Pivot: "en", Languages: Langs, Sources: map[string]string{}}
	sents := map[string][]document.Sentence{}
	for _, l := range Langs {
		// No blank line at the end: import drops it, and the alignment's
		// hashes must be those of the texts as stored, or the document is
		// stale from the start.
		texts[l] = strings.TrimRight(strings.Repeat(Texts[l]+"\n", (n+5)/6), "\n") + "\n"
		sents[l] = Sentences(texts[l])
	}
	for i := 0; i < n; i++ {
		g := &document.Group{Status: statuses[i%3], Score: 0.8, Sents: map[string][]document.Sentence{}}
		for _, l := range Langs {
			g.Sents[l] = sents[l][i : i+1]
		}
		a.Groups = append(a.Groups, g)
	}
	return add(ws, id, texts, a)
}

// Document is a new workspace in a temporary folder holding the sample
// document "demo", aligned in the given shape (see [Workspace]), opened.
func Document(tb testing.TB, shape Shape) *document.Document {
	tb.Helper()
	ws, err := Workspace(tb.TempDir(), "demo", shape)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := document.Open(ws, "demo")
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// Big is a new workspace holding document "big": the sample article
// repeated n times, 6n groups as [Long] makes them; the size of a long
// feature when n is 100. Benchmarks of review and its renderer use it.
func Big(tb testing.TB, n int) *document.Document {
	tb.Helper()
	ws, err := workspace.Init(tb.TempDir())
	if err == nil {
		err = Long(ws, "big", 6*n)
	}
	if err != nil {
		tb.Fatal(err)
	}
	d, err := document.Open(ws, "big")
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func add(ws *workspace.Workspace, id string, texts map[string]string, a *document.Alignment) error {
	now := time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC)
	c, err := document.Begin(ws, id)
	if err != nil {
		return err
	}
	for _, l := range Langs {
		if _, err := c.Import(l, []byte(texts[l]), l+".txt", document.ImportOptions{Source: l + ".txt", Now: now}); err != nil {
			return err
		}
		a.Sources[l] = document.Hash(texts[l])
	}
	if err := c.SetAlignment(a); err != nil {
		return err
	}
	if _, err := c.Commit("review.done.import", map[string]any{"Lang": "en"}, now); err != nil {
		return err
	}
	return os.RemoveAll(ws.Path(document.Folder, id, journal.Folder))
}
