package locale_test

import (
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/locales"
)

// The rules below enforce what can be enforced mechanically of the
// terminology table, locales/TERMINOLOGY.md. Keep the two in step.

// forbiddenWords are words the table rules out, with what to write instead.
var forbiddenWords = []struct {
	lang, pattern, use string
}{
	{"ru", `(?i)выгруз`, "экспорт, экспортировать (export)"},
	{"ru", `(?i)разрез|разреж`, "разделить, место разделения (split)"},
	{"ru", `(?i)проблем`, "ошибка (problem)"},
	{"ru", `(?i)рабоч[а-я]* (?:област|пространств)`, "рабочая папка (workspace)"},
	{"kk", `(?i)нысана`, "аударма: аударма тілі, аударма файлы (target)"},
	{"kk", `(?i)турала[уйнт]`, "теңестіру (align); туралы is fine"},
	{"kk", `(?i)тұлға`, "форма (form): тұлға also reads as a person"},
	{"kk", `(?i)ақау`, "қате (problem), іркіліс (crash)"},
	{"kk", `(?i)мәселе`, "қате (problem)"},
	{"kk", `(?i)жойылды:`, "шешілді (a resolved finding)"},
	{"kk", `(?i)расталмаған:`, "енді расталған емес (no longer confirmed)"},
	{"kk", `(?i)Okapi-да`, "Okapi-ден"},
	{"kk", `(?i)стандартты кіріс`, "стандартты енгізу (standard input)"},
	{"kk", `(?i)жұмыс кеңістіг`, "жұмыс қалтасы (workspace)"},
	// A noun after a number, or a list of numbers, stays singular in
	// Kazakh: 5 топ, not 5 топтар; (топтар: 3–5, 7), not (3–5, 7 топтар).
	{"kk", `(?:\{\{\.(?:Count|Groups|Group|Total|Left|Files|Want|Min|Max|Number|Sentence|Step|Start|End|Offset)\}\}|\d)[ -]+[а-яәғқңөұүһі]{2,}(?:лар|лер|дар|дер|тар|тер)(?:ы|і|ды|ді|дың|дің|ға|ге|да|де|дан|ден|мен|ын|ін|ының|інің|ына|іне|ында|інде|ынан|інен|ымен|імен)?(?:[^а-яәғқңөұүһі]|$)`,
		"the singular after a number: {{.Count}} топ"},
}

// termPairs say how an English term is translated: a message whose
// English prose uses the term must use the Russian and Kazakh word too.
var termPairs = []struct {
	name, en, ru, kk string
}{
	{"finding", `\bfindings?\b`, `замечани`, `кемшілі`},
	{"problem", `\bproblems?\b`, `ошиб`, `қате`},
	{"warning", `\bwarnings?\b`, `предупрежд`, `ескерту`},
	{"form", `\bforms?\b`, `форм`, `форма`},
	{"variant", `\bvariants?\b`, `вариант`, `вариант`},
	{"version", `\bversions?\b`, `верси`, `нұсқа`},
	{"export", `\bexport(ed|s|ing)?\b`, `экспорт`, `экспорт`},
	{"split", `\bsplit\b`, `раздел`, `бөл`},
	{"resolve", `\bresolve[sd]?\b`, `устран`, `шеш`},
	{"crash", `\bcrash`, `сбо`, `іркіліс`},
	{"target", `\btargets?\b`, `перевод|целев`, `аударма`},
	{"look-alike", `\blook-alike`, `похож`, `ұқсас`},
	{"flagged", `\bflagged\b`, `помеч|пометк`, `белгілен`},
	{"align", `\balign(s|ed|ing|ment|ments)?\b`, `выр[ао]вн`, `теңест`},
	{"translation memory", `\btranslation memor`, `памят`, `жад`},
	{"confirmed", `\bconfirmed\b`, `подтвер`, `раста`},
	{"workspace", `\bworkspaces?\b`, `рабоч[а-я]* папк`, `жұмыс қалта`},
}

// termExceptions are messages where the English word is not the term: a
// command or field name in a list, or the verb "form".
var termExceptions = map[string][]string{
	"flag.ui-lang":                     {"export"},
	"app.lang-is-content.hint":         {"export"},
	"glossary.lint.unknown-field.hint": {"form", "variant"},
	"glossary.lint.want-text.hint":     {"form", "variant"},
	"segment.config.hint":              {"form"}, // the form (shape) of a setting
	"segment.config.value":             {"form"},
	"review.group.split.description":   {"form"}, // the sentences form a group
	"review.group.description":         {"split"},
	"review.needs-terminal.hint":       {"split"},
	"review.undo-changed":              {"align"}, // the command align
	"review.interrupted.hint":          {"align"},
	"workspace.bad-config.gate.hint":   {"confirmed"},
	"workspace.overwrite":              {"workspace"}, // the export folder, named alone
	"workspace.protected.glossary":     {"workspace"}, // the glossary folder, named alone
}

// prose is the English of a message without what is not translated:
// placeholders, commands, flags, paths and the example after "Example:".
func prose(s string) string {
	for _, re := range notProse {
		s = re.ReplaceAllString(s, " ")
	}
	return s
}

var notProse = []*regexp.Regexp{
	regexp.MustCompile(`\n\s*Examples?:[\s\S]*`),
	regexp.MustCompile(`\{\{[^}]*\}\}`),
	regexp.MustCompile(`tilmash( [a-z-]+){1,2}`),
	regexp.MustCompile(`--[\w-]+`),
	regexp.MustCompile(`\S*[/_:.=]\S*`),
}

// message is one catalogue entry: its text, or its plural forms.
type message map[string]string // plural form ("" without plurals) → text

func (m message) all() string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(m[k])
		b.WriteString("\n")
	}
	return b.String()
}

// catalogue reads every message of a language from the embedded files.
func catalogue(t *testing.T, lang string) map[string]message {
	t.Helper()
	files, err := fs.Glob(locales.FS, "*."+lang+".yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no %s catalogue: %v", lang, err)
	}
	out := map[string]message{}
	for _, f := range files {
		data, err := fs.ReadFile(locales.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]any
		if err := yaml.Unmarshal(data, &raw); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for id, v := range raw {
			switch v := v.(type) {
			case string:
				out[id] = message{"": v}
			case map[string]any:
				m := message{}
				for form, text := range v {
					s, ok := text.(string)
					if !ok {
						t.Errorf("%s: %s.%s is not text", f, id, form)
					}
					m[form] = s
				}
				out[id] = m
			default:
				t.Errorf("%s: %s is neither text nor plural forms", f, id)
			}
		}
	}
	return out
}

func TestTerminology(t *testing.T) {
	en := catalogue(t, "en")
	// The prose of each English message, made once, not once a term
	// pair and language (a third of the test's processor time).
	enProse := make(map[string]string, len(en))
	for id, m := range en {
		enProse[id] = prose(m.all())
	}
	for _, lang := range []string{"ru", "kk"} {
		msgs := catalogue(t, lang)
		for _, w := range forbiddenWords {
			if w.lang != lang {
				continue
			}
			re := regexp.MustCompile(w.pattern)
			for id, m := range msgs {
				if s := re.FindString(m.all()); s != "" {
					t.Errorf("%s %s: %q: use %s", lang, id, s, w.use)
				}
			}
		}
		for _, p := range termPairs {
			want := p.ru
			if lang == "kk" {
				want = p.kk
			}
			enRe, wantRe := regexp.MustCompile(`(?i)`+p.en), regexp.MustCompile(`(?i)`+want)
			for id := range en {
				if !enRe.MatchString(enProse[id]) || excepted(id, p.name) {
					continue
				}
				if !wantRe.MatchString(msgs[id].all()) {
					t.Errorf("%s %s: the English says %q, the translation lacks %s: %s", lang, id, p.name, want, msgs[id].all())
				}
			}
		}
	}
}

func excepted(id, term string) bool {
	for _, t := range termExceptions[id] {
		if t == term {
			return true
		}
	}
	return false
}

var placeholder = regexp.MustCompile(`\{\{[^}]*?\.([A-Z][A-Za-z0-9]*)`)

func placeholders(m message, plural bool) map[string]bool {
	out := map[string]bool{}
	for _, sub := range placeholder.FindAllStringSubmatch(m.all(), -1) {
		// Count is always there for a plural message, which may or may
		// not print it.
		if !(plural && sub[1] == "Count") {
			out[sub[1]] = true
		}
	}
	return out
}

// TestPlaceholders fails when a translation drops a value the English
// shows, or shows one the code does not give.
func TestPlaceholders(t *testing.T) {
	en := catalogue(t, "en")
	// The prose of each English message, made once, not once a term
	// pair and language (a third of the test's processor time).
	enProse := make(map[string]string, len(en))
	for id, m := range en {
		enProse[id] = prose(m.all())
	}
	for _, lang := range []string{"ru", "kk"} {
		msgs := catalogue(t, lang)
		for id, m := range en {
			plural := m[""] == "" && len(m) > 1
			want, got := placeholders(m, plural), placeholders(msgs[id], plural)
			for p := range want {
				if !got[p] {
					t.Errorf("%s %s lacks {{.%s}}", lang, id, p)
				}
			}
			for p := range got {
				if !want[p] {
					t.Errorf("%s %s has {{.%s}}, which the English lacks", lang, id, p)
				}
			}
		}
	}
}

// TestPluralForms wants the CLDR forms of each language on every message
// that has plural forms in English, and none on the others.
func TestPluralForms(t *testing.T) {
	forms := map[string][]string{"en": {"one", "other"}, "ru": {"few", "many", "one", "other"}, "kk": {"one", "other"}}
	en := catalogue(t, "en")
	for lang, want := range forms {
		msgs := catalogue(t, lang)
		for id := range en {
			_, simple := en[id][""]
			var got []string
			for f := range msgs[id] {
				got = append(got, f)
			}
			sort.Strings(got)
			switch {
			case simple && !(len(got) == 1 && got[0] == ""):
				t.Errorf("%s %s has plural forms %v; English has none", lang, id, got)
			case !simple && strings.Join(got, " ") != strings.Join(want, " "):
				t.Errorf("%s %s has forms %v, want %v", lang, id, got, want)
			}
		}
	}
}

// TestCyrillicWordsHaveNoLatinLetters checks the Russian and Kazakh
// catalogues with the glossary's own look-alike check.
func TestCyrillicWordsHaveNoLatinLetters(t *testing.T) {
	for _, lang := range []string{"ru", "kk"} {
		for id, m := range catalogue(t, lang) {
			for _, f := range glossary.Homoglyphs(lang, m.all()) {
				t.Errorf("%s %s: %q mixes Latin and Cyrillic letters", lang, id, f.Text)
			}
		}
	}
}

// TestCountForms renders messages a review found wrong for some count:
// a Russian "one" form also serves 21, 31, 101, and a Kazakh noun after a
// number or a list stays singular.
func TestCountForms(t *testing.T) {
	tests := []struct {
		lang, id string
		data     map[string]any
		want     string
	}{
		{"ru", "review.unconfirmed", map[string]any{"Count": 21, "Groups": "1-21"},
			"21 группа (1-21) больше не подтверждена: изменился состав предложений"},
		{"ru", "review.unconfirmed", map[string]any{"Count": 1, "Groups": "3"},
			"1 группа (3) больше не подтверждена: изменился состав предложений"},
		{"ru", "review.session", map[string]any{"Count": 21, "ID": "d"},
			"за этот сеанс в d сделано 21 изменение; tilmash undo d отменяет изменения по одному"},
		{"ru", "check.errors", map[string]any{"Count": 21},
			"21 ошибка"},
		{"ru", "check.align.findings", map[string]any{"Count": 21, "ID": "d", "Groups": "2-9", "Summary": "21 ошибка"},
			"проверка: в d 21 ошибка (группы: 2-9)"},
		{"ru", "app.too-many-args", map[string]any{"Count": 1, "Command": "init"},
			"слишком много аргументов: команда init принимает не больше 1 аргумента"},
		{"kk", "document.text-changed", map[string]any{"Count": 2, "ID": "d", "Lang": "kk", "Groups": "3, 5"},
			"d құжатының kk мәтіні теңестірілгеннен кейін өзгерген: 2 расталған топ сөйлемдерінен айырылады (топтар: 3, 5)"},
		{"kk", "review.unconfirmed", map[string]any{"Count": 2, "Groups": "2-3"},
			"2 топ (2-3) енді расталған емес: олардың сөйлемдері өзгерді"},
		{"kk", "review.finding-resolved", map[string]any{"Finding": "x"}, "шешілді: x"},
		{"kk", "app.no-args", map[string]any{"Command": "glossary lint"}, "glossary lint командасы аргумент қабылдамайды"},
	}
	for _, tt := range tests {
		l, err := locale.New(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		got := l.T(tt.id, tt.data)
		if n, ok := tt.data["Count"].(int); ok {
			got = l.N(tt.id, n, tt.data)
		}
		if got != tt.want {
			t.Errorf("%s %s %v:\n got %s\nwant %s", tt.lang, tt.id, tt.data, got, tt.want)
		}
	}
}
