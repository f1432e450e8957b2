package locale_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/locales"
)

// dynamicIDs lists the message ids the code builds at run time by joining
// a literal prefix and a value. The scanner cannot see them, so they are
// listed here by hand; the test checks both ways that this list and the
// code agree (every prefix the code joins is here, every prefix here is
// joined somewhere, every suffix is a string literal of the code, and every
// id is in the catalogues).
var dynamicIDs = []struct {
	prefix   string
	suffixes []string
	why      string
}{
	{"check.input.", []string{
		"malformed-xml", "malformed-tsv", "not-tmx", "encoding", "bad-utf8", "no-lang", "bad-lang", "unknown-lang",
		"duplicate-lang", "no-header", "extra-cell", "short-row", "tsv-quote", "control", "row-too-long",
		"malformed-xml.hint", "malformed-tsv.hint", "not-tmx.hint", "encoding.hint", "bad-utf8.hint", "no-lang.hint", "bad-lang.hint",
		"unknown-lang.hint", "duplicate-lang.hint", "no-header.hint", "extra-cell.hint", "short-row.hint", "tsv-quote.hint", "control.hint", "row-too-long.hint",
	}, "check.InputError: MessageID is check.input.+Code, Hint adds .hint"},
	{"align.flag.no-", []string{"en", "ru", "kk"}, "align.FlagReasons names an empty side of en, ru or kk as align.flag.no-+Lang"},
	{"check.kind.", []string{"missing", "forbidden", "homoglyph", "hidden-character",
		"numbers", "untranslated", "consistency", "typography", "endings", "spelling"}, "glossarycmd and the HTML report print a finding's Kind: the glossary's, or the qa check's"},
	{"formats.kind.", []string{"bold", "italic", "code", "link", "item", "ordered", "quote", "note", "element"}, "app.LostFormattingData names a docformat.Span's Kind as formats.kind.+Kind"},
	{"check.severity.", []string{"error", "warning"}, "glossarycmd and the HTML report print a finding's qa.Severity"},
	{"glossary.check.", []string{"missing", "forbidden", "homoglyph", "hidden-character"}, "glossary.Finding.MessageID is glossary.check.+Kind"},
	{"check.scope.", []string{"group", "paragraph", "text", "tu", "row"}, "glossarycmd names a report's check.Scope"},
	{"check.unit.", []string{"group", "paragraph", "text", "tu", "row"}, "glossarycmd heads a unit by its check.Scope"},
	{"check.unit-of.", []string{"group", "paragraph", "text", "tu", "row"}, "glossarycmd names the unit of a finding by its check.Scope"},
	{"check.place.", []string{"group", "paragraph", "text", "tu", "row"}, "check names a place of a consistency finding by its check.Scope"},
	{"check.show.use.", []string{"term", "variant", "form", "forbidden", "inflect"}, "glossary show names what each form is for"},
	{"review.status.", []string{"aligned", "confirmed", "flagged"}, "show prints a group's document.Status"},
	{"export.html.status.", []string{"aligned", "confirmed", "flagged"}, "the HTML export labels a group's document.Status"},
	{"export.bad-lang.", []string{"unknown", "repeated", "same", "pair"}, "export.BadLang names the problem as export.bad-lang.+reason"},
	{"review.bad-", []string{"range", "at", "group", "direction"}, "review's syntax errors are review.bad-+what"},
	{"segment.srx.", []string{"syntax", "root", "version", "break", "rule-set", "no-languages"}, "segment's SRX errors are segment.srx.+code"},
	{"segment.config.", []string{"key", "language", "value"}, "segment's errors in tilmash.yaml are segment.config.+code"},
	{"publish.held.", []string{
		"empty", "missing", "not-aligned", "unconfirmed",
		"empty.hint", "missing.hint", "not-aligned.hint", "unconfirmed.hint",
	}, "publish names why it holds a document back as publish.held.+kind, its hint adds .hint"},
	{"workspace.bad-config.export-", []string{"root", "holds", "inside"}, "workspace.ParseConfig names the clash of the export folder with another folder"},
	{"workspace.export-folder-", []string{"root", "holds", "inside"}, "workspace.CheckExportFolder names the clash as workspace.export-folder-+clash"},
	{"check.words.", []string{"two-words", "bad-model", "mixed-script"}, "check.ParseWords names what makes a line no word list entry (check.wordProblem)"},
	{"check.add-word.", []string{"two-words", "bad-model", "mixed-script"}, "check.CheckWord names what makes a word no word list entry (check.wordProblem)"},
	{"workspace.protected.", []string{"config", "lock", "glossary", "documents"}, "workspace.CheckTarget names the protected area as workspace.protected.+Area"},
}

// storedIDs are ids no code of this version names but files it reads
// may: a journal entry stores the id of the message that describes it, and
// undo --list shows entries written by earlier versions.
var storedIDs = map[string]string{
	"review.done.move": "journal entries written before moves said which sentence moved",
}

// hintOf lists the id prefixes whose hints the code names by adding
// ".hint" to the message id at run time (glossary.Problem.HintID, and the
// locale.Errors of segment's rule errors, workspace.ReadError and
// yamlx.LimitError):
// such a hint counts as used when its message is.
var hintOf = []string{"glossary.lint.", "glossary.add.", "segment.rule.", "workspace.read-", "yaml."}

// notMessages are literals the code joins that look like id prefixes but
// are not message ids.
var notMessages = map[string]string{
	"glossary.": "the file name of an exported glossary pair (glossary.en-kk.tsv)",
}

// idShape is what a message id looks like: dotted lower-case words.
var idShape = regexp.MustCompile(`^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$`)

// prefixShape is what the literal part of a built id looks like.
var prefixShape = regexp.MustCompile(`^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*[.-]$`)

// localizerCalls are the functions and methods whose first argument is a
// message id (console.Env, locale.Localizer, locale.NewError and
// Error.WithHint); Usage also takes a hint id third.
var localizerCalls = map[string][]int{"T": {0}, "N": {0}, "Text": {0}, "Say": {0}, "SayN": {0}, "Warn": {0}, "Hint": {0}, "Usage": {0, 2}, "NewError": {0}, "WithHint": {0}}

// idMethods are the methods that return a message id (locale.Message,
// console.Hinter, glossary.Problem).
var idMethods = map[string]bool{"MessageID": true, "Hint": true, "HintID": true}

type codeScan struct {
	literals map[string][]string // every string literal → where
	atCalls  map[string][]string // literals in an id position → where
	prefixes map[string][]string // literal prefixes joined with a value → where
	suffixes map[string][]string // literal suffixes joined to a value → where
}

// scanCode parses every non-test Go file of the module.
func scanCode(t *testing.T) *codeScan {
	t.Helper()
	root := moduleRoot(t)
	s := &codeScan{literals: map[string][]string{}, atCalls: map[string][]string{}, prefixes: map[string][]string{}, suffixes: map[string][]string{}}
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (d.Name() == "testdata" || d.Name() == "vendor" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files++
		s.file(fset, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("scanned only %d Go files under %s", files, root)
	}
	return s
}

func (s *codeScan) file(fset *token.FileSet, f *ast.File) {
	where := func(n ast.Node) string {
		p := fset.Position(n.Pos())
		return filepath.Base(filepath.Dir(p.Filename)) + "/" + filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
	}
	str := func(e ast.Expr) (string, bool) {
		b, ok := e.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return "", false
		}
		v, err := strconv.Unquote(b.Value)
		return v, err == nil
	}
	tags := map[*ast.BasicLit]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.Field:
			if n.Tag != nil {
				tags[n.Tag] = true // struct tags are not messages
			}
		case *ast.BasicLit:
			if v, ok := str(n); ok && !tags[n] {
				s.literals[v] = append(s.literals[v], where(n))
			}
		case *ast.BinaryExpr:
			if n.Op == token.ADD {
				if v, ok := str(leftmost(n)); ok {
					s.prefixes[v] = append(s.prefixes[v], where(n))
				}
				if v, ok := str(n.Y); ok {
					s.suffixes[v] = append(s.suffixes[v], where(n))
				}
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			for _, i := range localizerCalls[sel.Sel.Name] {
				if i < len(n.Args) {
					if v, ok := str(n.Args[i]); ok && v != "" {
						s.atCalls[v] = append(s.atCalls[v], where(n))
					}
				}
			}
		case *ast.FuncDecl:
			if n.Recv == nil || !idMethods[n.Name.Name] || n.Body == nil {
				return true
			}
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if r, ok := m.(*ast.ReturnStmt); ok {
					for _, e := range r.Results {
						if v, ok := str(e); ok && v != "" {
							s.atCalls[v] = append(s.atCalls[v], where(r))
						}
					}
				}
				return true
			})
		}
		return true
	})
}

// leftmost returns the first operand of a chain of + (a + b + c).
func leftmost(e *ast.BinaryExpr) ast.Expr {
	x := e.X
	for {
		b, ok := x.(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			return x
		}
		x = b.X
	}
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// catalogueIDs returns the English message ids (the parity test keeps the
// other languages the same).
func catalogueIDs(t *testing.T) map[string]bool {
	t.Helper()
	ids, err := locale.IDs(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, id := range ids["en"] {
		_, name, _ := strings.Cut(id, ":")
		if out[name] {
			t.Errorf("message %s is defined in two areas", name)
		}
		out[name] = true
	}
	return out
}

// TestMessageIDsInCode fails when code names a message id no catalogue
// holds (the person would see the id instead of a sentence), and when a
// catalogue holds a message no code uses (a dead translation to maintain).
func TestMessageIDsInCode(t *testing.T) {
	ids := catalogueIDs(t)
	code := scanCode(t)
	namespaces := map[string]bool{}
	for id := range ids {
		ns, _, _ := strings.Cut(id, ".")
		namespaces[ns] = true
	}
	looksLikeID := func(s string) bool {
		ns, _, _ := strings.Cut(s, ".")
		return idShape.MatchString(s) && namespaces[ns]
	}

	// Code → catalogue: literals in an id position, and id-shaped literals
	// anywhere (ids travel through variables, tables and struct fields).
	for v, at := range code.atCalls {
		if !ids[v] {
			t.Errorf("%s: message id %q is not in the catalogues", at[0], v)
		}
	}
	for v, at := range code.literals {
		if looksLikeID(v) && !ids[v] && code.atCalls[v] == nil && code.prefixes[v] == nil {
			t.Errorf("%s: %q looks like a message id but is not in the catalogues", at[0], v)
		}
	}

	// The allow-list of built ids agrees with the code.
	used := map[string]bool{}
	declared := map[string]bool{}
	for _, d := range dynamicIDs {
		declared[d.prefix] = true
		if code.prefixes[d.prefix] == nil {
			t.Errorf("dynamicIDs: no code builds ids from %q any more (%s); remove the entry", d.prefix, d.why)
		}
		for _, sfx := range d.suffixes {
			id := d.prefix + sfx
			used[id] = true
			if !ids[id] {
				t.Errorf("dynamicIDs: %s (%s) is not in the catalogues", id, d.why)
			}
			if base := strings.TrimSuffix(sfx, ".hint"); code.literals[base] == nil {
				t.Errorf("dynamicIDs: %s: no string literal %q in the code can complete it", id, base)
			}
		}
	}
	for p, at := range code.prefixes {
		ns, _, _ := strings.Cut(p, ".")
		if !prefixShape.MatchString(p) || !namespaces[strings.TrimSuffix(ns, "-")] && !namespaces[ns] {
			continue
		}
		if !declared[p] && notMessages[p] == "" {
			t.Errorf("%s: code builds message ids from %q: list them in dynamicIDs", at[0], p)
		}
	}
	for p := range notMessages {
		if code.prefixes[p] == nil {
			t.Errorf("notMessages: %q is no longer joined in the code; remove it", p)
		}
	}
	if len(hintOf) > 0 && code.suffixes[".hint"] == nil {
		t.Error("hintOf: no code adds .hint to a message id any more; remove the list")
	}

	// Catalogue → code.
	for id, why := range storedIDs {
		if !ids[id] {
			t.Errorf("storedIDs: %s (%s) is not in the catalogues", id, why)
		}
		used[id] = true
	}
	for v := range code.literals {
		if ids[v] {
			used[v] = true
		}
	}
	for id := range ids {
		base, ok := strings.CutSuffix(id, ".hint")
		if !ok || !used[base] {
			continue
		}
		for _, p := range hintOf {
			if strings.HasPrefix(base, p) {
				used[id] = true
			}
		}
	}
	var unused []string
	for id := range ids {
		if !used[id] {
			unused = append(unused, id)
		}
	}
	sort.Strings(unused)
	for _, id := range unused {
		t.Errorf("message %s is in the catalogues but no code uses it", id)
	}
}
