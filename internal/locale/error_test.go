package locale_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

func localizer(t *testing.T, lang string) *locale.Localizer {
	t.Helper()
	l, err := locale.New(lang)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestErrorRendersInEachLanguage: a *locale.Error, wrapped or not, is
// rendered from the catalogue of the reader's language with its values and
// its hint; its Go text is the English one.
func TestErrorRendersInEachLanguage(t *testing.T) {
	e := locale.NewError("review.no-group", map[string]any{"Group": 47, "Count": 35}).WithHint("review.no-group.hint")
	seen := map[string]string{}
	for _, lang := range []string{"en", "ru", "kk"} {
		msg, hint, ok := localizer(t, lang).Explain(fmt.Errorf("group edit: %w", e))
		if !ok || !strings.Contains(msg, "47") || !strings.Contains(msg, "35") || strings.Contains(msg+hint, "<no value>") {
			t.Errorf("%s: %q (ok %v)", lang, msg, ok)
		}
		if hint == "" || hint == e.Hint {
			t.Errorf("%s: hint %q", lang, hint)
		}
		for other, m := range seen {
			if m == msg {
				t.Errorf("%s and %s render the same text %q", lang, other, msg)
			}
		}
		seen[lang] = msg
	}
	if want := "there is no group 47: the alignment has 35"; seen["en"] != want || e.Error() != want {
		t.Errorf("English: Explain %q, Error() %q; want %q", seen["en"], e.Error(), want)
	}
	if !strings.ContainsAny(seen["ru"], "абвгдежзийклмнопрстуфхцчшщыэюя") || !strings.ContainsAny(seen["kk"], "әғқңөұүһі") {
		t.Errorf("ru %q, kk %q: not Russian and Kazakh", seen["ru"], seen["kk"])
	}
}

// TestErrorPlural: a Count in the data chooses the plural form.
func TestErrorPlural(t *testing.T) {
	l := localizer(t, "ru")
	for n, want := range map[int]string{1: "1 выровненную группу", 3: "3 выровненные группы", 5: "5 выровненных групп", 21: "21 выровненную группу"} {
		e := locale.NewError("document.would-lose", map[string]any{"ID": "d", "Lang": "en", "Count": n, "Confirmed": 0, "Groups": ""})
		if msg, _, _ := l.Explain(e); !strings.Contains(msg, want) {
			t.Errorf("%d: %q, want %q in it", n, msg, want)
		}
	}
}

// TestErrorLocated: the position of a located error gives the message
// File, Line, Column, Offset and Where, in every language the same.
func TestErrorLocated(t *testing.T) {
	e := locale.NewError("document.bad-alignment", map[string]any{"Reason": "bad span"}).At(locale.Pos{File: "a.yaml", Line: 3, Column: 7, Offset: 40})
	for _, lang := range []string{"en", "ru", "kk"} {
		if msg, _, _ := localizer(t, lang).Explain(e); msg != "a.yaml:3:7: bad span" {
			t.Errorf("%s: %q", lang, msg)
		}
	}
	d := e.TemplateData()
	if d["File"] != "a.yaml" || d["Line"] != 3 || d["Column"] != 7 || d["Offset"] != 40 || d["Where"] != "a.yaml:3:7" {
		t.Errorf("template data %v", d)
	}
	// Data wins over the position.
	e.Data["File"] = "shown.yaml"
	if got := e.Error(); got != "shown.yaml:3:7: bad span" {
		t.Errorf("with File in Data: %q", got)
	}
	// Where leaves out what is unknown, and a message can leave out an
	// empty Where.
	for _, tt := range []struct {
		pos  locale.Pos
		want string
	}{
		{locale.Pos{File: "h.srx", Line: 2, Column: 1}, "h.srx:2:1"},
		{locale.Pos{File: "h.srx"}, "h.srx"},
		{locale.Pos{Line: 2, Column: 5}, "2:5"},
		{locale.Pos{Offset: 9}, ""},
	} {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.pos, got, tt.want)
		}
		msg := locale.NewError("segment.srx.no-languages", map[string]any{"Detail": "en"}).At(tt.pos).Error()
		if tt.want == "" && strings.HasPrefix(msg, ":") || tt.want != "" && !strings.HasPrefix(msg, tt.want+": ") {
			t.Errorf("%+v: %q", tt.pos, msg)
		}
	}
	if d := locale.NewError("x", map[string]any{"A": 1}).TemplateData(); len(d) != 1 {
		t.Errorf("an error without a position has data %v", d)
	}
}

// TestErrorWraps: the cause stays reachable with errors.Is and errors.As,
// and ID finds the message through other wrappers.
func TestErrorWraps(t *testing.T) {
	_, cause := os.Open("/nonexistent/tilmash")
	e := locale.NewError("app.file-missing", map[string]any{"File": "x"}).Wrap(cause)
	outer := fmt.Errorf("import: %w", e)
	var pe *fs.PathError
	if !errors.Is(outer, fs.ErrNotExist) || !errors.As(outer, &pe) || errors.Unwrap(e) != cause {
		t.Errorf("the cause is lost: %v", outer)
	}
	if got := locale.ID(outer); got != "app.file-missing" {
		t.Errorf("ID = %q", got)
	}
	if got := locale.ID(cause); got != "" {
		t.Errorf("ID of a plain error = %q", got)
	}
	var le *locale.Error
	if !errors.As(outer, &le) || le != e {
		t.Error("errors.As does not find the *locale.Error")
	}
}

// TestErrorNotInCatalogue: an id the catalogue lacks still says what
// happened (the id and the values), and Explain falls back to that text.
func TestErrorNotInCatalogue(t *testing.T) {
	e := locale.NewError("nowhere.missing", map[string]any{"B": 2, "A": "x"}).WithHint("nowhere.hint")
	if got := e.Error(); got != "nowhere.missing A=x B=2" {
		t.Errorf("Error() = %q", got)
	}
	msg, _, ok := localizer(t, "kk").Explain(e)
	if ok || msg != e.Error() {
		t.Errorf("Explain = %q, %v", msg, ok)
	}
}

// legacy is an error type of a package not yet converted: a Message with a
// Hint method.
type legacy struct{}

func (legacy) Error() string                { return "legacy" }
func (legacy) MessageID() string            { return "document.bad-id" }
func (legacy) TemplateData() map[string]any { return map[string]any{"ID": "X"} }
func (legacy) Hint() string                 { return "document.bad-id.hint" }

func TestExplainOtherMessages(t *testing.T) {
	l := localizer(t, "en")
	msg, hint, ok := l.Explain(fmt.Errorf("w: %w", legacy{}))
	if !ok || msg != "invalid document id X" || !strings.HasPrefix(hint, "use a lowercase slug") {
		t.Errorf("legacy: %q / %q / %v", msg, hint, ok)
	}
	msg, hint, ok = l.Explain(errors.New("  disk on fire\n"))
	if ok || msg != "disk on fire" || hint != "" {
		t.Errorf("plain: %q / %q / %v", msg, hint, ok)
	}
}

func TestKindExitCode(t *testing.T) {
	for k, want := range map[locale.Kind]int{locale.Input: 2, locale.Usage: 2, locale.Findings: 1} {
		if got := k.ExitCode(); got != want {
			t.Errorf("kind %d: exit %d, want %d", k, got, want)
		}
	}
	if e := locale.NewError("x", nil); e.Kind != locale.Input {
		t.Errorf("NewError gives kind %d, want Input", e.Kind)
	}
}

// TestMsgInMessage: a locale.Msg given as a value of a message is rendered
// in the language of the message it is in (plural messages too), and in
// English in the error's Go text.
func TestMsgInMessage(t *testing.T) {
	reason := locale.Msg{ID: "formats.xml.closed-by", Data: map[string]any{"Open": "<seg>", "Close": "</sg>"}}
	e := locale.NewError("tmx.bad-file", map[string]any{"Reason": reason}).At(locale.Pos{File: "a.tmx", Line: 3, Column: 7})
	if got, want := e.Error(), "a.tmx:3:7: the element <seg> is closed by </sg>: an end tag is missing or misspelt"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := fmt.Sprint(reason), "the element <seg> is closed by </sg>: an end tag is missing or misspelt"; got != want {
		t.Errorf("String: %q, want %q", got, want)
	}
	for lang, want := range map[string]string{
		"ru": "a.tmx:3:7: элемент <seg> закрыт тегом </sg>: закрывающий тег пропущен или написан с опечаткой",
		"kk": "a.tmx:3:7: <seg> элементі </sg> тегімен жабылған: жабатын тег түсіп қалған немесе қате жазылған",
	} {
		msg, _, _ := localizer(t, lang).Explain(e)
		if msg != want {
			t.Errorf("%s: %q, want %q", lang, msg, want)
		}
	}
	// A plural message: the count picks the form, the Msg is rendered.
	n := localizer(t, "ru").N("tmx.bad-file", 3, map[string]any{"File": "a.tmx", "Line": 1, "Column": 1, "Reason": locale.Msg{ID: "formats.xml.eof"}})
	if !strings.Contains(n, "файл кончается внутри элемента") {
		t.Errorf("N: %q", n)
	}
}

// TestNestedMessageRendered: a message quoted in another's values (the
// first problem in review.not-verified) is rendered in the reader's
// language, not with its Error method in English.
func TestNestedMessageRendered(t *testing.T) {
	inner := locale.NewError("document.verify.changed", map[string]any{"Lang": "en", "Start": 3, "End": 9}).
		At(locale.Pos{File: "a.yaml", Line: 4, Column: 1})
	outer := locale.NewError("review.not-verified", map[string]any{"ID": "d", "First": inner, "Count": 1})
	ru, err := locale.New("ru")
	if err != nil {
		t.Fatal(err)
	}
	got := ru.Render(outer)
	if want := "a.yaml:4:1: фрагмент 3-9 файла en.txt больше не содержит это предложение"; !strings.Contains(got, want) {
		t.Errorf("got %q, want it to hold %q", got, want)
	}
	if en := outer.Error(); !strings.Contains(en, "a.yaml:4:1: span 3-9 of en.txt no longer holds this sentence") {
		t.Errorf("English: %q", en)
	}
}
