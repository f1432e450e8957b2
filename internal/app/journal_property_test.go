package app_test

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

var propSeqs = flag.Int("journal.sequences", 0, "sequences of operations TestOperationsKeepEveryPromise runs (0: a few seconds' worth)")

// TestOperationsKeepEveryPromise is the property test of a document's
// write path. Each seeded sequence runs the functions the commands run
// (document.Import of a changed text, app.AlignWith, review.Apply
// of confirm, unconfirm, merge, split, move, edit and note, journal undo)
// and crashes some of them halfway (a panic at the moment a file is about
// to be written, leaving the files as a killed process would). After every
// operation:
//
//   - the sentences of each language lie in the groups in text order, each
//     once, and after align they cover the whole text;
//   - every confirmed group the operation did not touch is kept as it was;
//   - undo of the last k steps gives back the bytes of k steps before, and
//     a crash leaves the bytes as before the crashed operation.
//
// The default run does 8 sequences of 25 operations (200 cases, a few
// seconds); -journal.sequences=N runs N (go test ./internal/app -run
// Promise -journal.sequences=200 checks 5000), and FuzzOperations lets
// the fuzzer pick them. It is the journal's property, kept among app's
// tests because align is one of its operations: journal's own test binary
// then does not link the whole app.
func TestOperationsKeepEveryPromise(t *testing.T) {
	n := *propSeqs
	if n <= 0 {
		n = 8
		if testing.Short() {
			n = 3
		}
	}
	for seed := range n {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			runOperations(t, uint64(seed), 25)
		})
	}
}

// FuzzOperations runs the same property on sequences the fuzzer picks.
func FuzzOperations(f *testing.F) {
	f.Add(uint64(1), uint8(20))
	f.Add(uint64(7), uint8(40))
	f.Fuzz(func(t *testing.T, seed uint64, length uint8) {
		runOperations(t, seed, int(length%48))
	})
}

// crashed is what the crash hook panics with.
type crashed struct{ file string }

type model struct {
	t     *testing.T
	r     *rand.Rand
	d     *document.Document
	stack []map[string]string // the files before each step still in the journal
	// undoing is how many steps the current undo takes back.
	undoing int
	trail   []string
}

func (m *model) fail(format string, args ...any) {
	m.t.Helper()
	m.t.Fatalf("%s\n%s", strings.Join(m.trail, "\n"), fmt.Sprintf(format, args...))
}

// propFiles are the files an operation may change.
var propFiles = []string{"alignment.yaml", "meta.yaml", "en.txt", "ru.txt", "kk.txt"}

// snapshot reads the document's files; a missing one is "".
func (m *model) snapshot() map[string]string {
	out := map[string]string{}
	for _, f := range propFiles {
		b, _ := os.ReadFile(filepath.Join(m.d.Dir(), f))
		out[f] = string(b)
	}
	return out
}

func runOperations(t *testing.T, seed uint64, length int) {
	d := reviewtest.Document(t, reviewtest.Uneven)
	if seed%2 == 0 {
		d = reviewtest.Document(t, reviewtest.OneToOne)
	}
	m := &model{t: t, r: rand.New(rand.NewPCG(seed, 11)), d: d}
	for i := 0; i < length; i++ {
		m.step()
	}
}

// step runs one random operation and checks the promises.
func (m *model) step() {
	before := m.snapshot()
	a0, err := document.ParseAlignment("a", []byte(before["alignment.yaml"]))
	if err != nil {
		m.fail("the alignment does not parse: %v", err)
	}
	var crashAt string
	if m.r.IntN(6) == 0 {
		crashAt = []string{"alignment.yaml", "meta.yaml", "ru.txt", "kk.txt", "en.txt"}[m.r.IntN(5)]
		m.d.WS.BeforeWrite = func(name string) {
			if name == crashAt {
				panic(crashed{name})
			}
		}
	}
	kind, touched, textsChanged, err, didCrash := m.run(a0)
	m.d.WS.BeforeWrite = nil
	m.trail = append(m.trail, fmt.Sprintf("%s crash=%q crashed=%v err=%v", kind, crashAt, didCrash, err))
	if err != nil && !didCrash {
		var known interface{ MessageID() string }
		if !errors.As(err, &known) {
			m.fail("unexpected error %T: %v", err, err)
		}
	}
	after := m.snapshot()
	switch {
	case didCrash && strings.HasPrefix(kind, "undo"):
		// An undo stopped halfway: the steps it finished are gone, the one
		// it was in is finished by recovery, or was not begun.
		if _, err := m.d.Journal().Recover(); err != nil {
			m.fail("recover: %v", err)
		}
		now := m.snapshot()
		for j := 0; j <= m.undoing; j++ {
			want := before
			if j > 0 {
				want = m.stack[len(m.stack)-j]
			}
			if sameFiles(now, want) {
				m.stack = m.stack[:len(m.stack)-j]
				return
			}
		}
		m.fail("after a crashed undo of %d steps the files are none of the states it passes through", m.undoing)
	case didCrash:
		// A reader sees the state before the crash; recovery restores it
		// byte for byte and drops the step.
		snap, err := review.Load(m.d)
		if err != nil {
			m.fail("load after a crash: %v", err)
		}
		if string(snap.Raw) != before["alignment.yaml"] {
			m.fail("after a crash the reader sees another alignment")
		}
		if _, err := m.d.Journal().Recover(); err != nil {
			m.fail("recover: %v", err)
		}
		if now := m.snapshot(); !sameFiles(now, before) {
			m.fail("recovery did not restore the files: %s", diffNames(now, before))
		}
		return
	case strings.HasPrefix(kind, "undo"):
		return // checked in run
	}
	if !sameFiles(after, before) {
		m.stack = append(m.stack, before)
	}
	a1, err := document.ParseAlignment("a", []byte(after["alignment.yaml"]))
	if err != nil {
		m.fail("the alignment does not parse: %v", err)
	}
	m.checkOrder(a1, after, kind == "align")
	m.checkConfirmed(a0, a1, touched, textsChanged)
}

// run performs one operation. touched lists the groups (1-based, as
// before) it may change.
func (m *model) run(a *document.Alignment) (kind string, touched []int, textsChanged bool, err error, didCrash bool) {
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(crashed); !ok {
				panic(p)
			}
			didCrash = true
		}
	}()
	r := m.r
	n := len(a.Groups)
	g := 1 + r.IntN(max(n, 1))
	lang := a.Languages[r.IntN(len(a.Languages))]
	var op review.Op
	switch k := r.IntN(12); {
	case k == 0:
		kind = "align"
		var res *app.AlignResult
		res, err = app.New("test").AlignWith(m.d.WS, m.d.ID, app.AlignOptions{Force: r.IntN(2) == 0})
		if res != nil {
			// Confirmed omissions where the language's text has new
			// sentences are aligned again with them (reopenOmissions).
			touched = res.Reopened
		}
		return
	case k == 1:
		kind = "import " + lang
		text := mutateText(r, m.snapshot()[lang+".txt"])
		var res *document.ImportResult
		res, err = document.Import(m.d.WS, m.d.ID, lang, []byte(text), lang+".txt", document.ImportOptions{Force: r.IntN(3) > 0})
		if res != nil {
			touched = res.Lost
		}
		return kind, touched, true, err, false
	case k == 2 && len(m.stack) > 0:
		steps := 1 + r.IntN(min(3, len(m.stack)))
		kind = fmt.Sprintf("undo %d", steps)
		m.undoing = steps
		if _, _, err = m.d.Journal().Undo(steps, false); err != nil {
			m.fail("undo %d: %v", steps, err)
		}
		want := m.stack[len(m.stack)-steps]
		m.stack = m.stack[:len(m.stack)-steps]
		if now := m.snapshot(); !sameFiles(now, want) {
			m.fail("undo %d did not give back the bytes of %d steps before: %s", steps, steps, diffNames(now, want))
		}
		return kind, nil, false, nil, false
	case k == 3:
		op = review.Merge{Group: g}
	case k == 4:
		op = review.Split{Group: g, At: map[string]int{lang: 1 + r.IntN(2)}}
	case k == 5:
		op = review.Move{Group: g, Lang: lang, Next: r.IntN(2) == 0}
	case k == 6:
		texts := []string{"Қате түзетілді.", "Исправлено.", "Fixed.", "A much longer sentence that shifts every later span."}
		op = review.EditText{Group: g, Lang: lang, Sentence: 1, Text: texts[r.IntN(len(texts))]}
	case k == 7:
		op = review.SetNote{Group: g, Note: []string{"", "проверить", "тексерілді"}[r.IntN(3)]}
	case k <= 9:
		op = review.SetStatus{Groups: []int{g}, Confirm: true}
	default:
		op = review.SetStatus{Groups: []int{g}}
	}
	kind = fmt.Sprintf("%T%+v", op, op)
	res, err := review.Apply(m.d, op, review.Options{})
	if err != nil {
		return kind, nil, false, err, false
	}
	_, isEdit := op.(review.EditText)
	return kind, res.Change.Old, isEdit, nil, false
}

// mutateText changes a text as a re-import might: a word changed, a
// sentence dropped or added.
func mutateText(r *rand.Rand, text string) string {
	switch r.IntN(3) {
	case 0:
		words := strings.Fields(text)
		if len(words) > 3 {
			w := words[1+r.IntN(len(words)-2)]
			return strings.Replace(text, w, w+"ы", 1)
		}
	case 1:
		if i := strings.Index(text, ". "); i >= 0 {
			if j := strings.Index(text[i+2:], ". "); j >= 0 {
				return text[:i+2] + text[i+2+j+2:]
			}
		}
	}
	return strings.TrimRight(text, "\n") + " Added at the end.\n"
}

// checkOrder: in each language the groups' sentences are spans of the
// text in order, each once; after align, they cover the whole text.
func (m *model) checkOrder(a *document.Alignment, files map[string]string, aligned bool) {
	m.t.Helper()
	for _, l := range a.Languages {
		text := files[l+".txt"]
		pos := 0
		for i, g := range a.Groups {
			for _, s := range g.Sents[l] {
				if s.Start < pos || s.End > len(text) || text[s.Start:s.End] != s.Text {
					m.fail("%s sentence %q of group %d is out of order or not in the text", l, s.Text, i+1)
				}
				pos = s.End
			}
		}
		if aligned {
			// Nothing of the text is left out: between and around the
			// sentences there is only white space.
			rest := []byte(text)
			for _, g := range a.Groups {
				for _, s := range g.Sents[l] {
					for i := s.Start; i < s.End; i++ {
						rest[i] = ' '
					}
				}
			}
			if left := strings.TrimSpace(string(rest)); left != "" {
				m.fail("after align the %s text %q is in no group", l, strings.Join(strings.Fields(left), " "))
			}
		}
	}
}

// checkConfirmed: every confirmed group the operation did not touch is
// still there, as it was (its spans too, unless a text changed).
func (m *model) checkConfirmed(a0, a1 *document.Alignment, touched []int, textsChanged bool) {
	m.t.Helper()
	key := func(g *document.Group) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%s|%s|", g.Status, g.Note)
		for _, l := range a0.Languages {
			for _, s := range g.Sents[l] {
				if textsChanged {
					fmt.Fprintf(&b, "%s:%q ", l, s.Text)
				} else {
					fmt.Fprintf(&b, "%s:%d-%d:%q ", l, s.Start, s.End, s.Text)
				}
			}
		}
		return b.String()
	}
	have := map[string]int{}
	for _, g := range a1.Groups {
		if g.Status == document.Confirmed {
			have[key(g)]++
		}
	}
	for i, g := range a0.Groups {
		if g.Status != document.Confirmed || slices.Contains(touched, i+1) {
			continue
		}
		k := key(g)
		if have[k] == 0 {
			m.fail("confirmed group %d (%s) was changed by an operation that did not touch it", i+1, k)
		}
		have[k]--
	}
}

func sameFiles(a, b map[string]string) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

func diffNames(a, b map[string]string) string {
	var out []string
	for k := range a {
		if a[k] != b[k] {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return "differ: " + strings.Join(out, ", ")
}
