package qa

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/tilmash/tilmash/internal/glossary"
)

func TestUntranslated(t *testing.T) {
	const en = "The minister said the talks would continue next week."
	tests := []struct {
		lang, tgt string
		want      string // message id, "" for none
		found     string
	}{
		{"ru", en, "qa.untranslated.same", ""},
		{"kk", "  " + strings.ToUpper(en[:1]) + en[1:] + " ", "qa.untranslated.same", ""},
		{"ru", "Министр сказал, что переговоры продолжатся на следующей неделе.", "", ""},
		{"kk", "Министр келіссөздер келесі аптада жалғасатынын айтты.", "", ""},
		{"kk", "Министр сказал, что переговоры продолжатся на следующей неделе.", "qa.untranslated.wrong-lang", "ru"},
		{"ru", "Министр келіссөздер келесі аптада жалғасатынын айтты.", "qa.untranslated.wrong-lang", "kk"},
		{"ru", "The minister said talks would go on next week, according to reports.", "qa.untranslated.wrong-lang", "en"},
		{"en", "Министр сказал, что переговоры продолжатся.", "qa.untranslated.wrong-lang", "ru"},
		// Names, acronyms, URLs and short segments stay as they are.
		{"ru", "Revlon, Essie, Tweezerman и Dr. PawPaw", "", ""},
		{"kk", "ITV", "", ""},
		{"ru", "Подробности на https://www.example.com/news/today-and-tomorrow", "", ""},
		{"kk", "Тоқаев", "", ""},
		// Armenian capitals (U+0531 to U+053F share their first byte
		// with Cyrillic letters) in a name quoted in its own script: the
		// letter scan used to stop on them without moving, for ever.
		{"ru", "Министр прибыл в Ереван (Երևան), столицу Армении, на переговоры.", "", ""},
		{"kk", "Министр Ереванға (ԵՐԵՎԱՆ) келіссөздерге келді.", "", ""},
	}
	for _, tt := range tests {
		fs := CheckUntranslated("en", en, tt.lang, tt.tgt)
		got := ""
		if len(fs) > 0 {
			got = fs[0].Message
			if fs[0].Severity != Error || fs[0].Target != (Span{0, len(tt.tgt)}) {
				t.Errorf("%q: bad finding %+v", tt.tgt, fs[0])
			}
			if tt.found != "" && fs[0].Data["Found"] != tt.found {
				t.Errorf("%q: found %v, want %s", tt.tgt, fs[0].Data["Found"], tt.found)
			}
		}
		if got != tt.want || len(fs) > 1 {
			t.Errorf("%s %q: got %v, want %q", tt.lang, tt.tgt, fs, tt.want)
		}
	}
	// The same short name on both sides is fine.
	if fs := CheckUntranslated("en", "ITV News", "ru", "ITV News"); len(fs) != 0 {
		t.Errorf("a name: %v", fs)
	}
}

func TestTypography(t *testing.T) {
	tests := []struct {
		lang, src, tgt string
		want           []string // "message-id text"
	}{
		{"ru", "He said \"yes\".", "Он сказал «да».", nil},
		{"ru", "He said \"yes\".", "Он сказал \"да\".", []string{`qa.typography.quote "`}},
		{"ru", "He said “yes”.", "Он сказал “да”.", []string{"qa.typography.quote “"}},
		// English opening quotes twice (“…“): one quote finding, not two
		// unpaired closing quotes.
		{"kk", "They fear “looking like puppets”.", "Олар “қуыршақтар сияқты көрінуге“ алаңдайды.", []string{"qa.typography.quote “"}},
		{"ru", "He said “yes” and “no”.", "Он сказал “да“ и „нет“.", []string{"qa.typography.quote “"}},
		// A Russian inner quote closes after a word, as it should.
		{"ru", "A “b”.", "А «„б“ в».", nil},
		{"ru", "A b.", "А б“.", []string{"qa.typography.unbalanced “"}},
		// “…” inside « », as Russian and Kazakh news nest quotes: the inner
		// pair; outside « », or left open, still a finding.
		{"ru", "Time for women \"to 'fix' our government\".", "Пришло время «женщинам “починить” правительство».", nil},
		{"kk", "He said \"the 'best' one\".", "Ол «ең “жақсы” түрі» деді.", nil},
		{"ru", "A \"b 'c' d\".", "А «б “в“ г».", []string{"qa.typography.quote “"}},
		{"ru", "A 'b' c.", "А “б” в.", []string{"qa.typography.quote “"}},
		{"ru", "A \"b 'c d\".", "А «б “в г».", []string{"qa.typography.quote “"}},
		// A quote over two sentences, open in the source too: no finding.
		{"ru", "He said: \"We were close to war.", "Он сказал: «Мы были на грани войны.", nil},
		{"ru", "It is over.\"", "Всё кончено».", nil},
		// British news quotes with single quotes (BBC, NTREX): a quote the
		// source opens or closes with ' or ‘ ’ spans sentences too;
		// apostrophes (O'Hagan, They're, O’Brien’s) are no quotes.
		{"ru", "Detective Inspector Brian O'Hagan said: 'The investigation is in the early stages.", "Инспектор О'Хейген сказал: «Расследование находится на начальном этапе.", nil},
		{"ru", "It may be vital to our investigation.'", "Это может помочь расследованию».", nil},
		{"ru", "O’Brien said: ‘They’re here.", "О’Брайен сказал: «Они здесь.", nil},
		{"ru", "They're here, O'Hagan's men said.", "Они здесь, — сказали люди О'Хейгена».", []string{"qa.typography.unbalanced »"}},
		{"ru", "He said: 'They're here.'", "Он сказал: «Они здесь.", []string{"qa.typography.unbalanced «"}},
		// Closed in the source, open in the translation: still one.
		{"ru", "He said: \"We were close.\"", "Он сказал: «Мы были близки.", []string{"qa.typography.unbalanced «"}},
		// A bracket is a bracket whatever the source's quotes: one the
		// source closes is the translator's to close.
		{"ru", "He said: \"We (were) close.", "Он сказал: «Мы (были близки.", []string{"qa.typography.unbalanced ("}},
		// A bracket the source leaves unpaired too is the author's: a
		// bracket over two sentences, the ]]> of CDATA. Only the ones more
		// than the source's are reported.
		{"ru", "He said: \"We (were close.", "Он сказал: «Мы (были близки.", nil},
		{"ru", "The tag ends with ]]> here.", "Тег заканчивается на ]]> здесь.", nil},
		{"ru", "The tag ends with ]> here.", "Тег заканчивается на ]]> здесь.", []string{"qa.typography.unbalanced ]"}},
		{"ru", "A (b.", "А [б.", []string{"qa.typography.unbalanced ["}},
		{"kk", "He said “yes”.", "Ол «„иә“ деді» деді.", nil},
		{"en", "He said “yes”.", "He said «yes».", []string{"qa.typography.quote «"}},
		{"ru", "A (b).", "А (б.", []string{"qa.typography.unbalanced ("}},
		{"ru", "A b.", "А б).", []string{"qa.typography.unbalanced )"}},
		{"ru", "A b).", "А б).", nil},
		{"ru", "A b.", "А «б.", []string{"qa.typography.unbalanced «"}},
		{"ru", "A b.", "А  б.", []string{"qa.typography.double-space   "}},
		{"ru", "A, b.", "А , б.", []string{"qa.typography.space-before  ,"}},
		{"ru", "A b?", "А б ?", []string{"qa.typography.space-before  ?"}},
		{"ru", "A - b.", "А - б.", []string{"qa.typography.dash -"}},
		{"ru", "1 - 0.", "1 - 0.", nil},
		{"ru", "Is it?", "Так ли это.", []string{"qa.typography.final ."}},
		{"kk", "It is.", "Солай ма?", []string{"qa.typography.final ?"}},
		{"ru", "It is!", "Так и есть.", nil},
		// The final mark inside the house's nested quotes „…“ and «…»
		// (NTREX: "…yelling, 'I got bit! I got bit!'").
		{"ru", "But then he \"realized that he was yelling, 'I got bit! I got bit!'", "Но затем он «понял, что он кричал „Меня укусили! Меня укусили!“»", nil},
		{"kk", "He was yelling, 'I got bit!'", "Ол „Мені тістеп алды!“ деп айқайлады: „Тістеп алды!“", nil},
		{"ru", "Is it \"over?\"", "Это «„конец“»", []string{"qa.typography.final "}},
		// The finding marks the final mark itself, not the quote after it
		// (“ closes the inner quote „…“).
		{"ru", "He asked: 'Is it over?'", "Он спросил: „Всё кончено.“", []string{"qa.typography.final ."}},
		{"ru", "He asked, \"is it over?\"", "Он спросил: «„Всё кончено.“»", []string{"qa.typography.final ."}},
		// A question quoted as a statement (NTREX: the ballot's wording
		// ends with "."), punctuated as a question inside the quotes of
		// the translation: not a final mark lost or added. A question
		// mark outside the quotes, or a quoted question left without
		// its mark, still is.
		{"kk", "The question read: \"Are you for NATO membership.\"", "Сұрақ мынадай болды: «НАТО-ға мүше болуды қолдайсыз ба?»", nil},
		{"kk", "The question read: \"Are you for NATO membership\".", "Сұрақ мынадай болды: «НАТО-ға мүше болуды қолдайсыз ба?»", nil},
		{"kk", "The question read: \"Are you for NATO membership\".", "Сұрақ мынадай болды: «НАТО-ға мүше болуды қолдайсыз ба»?", []string{"qa.typography.final ?"}},
		{"kk", "It read: \"Are you for it?\"", "Онда: «Қолдайсыз.»", []string{"qa.typography.final ."}},
		{"ru", "He said: \"Why wouldn't I compete in that?\"", "Он сказал: «Как могу я пропустить такое?».", nil},
		{"ru", "He said: \"Why wouldn't I compete in that?\"", "Он сказал: «Как могу я пропустить такое».", []string{"qa.typography.final ."}},
		{"ru", "Visit example.com now.", "Зайдите на .NET сейчас.", nil},
		// A word written twice: the second is marked, whatever its case
		// or the punctuation after it.
		{"ru", "He went to Almaty.", "Он поехал в в Алматы.", []string{"qa.typography.repeated в"}},
		{"kk", "The decision was made.", "Шешім  шешім қабылданды.", []string{"qa.typography.double-space   ", "qa.typography.repeated шешім"}},
		{"ru", "The budget grew.", "«Бюджет бюджет», — сказал он.", []string{"qa.typography.repeated бюджет"}},
		{"en", "Он сказал.", "The the minister said so.", []string{"qa.typography.repeated the"}},
		{"ru", "It is so.", "Это так так.", []string{"qa.typography.repeated так"}},
		// Not repeats: a word and a part of another (из-за за), words
		// parted by punctuation, names, numbers, English grammar, and a
		// repeat the source has too.
		{"ru", "Because of it.", "Из-за за ним.", nil},
		{"ru", "Yes, yes.", "Да, да.", nil},
		{"ru", "Yes. Yes.", "Да. Да.", nil},
		{"ru", "He flew to Roa Roa.", "Он улетел в Роа Роа.", nil},
		{"ru", "Rooms 10 10.", "Комнаты 10 10.", nil},
		{"en", "Он знал.", "He knew that that was true, and had had enough.", nil},
		{"ru", "I said no no no.", "Я сказал нет нет нет.", nil},
		{"ru", "A b.", "Она пошла пошлина.", nil},
		{"ru", "A b.", "Он о о'Брайене.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range CheckTypography("en", tt.src, tt.lang, tt.tgt, TypographyOptions{}) {
			got = append(got, f.Message+" "+tt.tgt[f.Target.Start:f.Target.End])
			if f.Severity != Warning {
				t.Errorf("%q: severity %s", tt.tgt, f.Severity)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.tgt, got, tt.want)
		}
	}
	// Configurable quotes: a workspace that prints “ ” in Kazakh.
	opt := TypographyOptions{Quotes: map[string]Quotes{"kk": {"“", "”", "‘", "’"}}}
	if fs := CheckTypography("en", "", "kk", "Ол “иә” деді.", opt); len(fs) != 0 {
		t.Errorf("configured quotes: %v", fs)
	}
}

// TestTypographyFinalSpans: a final-punctuation finding marks the final
// mark in the source and in the translation, past the quotes and brackets
// that close after it (“ closes the Russian and Kazakh inner quote).
func TestTypographyFinalSpans(t *testing.T) {
	tests := []struct{ src, tgt, srcMark, tgtMark string }{
		{"Is it?", "Так ли это.", "?", "."},
		{"He asked: 'Is it over?'", "Он спросил: „Всё кончено.“", "?", "."},
		{"He asked, \"is it (over?)\" ", "Он спросил: «„Всё кончено.“» ", "?", "."},
		{"It is (over!)", "Всё кончено", "!", ""},
	}
	for _, tt := range tests {
		fs := CheckTypography("en", tt.src, "ru", tt.tgt, TypographyOptions{})
		if len(fs) != 1 || fs[0].Message != "qa.typography.final" {
			t.Errorf("%q: findings %+v", tt.tgt, fs)
			continue
		}
		f := fs[0]
		if got := tt.src[f.Source.Start:f.Source.End]; got != tt.srcMark {
			t.Errorf("%q: source span %v is %q, want %q", tt.src, f.Source, got, tt.srcMark)
		}
		if got := tt.tgt[f.Target.Start:f.Target.End]; got != tt.tgtMark {
			t.Errorf("%q: target span %v is %q, want %q", tt.tgt, f.Target, got, tt.tgtMark)
		}
	}
}

// TestTypographyData: the values of a typography finding's message are
// the language, the text and the fix (always for a final mark, even none;
// otherwise when there is one), whether the finding has them in Data
// (CheckTypography) or makes them when asked (a Checker's findings).
func TestTypographyData(t *testing.T) {
	tests := []struct {
		lang, src, tgt string
		want           []map[string]any
	}{
		{"ru", "He said \"yes\".", "Он сказал \"да\".", []map[string]any{
			{"Lang": "ru", "Text": `"`, "Expected": "«»"}}},
		{"ru", "A (b).", "А (б.", []map[string]any{{"Lang": "ru", "Text": "("}}},
		{"ru", "A, b.", "А , б.", []map[string]any{{"Lang": "ru", "Text": " ,", "Expected": ","}}},
		{"en", "A - b.", "A - b.", []map[string]any{{"Lang": "en", "Text": "-", "Expected": "–"}}},
		{"ru", "Is it?", "Так ли это.", []map[string]any{{"Lang": "ru", "Text": ".", "Expected": "?"}}},
		{"kk", "It is", "Солай ма?  ", []map[string]any{{"Lang": "kk", "Text": "?", "Expected": ""}}},
		{"ru", "He asked: 'Is it over?'", "Он спросил: „Всё кончено.“", []map[string]any{{"Lang": "ru", "Text": ".", "Expected": "?"}}},
		{"ru", "A  b.", "А  б (в.", []map[string]any{
			{"Lang": "ru", "Text": "  ", "Expected": " "}, {"Lang": "ru", "Text": "("}}},
	}
	c := NewChecker(Options{Checks: []Kind{Typography}})
	for _, tt := range tests {
		eager := CheckTypography("en", tt.src, tt.lang, tt.tgt, TypographyOptions{})
		lazy, err := c.CheckPair("en", tt.src, tt.lang, tt.tgt)
		if err != nil || len(eager) != len(tt.want) || len(lazy) != len(tt.want) {
			t.Errorf("%q: %d and %d findings (%v), want %d", tt.tgt, len(eager), len(lazy), err, len(tt.want))
			continue
		}
		for i, want := range tt.want {
			if !reflect.DeepEqual(eager[i].Data, want) || !reflect.DeepEqual(eager[i].TemplateData(), want) {
				t.Errorf("%q: CheckTypography's data %v, want %v", tt.tgt, eager[i].Data, want)
			}
			if got := lazy[i].TemplateData(); !reflect.DeepEqual(got, want) {
				t.Errorf("%q: the checker's data %v, want %v", tt.tgt, got, want)
			}
			l := lazy[i]
			l.materialize()
			if !reflect.DeepEqual(l, eager[i]) {
				t.Errorf("%q: the checker's finding %+v, CheckTypography's %+v", tt.tgt, l, eager[i])
			}
		}
	}
}

func TestConsistency(t *testing.T) {
	var x ConsistencyIndex
	x.Add("a.md#1", "en", "Revenue rose 5% in May.", "ru", "Выручка выросла на 5% в мае.")
	x.Add("b.md#4", "en", "Revenue  rose 7% in May.", "ru", "Выручка выросла на 7% в мае.") // same after masking
	x.Add("c.md#2", "en", "“Revenue rose 9% in May.”", "ru", "Доходы увеличились на 9% в мае.")
	x.Add("d.md#1", "en", "Sales fell sharply last year.", "ru", "Продажи резко упали в прошлом году.")
	x.Add("e.md#3", "en", "Sales dropped sharply last year.", "ru", "Продажи резко упали в прошлом году.")
	x.Add("f.md#1", "en", "Yes.", "ru", "Да.")
	x.Add("g.md#1", "en", "Yes.", "ru", "Так точно.")
	fs := x.Findings()
	if len(fs) != 2 {
		t.Fatalf("got %d findings: %+v", len(fs), fs)
	}
	if fs[0].Message != "qa.consistency.source" || strings.Join(fs[0].Places, " ") != "a.md#1 b.md#4 c.md#2" || fs[0].Data["Count"] != 2 {
		t.Errorf("source finding: %+v", fs[0])
	}
	if fs[1].Message != "qa.consistency.target" || strings.Join(fs[1].Places, " ") != "d.md#1 e.md#3" {
		t.Errorf("target finding: %+v", fs[1])
	}
	// The places of each variant: which of them says it the other way.
	if got, _ := fs[0].Data["VariantPlaces"].([]int); !slices.Equal(got, []int{2, 1}) {
		t.Errorf("source finding: places of each variant %v, want [2 1]", fs[0].Data["VariantPlaces"])
	}
	if got, _ := fs[1].Data["VariantPlaces"].([]int); !slices.Equal(got, []int{1, 1}) {
		t.Errorf("target finding: places of each variant %v, want [1 1]", fs[1].Data["VariantPlaces"])
	}
	if fs[0].Severity != Warning || fs[0].Lang != "ru" || fs[0].SrcLang != "en" {
		t.Errorf("header: %+v", fs[0])
	}
}

// TestConsistencyBorrowed: with Borrowed, texts given as views of one
// buffer the caller overwrites for the next call are copied where kept:
// the findings are those of texts of their own, and a source in the
// buffer's same bytes with other content is not taken for the last one.
func TestConsistencyBorrowed(t *testing.T) {
	pairs := [][2]string{
		{"Revenue rose 5% in May.", "Выручка выросла на 5% в мае."},
		{"Revenue rose 7% in May.", "Доходы увеличились на 7% в мае."},
		{"Sales fell sharply last year.", "Продажи резко упали в прошлом году."},
		{"Sales dropped sharply last year.", "Продажи резко упали в прошлом году."},
		{"Revenue rose 5% in June.", "Выручка выросла на 5% в июне."},
		{"Revenue rose 5% in July.", "Выручка выросла на 5% в июле."},
	}
	var own, borrowed ConsistencyIndex
	borrowed.Borrowed = true
	buf := make([]byte, 256)
	view := func(at int, s string) string {
		copy(buf[at:], s)
		return unsafe.String(&buf[at], len(s))
	}
	for i, p := range pairs {
		own.Add(fmt.Sprint(i), "en", p[0], "ru", p[1])
		for j := range buf {
			buf[j] = '#'
		}
		borrowed.Add(fmt.Sprint(i), "en", view(0, p[0]), "ru", view(100, p[1]))
	}
	for j := range buf {
		buf[j] = '#'
	}
	want, got := own.Findings(), borrowed.Findings()
	if len(want) != 2 || !reflect.DeepEqual(got, want) {
		t.Errorf("borrowed texts found %+v\nwant %+v", got, want)
	}
}

func testGlossary() *glossary.Glossary {
	kk := func(term string, forbidden ...string) map[string]*glossary.Form {
		return map[string]*glossary.Form{"kk": {Term: term, Forbidden: forbidden}}
	}
	return glossary.New([]string{"kk"},
		&glossary.Entry{ID: "almaty", Kind: glossary.Place, Langs: kk("Алматы")},
		&glossary.Entry{ID: "tokayev", Kind: glossary.Person, Langs: kk("Тоқаев", "Токаев")},
		&glossary.Entry{ID: "almaty-region", Kind: glossary.Place, Langs: kk("Алматы облысы")},
		&glossary.Entry{ID: "pyongyang", Kind: glossary.Place, Langs: kk("Пхеньян")},
		&glossary.Entry{ID: "auezov", Kind: glossary.Person, Langs: kk("Әуезов")},
		&glossary.Entry{ID: "astana", Kind: glossary.Place, Langs: kk("Астана")},
		&glossary.Entry{ID: "shymkent", Kind: glossary.Place, Langs: kk("Шымкент")},
		&glossary.Entry{ID: "san-diego", Kind: glossary.Place, Langs: kk("Сан-Диего")},
		&glossary.Entry{ID: "minsk", Kind: glossary.Place, Langs: kk("Минск")},
		&glossary.Entry{ID: "property", Kind: glossary.Other, Langs: kk("мүлік")},
		&glossary.Entry{ID: "akzhaiyk", Kind: glossary.Place, Langs: kk("Ақжайық")},
	)
}

func TestEndings(t *testing.T) {
	x := NewEndingsIndex(testGlossary())
	tests := []struct{ text, want string }{
		{"Алматыге барды", "Алматыге→Алматыға"},
		{"Тоқаевке хат", "Тоқаевке→Тоқаевқа"},
		{"Алматы облысыда", "облысыда→облысында"},
		{"Пхеньянга ұшты", "Пхеньянга→Пхеньянға (keyboard)"},
		// A right ending typed with Russian letters is said to be so; one
		// that breaks harmony too is not.
		{"Алматыга, Тоқаевка, Тоқаевтын, Шымкенттен", "Алматыга→Алматыға (keyboard) Тоқаевка→Тоқаевқа (keyboard) Тоқаевтын→Тоқаевтың (keyboard)"},
		{"Тоқаевкe", ""}, // a Latin e: the look-alike check's
		{"Астанада, Астанаде", "Астанаде→Астанада"},
		{"Шымкентте, Шымкентта", "Шымкентта→Шымкентте"},
		{"Әуезовтің, Әуезовқа", "Әуезовқа→Әуезовке"},
		{"Алматыға, Тоқаевқа, Алматы облысында, Пхеньянға, Тоқаевтың, Алматыдағы, Тоқаевпен", ""},
		{"алматылық, Алматыда, Астаналықтар", ""},
		{"облысыда", ""}, // not after Алматы: not the glossary name
		// A hyphenated name takes its ending on its last part; the fix
		// is the whole word (NTREX's Сан-Диегодағы, typed with г).
		{"Сан-Диегоға, Сан-Диегодағы, Сан-Диегоның, Сан-Диего", ""},
		{"Сан-Диегодагы KSWB", "Сан-Диегодагы→Сан-Диегодағы (keyboard)"},
		{"Сан-Диегоге ұшты", "Сан-Диегоге→Сан-Диегоға"},
		{"Сан Диегоге", "Диегоге→Диегоға"}, // written apart: this word's fix
		{"Диегоге", ""}, // not after Сан: not the glossary name
		// A place in -ск takes endings after an і (Минскіге) or without
		// (Минскке); the і is not a possessive that asks for Минскіне.
		{"Минскіге, Минскіде, Минскіден, Минскке, Минскте, Минскінің, Минскіне", ""},
		{"Минскта", "Минскта→Минскте"},
		// A word that loses its last vowel before the possessive: the fix
		// is the short stem's form (мүлкінің), not мүлік with its last
		// letters (мүлікнің).
		{"мүлкінің, мүлкіне, мүлікке, мүліктің", ""},
		{"мүлікінің", "мүлікінің→мүлкінің"},
		// The fix of a possessive that voices the stem's consonant is
		// voiced (Ақжайығы); it was the word as written (Ақжайықы).
		{"Ақжайығы, Ақжайықта", ""},
		{"Ақжайықы", "Ақжайықы→Ақжайығы"},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range x.Check("kk", tt.text) {
			got = append(got, tt.text[f.Target.Start:f.Target.End]+"→"+f.Fix)
			if f.Message == "qa.endings.keyboard" {
				got[len(got)-1] += " (keyboard)"
			}
			if f.Kind != Endings || f.Severity != Warning || f.Data["Expected"] != f.Fix {
				t.Errorf("%q: %+v", tt.text, f)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
	if fs := x.Check("ru", "Алматыге"); len(fs) != 0 {
		t.Errorf("Russian text checked for Kazakh endings: %v", fs)
	}
}

func TestCheckerSeverityAndSelection(t *testing.T) {
	c := NewChecker(Options{Checks: []Kind{Numbers}, Severity: map[Kind]Severity{Numbers: Warning}})
	fs, err := c.CheckPair("en", "95 people \"here\"", "ru", "59 человек \"тут\"")
	if err != nil || len(fs) != 1 || fs[0].Kind != Numbers || fs[0].Severity != Warning {
		t.Fatalf("%v %v", fs, err)
	}
	if HasError(fs) {
		t.Error("HasError on a warning")
	}
	all := NewChecker(Options{})
	fs, _ = all.CheckPair("en", "95 people \"here\"", "ru", "59 человек \"тут\"")
	kinds := map[Kind]bool{}
	for _, f := range fs {
		kinds[f.Kind] = true
	}
	if !kinds[Numbers] || !kinds[Typography] || !HasError(fs) {
		t.Errorf("all checks: %v", fs)
	}
	if fs, _ := all.CheckPair("en", "95", "ru", "  "); fs != nil {
		t.Errorf("blank translation checked: %v", fs)
	}
}

// TestAppendSource: AppendSource appends to what dst holds exactly what
// CheckSource returns, leaving dst's findings as they were: its severities
// and sort touch only the findings it adds.
func TestAppendSource(t *testing.T) {
	c := NewChecker(Options{Checks: []Kind{Numbers, Typography, Untranslated}, Severity: map[Kind]Severity{Typography: Error}})
	pairs := [][2]string{
		{"He said \"yes\" (95 times).", "Он сказал \"да\"  (59 раз)) ."},
		{"Is it?", "Так ли это  ."},
		{"Nothing wrong.", "Всё в порядке."},
		{"The same text here, four words.", "The same text here, four words."},
		{"Empty", "  "},
	}
	prior := Finding{Kind: Typography, Severity: Warning, Message: "prior", Target: Span{1000, 1001}, Source: NoSpan}
	for _, p := range pairs {
		want, err := c.CheckSource(NewSource("en", p[0]), "ru", p[1])
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.AppendSource([]Finding{prior}, NewSource("en", p[0]), "ru", p[1])
		if err != nil || len(got) == 0 || !reflect.DeepEqual(got[0], prior) {
			t.Fatalf("%q: dst's finding changed: %+v %v", p[1], got, err)
		}
		if !reflect.DeepEqual(got[1:], want) && (len(want) > 0 || len(got) > 1) {
			t.Errorf("%q: appended\n%+v\nCheckSource gives\n%+v", p[1], got[1:], want)
		}
		for _, f := range want {
			if f.Kind == Typography && f.Severity != Error {
				t.Errorf("%q: severity not set: %+v", p[1], f)
			}
		}
	}
}

// TestConsistencyManyPlaces: places by the thousand are listed in full,
// grouped by variant in the order their first place was added, each group
// in the order added.
func TestConsistencyManyPlaces(t *testing.T) {
	var x ConsistencyIndex
	const n = 3*4096 + 17
	srcs := []string{"Revenue rose sharply in May.", "Sales fell sharply last year.", "The bank raised its rate again."}
	want := map[string][]string{}
	for i := range n {
		s := i % len(srcs)
		v := i / len(srcs) % 2 // two translations of each source, alternately
		tgt := fmt.Sprintf("Перевод %s номер %s.", strings.Repeat("а", s+1), strings.Repeat("б", v+1))
		x.AddIndex(i, "en", srcs[s], "ru", tgt)
		key := fmt.Sprintf("%d/%d", s, v)
		want[key] = append(want[key], strconv.Itoa(i))
	}
	fs := x.Findings()
	if len(fs) != len(srcs) {
		t.Fatalf("got %d findings, want %d", len(fs), len(srcs))
	}
	for s, f := range fs {
		exp := append(append([]string{}, want[fmt.Sprintf("%d/0", s)]...), want[fmt.Sprintf("%d/1", s)]...)
		if f.Message != "qa.consistency.source" || strings.Join(f.Places, " ") != strings.Join(exp, " ") {
			t.Errorf("finding %d: %s with %d places, want %d in order", s, f.Message, len(f.Places), len(exp))
		}
	}
}
