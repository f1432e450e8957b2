package qa

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExtractLinks(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // Text of each link
		keys []string // Key of each, when checked
	}{
		{"See https://www.akorda.kz/ru/news for more.", []string{"https://www.akorda.kz/ru/news"}, []string{"akorda.kz/ru/news"}},
		{"Подробнее на akorda.kz.", []string{"akorda.kz"}, []string{"akorda.kz"}},
		{"Сайт: www.gov.kz/memleket/entities, а также egov.kz", []string{"www.gov.kz/memleket/entities", "egov.kz"}, []string{"gov.kz/memleket/entities", "egov.kz"}},
		{"(see http://example.org/a/),", []string{"http://example.org/a/"}, []string{"example.org/a"}},
		{"HTTPS://WWW.Example.ORG/Path", []string{"HTTPS://WWW.Example.ORG/Path"}, []string{"example.org/Path"}},
		{"сайт «tengrinews.kz» сообщил", []string{"tengrinews.kz"}, nil},
		{"«https://akorda.kz/kz»,", []string{"https://akorda.kz/kz"}, nil},
		{"“www.bbc.com/news”.", []string{"www.bbc.com/news"}, nil},
		{"Пишите на press-service@akorda.kz!", []string{"press-service@akorda.kz"}, []string{"press-service@akorda.kz"}},
		{"Mail John.Smith1@Example.ORG; or not", []string{"John.Smith1@Example.ORG"}, []string{"john.smith1@example.org"}},
		{"Follow @Akorda_Press. And @tokayev_kz", []string{"@Akorda_Press", "@tokayev_kz"}, []string{"@akorda_press", "@tokayev_kz"}},
		{"сайт президент.рф и Президент.РФ", []string{"президент.рф"}, []string{"президент.рф"}},
		{"wiki https://ru.wikipedia.org/wiki/Казахстан.", []string{"https://ru.wikipedia.org/wiki/Казахстан"}, nil},
		{"https://ru.wikipedia.org/wiki/%D0%90%D1%81%D1%82%D0%B0%D0%BD%D0%B0", nil, []string{"ru.wikipedia.org/wiki/Астана"}},
		{"https://en.wikipedia.org/wiki/Foo_(bar) and (https://en.wikipedia.org/wiki/Baz)", []string{"https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Baz"}, nil},
		{"2gis.kz and 24.kz", []string{"2gis.kz", "24.kz"}, nil},
		{"localhost:8080 and http://localhost:8080/x", []string{"http://localhost:8080/x"}, nil},
		{"akorda.kz\nnext line", []string{"akorda.kz"}, nil},
		// a Kazakh ending after a hyphen is no part of the address; a
		// Cyrillic word at the end of a path is
		{"akorda.kz-тың хабарлауынша, press@akorda.kz-қа жазыңыз, @akorda_press-ке", []string{"akorda.kz", "press@akorda.kz", "@akorda_press"}, nil},
		{"https://akorda.kz-тан және президент.рф-ке", []string{"https://akorda.kz", "президент.рф"}, nil},
		{"ru.wikipedia.org/wiki/Северо-казахстанская-область", []string{"ru.wikipedia.org/wiki/Северо-казахстанская-область"}, nil},
		{"**akorda.kz**", []string{"akorda.kz"}, nil},
		// no addresses
		{"e.g. this, i.e. that, т.е. то, и т.д., в т.ч.", nil, nil},
		{"U.S. and Ph.D. and Mr.Smith wrote", nil, nil},
		{"5 тыс.руб. и 3 млн.тг", nil, nil},
		{"The end.Next sentence", nil, nil},
		{"1.5 million, 3.Third", nil, nil},
		{"a@b and user@localhost", nil, nil},
		{"he said.the end, see report.pdf or main.html", nil, nil},
		{"see www.example.museum and https://example.horse/x", []string{"www.example.museum", "https://example.horse/x"}, nil},
		{"an @ sign, #hashtag, C# code", nil, nil},
		{"foo@bar.kz@", nil, nil},
		{"", nil, nil},
		{"no address at all.", nil, nil},
	} {
		got := ExtractLinks(tc.text)
		var texts, keys []string
		for _, l := range got {
			if tc.text[l.Start:l.End] != l.Text {
				t.Errorf("%q: span %d:%d is %q, not %q", tc.text, l.Start, l.End, tc.text[l.Start:l.End], l.Text)
			}
			texts, keys = append(texts, l.Text), append(keys, l.Key)
		}
		if tc.want != nil || len(tc.keys) == 0 {
			if !slices.Equal(texts, tc.want) {
				t.Errorf("%q: links %q, want %q", tc.text, texts, tc.want)
			}
		}
		if tc.keys != nil && !slices.Equal(keys, tc.keys) {
			t.Errorf("%q: keys %q, want %q", tc.text, keys, tc.keys)
		}
	}
}

func TestCheckLinks(t *testing.T) {
	type f struct{ msg, addr, found string }
	for _, tc := range []struct {
		src, tgt string
		want     []f
	}{
		// found: scheme, www., a final slash and the host's case aside
		{"Details at https://www.akorda.kz/ru/news/.", "Подробности на akorda.kz/ru/news.", nil},
		{"Visit AKORDA.KZ", "Заходите на akorda.kz", nil},
		{"Write to press@akorda.kz.", "Пишите на Press@Akorda.kz.", nil},
		{"Follow @Akorda_Press", "Подписывайтесь на @akorda_press", nil},
		{"The site президент.рф said", "Сайт президент.рф сообщил", nil},
		{"See “bbc.com/news”.", "Смотрите «bbc.com/news».", nil},
		// localised: another path, another language version of the site
		{"See bbc.com/news.", "Смотрите bbc.com/russian.", nil},
		{"See https://en.wikipedia.org/wiki/Almaty", "См. https://ru.wikipedia.org/wiki/Алматы", nil},
		{"Reported by tengrinews.kz/news.", "Хабарлаған kaz.tengrinews.kz/news.", nil},
		{"See m.facebook.com/akorda", "См. facebook.com/akorda", nil},
		{"See https://en.wikipedia.org/wiki/Almaty", "См. https://en.wikipedia.org/wiki/Almaty (https://ru.wikipedia.org/wiki/Алматы)", nil},
		// missing, changed, added
		{"Read more at akorda.kz.", "Толығырақ akorda.kz-тан оқыңыз.", nil},
		{"Read more at akorda.kz.", "Подробнее на сайте Акорды.", []f{{"qa.links.missing", "akorda.kz", ""}}},
		{"Read more at akorda.kz.", "Подробнее на akroda.kz.", []f{{"qa.links.changed", "akorda.kz", "akroda.kz"}}},
		{"Write to press@akorda.kz.", "Пишите на press@akorda.com.", []f{{"qa.links.changed", "press@akorda.kz", "press@akorda.com"}}},
		{"Follow @akorda_press", "Подписывайтесь на @akorda_pres", []f{{"qa.links.changed", "@akorda_press", "@akorda_pres"}}},
		{"The president said.", "Президент сказал (akorda.kz).", []f{{"qa.links.added", "akorda.kz", ""}}},
		{"See akorda.kz and gov.kz.", "См. akorda.kz.", []f{{"qa.links.missing", "gov.kz", ""}}},
		{"See akorda.kz twice: akorda.kz", "См. akorda.kz", []f{{"qa.links.missing", "akorda.kz", ""}}},
		// never inside words or abbreviations
		{"That is, i.e. this.", "То есть, т.е. это.", nil},
		{"The price in thousand tenge.", "Цена в тыс.тг.", nil},
	} {
		got := CheckLinks("en", tc.src, "ru", tc.tgt)
		var fs []f
		for _, g := range got {
			if g.Kind != Links || g.Severity != Error {
				t.Errorf("%q → %q: kind %s, severity %s", tc.src, tc.tgt, g.Kind, g.Severity)
			}
			x := f{g.Message, g.Data["Address"].(string), ""}
			if s, ok := g.Data["Found"].(string); ok {
				x.found = s
			}
			switch g.Message {
			case "qa.links.missing", "qa.links.changed":
				if tc.src[g.Source.Start:g.Source.End] != x.addr {
					t.Errorf("%q: source span %q", tc.src, tc.src[g.Source.Start:g.Source.End])
				}
			}
			switch g.Message {
			case "qa.links.changed", "qa.links.added":
				want := x.found
				if g.Message == "qa.links.added" {
					want = x.addr
				}
				if tc.tgt[g.Target.Start:g.Target.End] != want {
					t.Errorf("%q: target span %q, want %q", tc.tgt, tc.tgt[g.Target.Start:g.Target.End], want)
				}
			default:
				if g.Target.Valid() {
					t.Errorf("%q: a missing address has a target span", tc.tgt)
				}
			}
			fs = append(fs, x)
		}
		if !slices.Equal(fs, tc.want) {
			t.Errorf("%q → %q:\n got %v\nwant %v", tc.src, tc.tgt, fs, tc.want)
		}
	}
}

// TestCheckerRunsLinks: the checker runs links by default and through
// Options.Checks, and a severity changes its findings'.
func TestCheckerRunsLinks(t *testing.T) {
	src, tgt := "Read more at akorda.kz.", "Подробнее на сайте Акорды."
	for _, tc := range []struct {
		opt  Options
		want int
		sev  Severity
	}{
		{Options{}, 1, Error},
		{Options{Checks: []Kind{Links}}, 1, Error},
		{Options{Checks: []Kind{Numbers}}, 0, ""},
		{Options{Checks: []Kind{Links}, Severity: map[Kind]Severity{Links: Warning}}, 1, Warning},
	} {
		fs, err := NewChecker(tc.opt).CheckPair("en", src, "ru", tgt)
		if err != nil {
			t.Fatal(err)
		}
		fs = slices.DeleteFunc(fs, func(f Finding) bool { return f.Kind != Links })
		if len(fs) != tc.want || tc.want > 0 && fs[0].Severity != tc.sev {
			t.Errorf("%+v: %d findings %+v", tc.opt, len(fs), fs)
		}
	}
}

// FuzzExtractLinks: every link is a span of the text that is its Text,
// in order, not overlapping, starting at a word's start and not ending
// in the punctuation of a sentence.
func FuzzExtractLinks(f *testing.F) {
	for _, s := range []string{"See https://www.akorda.kz/ru/news.", "«akorda.kz»", "press@akorda.kz", "@handle.", "президент.рф", "т.е.", "a.b@c.d", "(x.org/a_(b))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, l := range ExtractLinks(s) {
			if l.Start < prev || l.End <= l.Start || l.End > len(s) || s[l.Start:l.End] != l.Text {
				t.Fatalf("%q: bad link %+v", s, l)
			}
			if l.Start > 0 {
				if r, _ := utf8.DecodeLastRuneInString(s[:l.Start]); isLetter(r) || r >= '0' && r <= '9' {
					t.Fatalf("%q: link %q starts inside a word", s, l.Text)
				}
			}
			if strings.ContainsAny(l.Text[len(l.Text)-1:], ".,;:!?") {
				t.Fatalf("%q: link %q ends in punctuation", s, l.Text)
			}
			prev = l.End
		}
	})
}
