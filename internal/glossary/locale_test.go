package glossary

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/tilmash/tilmash/internal/locale"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// The glossary's messages live in locales/glossary.{en,ru,kk}.yaml. These
// tests read them with go-i18n as the CLI does.

func loadCatalogue(t *testing.T) *i18n.Bundle {
	t.Helper()
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	for _, lang := range []string{"en", "ru", "kk"} {
		if _, err := b.LoadMessageFile(filepath.Join("..", "..", "locales", "glossary."+lang+".yaml")); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func catalogueIDs(t *testing.T, lang string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "locales", "glossary."+lang+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func TestCatalogueSameIDs(t *testing.T) {
	en := strings.Join(catalogueIDs(t, "en"), "\n")
	for _, lang := range []string{"ru", "kk"} {
		if got := strings.Join(catalogueIDs(t, lang), "\n"); got != en {
			t.Errorf("glossary.%s.yaml ids differ from glossary.en.yaml", lang)
		}
	}
}

// message is what the CLI renders: an id and its values.
type message interface {
	MessageID() string
	TemplateData() map[string]any
	Error() string
}

// TestCatalogueRendersEveryMessage renders every lint problem of the bad
// fixture, every add error and every finding kind in the three languages:
// each id must exist, each template must execute, and the English text
// must be what Error() says.
func TestCatalogueRendersEveryMessage(t *testing.T) {
	b := loadCatalogue(t)
	_, probs, err := Load(filepath.Join("testdata", "lint", "bad"), workspaceLangs)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []message
	for _, p := range probs {
		msgs = append(msgs, p)
	}
	for _, code := range []string{CodeAddInvalidID, CodeAddInvalidKind, CodeAddNoForms, CodeAddMissingTerm,
		CodeAddInvalidInflect, CodeAddDuplicateID, CodeAddMalformed, CodeAddIO} {
		msgs = append(msgs, addError(code, locale.Pos{File: "glossary/people.yaml", Line: 3, Column: 9}, map[string]any{"ID": "tokayev", "Lang": "kk", "Value": "x", "Detail": "permission denied"}, nil))
	}
	for _, id := range []string{"glossary.add.malformed.not-mapping", "glossary.add.malformed.terms-not-list"} {
		msgs = append(msgs, addError(CodeAddMalformed, locale.Pos{File: "glossary/people.yaml", Line: 1, Column: 1}, map[string]any{"ID": "tokayev", "Detail": locale.Msg{ID: id}}, nil))
	}
	for _, code := range []string{CodeAddForbidsAccepted, CodeAddAcceptsForbidden} {
		msgs = append(msgs, Problem{Code: code, File: "glossary/places.yaml", Line: 5, Column: 16, ID: "almaty", OtherID: "almaty-city", Lang: "ru", Form: "Алматы"})
	}
	for _, f := range []Finding{
		{Kind: FindingMissing, Lang: "kk", SrcLang: "en", EntryID: "un", Text: "United Nations", Expected: "Біріккен Ұлттар Ұйымы"},
		{Kind: FindingForbidden, Lang: "ru", EntryID: "almaty", Text: "Алма-Ате", Expected: "Алматы"},
		{Kind: FindingForbidden, Keyboard: true, Lang: "kk", EntryID: "central-asia", Text: "Орталык Азияда", Expected: "Орталық Азияда"},
		{Kind: FindingForbidden, Hyphen: true, Lang: "kk", EntryID: "nur-sultan", Text: "Нұр Сұлтанға", Expected: "Нұр-Сұлтанға"},
		{Kind: FindingHomoglyph, Lang: "kk", Text: "Бiлгiм", Expected: "Білгім"},
		{Kind: FindingHomoglyph, Lang: "kk", Text: "Тоkаев"},
		{Kind: FindingHidden, Lang: "ru", Text: "Тока\u200bев", Expected: "Токаев", Hidden: "U+200B"},
	} {
		msgs = append(msgs, f)
	}
	ids := map[string]bool{}
	for _, m := range msgs {
		ids[m.MessageID()] = true
		for _, v := range m.TemplateData() {
			if d, ok := v.(locale.Msg); ok && strings.HasPrefix(d.ID, "glossary.") { // yaml.syntax.* are cli's
				// A message given as a value (a reason): rendered by
				// the Localizer in each language before its message.
				ids[d.ID] = true
				for _, lang := range []string{"en", "ru", "kk"} {
					if _, tag, err := i18n.NewLocalizer(b, lang).LocalizeWithTag(&i18n.LocalizeConfig{MessageID: d.ID}); err != nil || tag.String() != lang {
						t.Errorf("%s in %s: %v (got %s)", d.ID, lang, err, tag)
					}
				}
			}
		}
		for _, lang := range []string{"en", "ru", "kk"} {
			loc := i18n.NewLocalizer(b, lang)
			got, tag, err := loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: m.MessageID(), TemplateData: m.TemplateData()})
			if err != nil || tag.String() != lang {
				t.Errorf("%s in %s: %v (got %s)", m.MessageID(), lang, err, tag)
				continue
			}
			if lang == "en" && got != m.Error() {
				t.Errorf("%s: English catalogue and Error() differ:\n%s\n%s", m.MessageID(), got, m.Error())
			}
		}
		if p, ok := m.(Problem); ok {
			if _, err := i18n.NewLocalizer(b, "ru").Localize(&i18n.LocalizeConfig{MessageID: p.HintID()}); err != nil {
				t.Errorf("hint %s: %v", p.HintID(), err)
			}
		}
	}
	for _, id := range catalogueIDs(t, "en") {
		if !ids[id] && !strings.HasSuffix(id, ".hint") {
			t.Errorf("catalogue message %s is never used", id)
		}
	}
}

// TestCatalogueScripts checks the Russian and Kazakh messages with the
// package's own look-alike check: no Latin letter hides in a Cyrillic word.
func TestCatalogueScripts(t *testing.T) {
	for _, lang := range []string{"ru", "kk"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "locales", "glossary."+lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range Homoglyphs(lang, string(data)) {
			t.Errorf("glossary.%s.yaml: %s", lang, f.Error())
		}
	}
}
