package qa

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/testenv"
)

const hunspellInstall = "apt-get install hunspell hunspell-ru hunspell-kk hunspell-en-us"

func TestSpelling(t *testing.T) {
	testenv.Command(t, "hunspell", hunspellInstall)
	g := testGlossary()
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"ru", "Министр сказал, что переговоры продалжатся.", []string{"продалжатся"}},
		{"ru", "Первая строка без ошибок.\nВторая строка с ашибкой.", []string{"ашибкой"}},
		{"en", "The minister sayd the talks would continue.", []string{"sayd"}},
		{"kk", "Бүгін ауа райы жақсы болды.", nil},
		{"kk", "Ол кітаппп оқыды.", []string{"кітаппп"}},
		// Hunspell knows the stem шағым, not every inflected form: an
		// ending the stem's harmony allows is no misspelling, one that
		// breaks it still is.
		{"kk", "Ол шағымның мәтінін оқыды.", nil},
		{"kk", "Ол шағымнің мәтінін оқыды.", []string{"шағымнің"}},
		// Verb forms of roots hunspell knows: negation, participles and
		// person endings in the root's harmony; a form that breaks it is
		// still flagged.
		{"kk", "Ол шағым жазбаған, бірақ куәгерлер оны мәлімдеді.", nil},
		{"kk", "Ол шағым жазбеген.", []string{"жазбеген"}},
		// Names (capitalised) and words with digits are left alone.
		{"ru", "Тиффани Нг приехала в 2019-м.", nil},
		// The ending of a number in figures is no word of its own;
		// a longer word after a number is spelled.
		{"kk", "1990-шы жылдары 5-ші қазанда 2-сі де, 4-інші де келді.", nil},
		{"kk", "Ол 5-қабаттты үйде тұрады.", []string{"қабаттты"}},
		// Words Kazakh writes as Russian does (loanwords and units),
		// with Kazakh endings too, are known; a misspelt one is not.
		{"kk", "Жасанды интеллект компаниясы 137 км/сағ деді.", nil},
		{"kk", "Жасанды интелект.", []string{"интелект"}},
		// The ending may have a letter of Kazakh alone (ң, ғ, і); the stem,
		// the Russian word, may not.
		{"kk", "Компанияның, компаниясының 3 дюймға, дюймі мен интеллектінің.", nil},
		{"kk", "Оның компаниясыңның интелектінің.", []string{"компаниясыңның", "интелектінің"}},
		// Suffixes hunspell lists few forms of, after a stem it knows:
		// -лық, the comparative, 1st and 2nd person possessives; a suffix
		// against the stem's harmony is flagged.
		{"kk", "Олар дәріханалық, епископтық және үлкенірек клиенттерімізге барды.", nil},
		{"kk", "Олар епископтік клиенттерымызге барды.", []string{"епископтік", "клиенттерымызге"}},
		// -лы after a stem of five letters or more; in the wrong harmony
		// it is flagged.
		{"kk", "Ол көп пәтерлі үйде тұрады, нөсерлі жаңбыр жауды.", nil},
		{"kk", "Ол көп пәтерлы үйде тұрады.", []string{"пәтерлы"}},
		// -лық's қ is voiced before the possessive.
		{"kk", "Ол агенттігінің қауіпсіздігін сақтады.", nil},
		// A 1st or 2nd person possessive voices a last қ, к or п, also after -лық.
		{"kk", "Біз құқығымызды қорғаймыз, бұл жақсылығымыздың белгісі.", nil},
		// A word after a compound prefix (теле-, радио-, бейне-, со- in
		// Russian) is spelled as a word of its own; a misspelt one is flagged.
		{"ru", "Его соведущим стал радиоведущий с видеорегистратором.", nil},
		{"ru", "Его соведущм стал радиоведущиий.", []string{"соведущм", "радиоведущиий"}},
		{"kk", "Ол телеарнаға және радиожүргізушіге хат жазды.", nil},
		{"kk", "Ол телеарнғаа хат жазды.", []string{"телеарнғаа"}},
		// A personal ending after a word the check knows (a pronoun, a
		// participle, a case form, a verb root), its consonant after the
		// word's last sound and its vowel in the word's harmony.
		{"kk", "Біз келіскенбіз, мен дайынмын, сіз жоқсыз, мен үйдемін.", nil},
		{"kk", "Біз келіскенпіз, мен жоқпін.", []string{"келіскенпіз", "жоқпін"}},
		// не written together with an adjective or participle the
		// dictionary knows; with a verb or gerund (незнаю, незная) it is
		// still flagged, and so is a misspelt adjective.
		{"ru", "Это небытовой случай и неполитического характера.", nil},
		{"ru", "Я незнаю, незная ничего, небытвого.", []string{"незнаю", "незная", "небытвого"}},
		{"kk", "Трансшекаралық өзен, террористік топтар, социалистік партия.", nil},
		{"kk", "Ол террористлік топ, епископік.", []string{"террористлік", "епископік"}},
		// A loanword in a soft sign, which it loses before the possessive.
		{"kk", "Фестиваліне келген медалінің иесі стиліндегі көйлек киді.", nil},
		{"kk", "Фестиваліне келген медалінің иесі стилыңдағы көйлек киді.", []string{"стилыңдағы"}},
		// An adjective in -ғы under a noun's endings, a verb in -ла of a
		// known noun (here a loanword), the equative after a 1st person
		// possessive; against the harmony, flagged.
		{"kk", "Мысалдағыдай, күткендегіден көп, теңізшілер патрульдеуде, менің ойымша.", nil},
		{"kk", "Ол мысалдағыдей, теңізшілер патрульлеуде, менің ойымше.", []string{"мысалдағыдей", "патрульлеуде", "ойымше"}},
		// The noun of a verb in -ла is a word of the dictionaries as it
		// is, not a verb form the rules read: жоғар-ла-ды is no жоқ-ар.
		{"kk", "Баға жоғарылады, олар депортацияланады.", nil},
		{"kk", "Баға жоғарлады, осы апталан бастап.", []string{"жоғарлады", "апталан"}},
		// The join of a verb root and its suffix as Kazakh spells it.
		{"kk", "Ол оқитын кітап, баға ұлғаяды, халықтың көбеюі.", nil},
		{"kk", "Ол оқитін кітап, баға ұлғаяді.", []string{"оқитін", "ұлғаяді"}},
		// An agent noun in -ушы of a verbal noun the check knows.
		{"kk", "Оның шабуылдаушысы, шерушілер және қызығушылық туралы.", nil},
		{"kk", "Ол шерушылар туралы жазды.", []string{"шерушылар"}},
		// A derived word whose base is a participle, or a name the
		// dictionaries know with a capital.
		{"kk", "Ол түсінгендіктен кореялық және бельгиялық әріптестеріне жазды.", nil},
		{"kk", "Ол түсінгендіктан кореялык әріптестеріне жазды.", []string{"түсінгендіктан", "кореялык"}},
		// The newsroom's words the dictionaries lack (newswords/), with
		// their endings; a misspelt one is still flagged.
		{"kk", "Жасөспірімдер мейрамханада банкоматты және мекенжайды іздеді.", nil},
		{"kk", "Олар мейрамхнада банкомааттан ақша алды.", []string{"мейрамхнада", "банкомааттан"}},
		{"ru", "Веганы сняли деньги в банкомате и обсудили блокчейн, локдаун и плей-офф.", nil},
		{"ru", "Он снял деньги в банкомаате.", []string{"банкомаате"}},
		// A flagged word also found inside an earlier word is marked
		// where hunspell found it, not inside the earlier word.
		{"kk", "Екінші кітапқа ші деп жазды.", []string{"ші"}},
	}
	for _, tt := range tests {
		sp := plainSpeller(t, tt.lang)
		fs, err := sp.Check(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			got = append(got, tt.text[f.Target.Start:f.Target.End])
			// A finding marks a whole word, not letters inside another.
			before, _ := utf8.DecodeLastRuneInString(tt.text[:f.Target.Start])
			after, _ := utf8.DecodeRuneInString(tt.text[f.Target.End:])
			if unicode.IsLetter(before) || unicode.IsLetter(after) {
				t.Errorf("%q: the finding at %d..%d is inside a word: %q", tt.text, f.Target.Start, f.Target.End, tt.text[max(0, f.Target.Start-8):min(len(tt.text), f.Target.End+8)])
			}
			if f.Kind != Spelling || f.Severity != Warning || f.Data["Text"] != tt.text[f.Target.Start:f.Target.End] {
				t.Errorf("%q: %+v", tt.text, f)
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
	// Glossary terms and every generated form are known words: the
	// inflected Kazakh forms of a made-up name are not flagged.
	text := "алматыдағы тоқаевтың пхеньянға"
	fs, _ := plainSpeller(t, "kk").Check(text)
	if len(fs) == 0 {
		t.Fatalf("hunspell kk knows %q already: the test proves nothing", text)
	}
	sp, _ := NewSpeller("kk", g.KnownWords("kk"))
	defer sp.Close()
	if fs, _ := sp.Check(text); len(fs) != 0 {
		t.Errorf("glossary forms flagged: %v", fs)
	}
}

func TestSpellingUnavailable(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	sp, note := NewSpeller("ru", nil)
	if sp != nil || note == nil || note.MessageID() != "qa.spelling.no-hunspell" {
		t.Fatalf("%v %v", sp, note)
	}
	// A nil speller checks nothing, without an error.
	if fs, err := sp.Check("ашибка"); fs != nil || err != nil {
		t.Errorf("%v %v", fs, err)
	}
	if _, note := NewSpeller("de", nil); note == nil || note.MessageID() != "qa.spelling.no-dictionary" {
		t.Errorf("unknown language: %v", note)
	}
}

func TestKazakhStems(t *testing.T) {
	tests := []struct {
		word string
		want string // one of the stems
	}{
		{"шағымның", "шағым"},
		{"кітабы", "кітап"},
		{"шағымдарының", "шағым"},
		{"алматыдағы", "алматы"},
		{"мектепке", "мектеп"},
		{"үйлерде", "үй"},
		{"мәлімдеді", "мәлімде"},
		{"жасамаған", "жаса"},
		// The vowel a few nouns lose before the possessive is put back:
		// hunspell knows мүлік, not мүлкінен.
		{"мүлкінен", "мүлік"},
		{"қаупі", "қауіп"},
		{"әрпінің", "әріп"},
		{"халқының", "халық"},
		// The equative after the possessive, "according to"; the
		// similative and the predicative genitive.
		{"заңынша", "заң"},
		{"пікірінше", "пікір"},
		{"қаладай", "қала"},
		{"мектептікі", "мектеп"},
		// A loan's soft sign is dropped before the possessive's vowel.
		{"стилі", "стиль"},
		{"стиліндегі", "стиль"},
		{"медалінің", "медаль"},
		{"фестиваліне", "фестиваль"},
	}
	for _, tt := range tests {
		if got := kazakhStems(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("kazakhStems(%q) = %q, want %q among them", tt.word, got, tt.want)
		}
	}
	// Endings that break harmony or assimilation do not give the word's
	// stem (other splits may give letters that are no word, which hunspell
	// then does not know: алматыг-е read as a verb).
	for _, tt := range []struct{ word, stem string }{
		{"алматыге", "алматы"}, {"мектепга", "мектеп"}, {"үйлар", "үй"}, {"шағымнің", "шағым"}, {"жазбеген", "жаз"},
		{"мүлкынан", "мүлік"}, {"ойнына", "ойын"}, {"халқтың", "халық"},
		{"заңынше", "заң"}, {"қаладей", "қала"}, {"мектепнікі", "мектеп"},
		{"стилде", "стиль"}, {"медалдың", "медаль"},
	} {
		if got := kazakhStems(tt.word); slices.Contains(got, tt.stem) {
			t.Errorf("kazakhStems(%q) = %q: the stem %q for a wrong ending", tt.word, got, tt.stem)
		}
	}
}

// TestSpellable: hunspell is given only the words Check would report, the
// others blanked byte for byte (offsets stay): names, words with digits,
// single letters and words of another script or mixing scripts, for which
// hunspell would work out suggestions for seconds.
func TestSpellable(t *testing.T) {
	tests := []struct{ lang, line, want string }{
		{"ru", "Министр прибыл в Ереван (Երևան) в 2019-м году.", "               прибыл                 (          )    2019-   году."},
		{"ru", "продавец iPhone и министрª\tсказал", "продавец                            сказал"},
		{"ru", "по-русски, кое-где и О'Брайен", "по-русски, кое-где                   "},
		// The word after a name and a hyphen is part of the name.
		{"ru", "на Бейкер-стрит и Уолл-стрит-сквер, кое-где", "на             -                      -          -          , кое-где"},
		// Not after a capital that starts a sentence.
		{"ru", "Вице-министр. Экс-мэр", "        -министр.       -мэр"},
		{"en", "He doesn't know Тоқаев or O'Brien's ideas.", "   doesn't know              or           ideas."},
		{"kk", "Ол шағымның мәтінін Ереванға (Երևան) жіберді", "     шағымның мәтінін                  (          ) жіберді"},
	}
	for _, tt := range tests {
		sp := &Speller{lang: tt.lang}
		got := sp.spellable(tt.line)
		if len(got) != len(tt.line) {
			t.Errorf("%q: length %d, want %d", tt.line, len(got), len(tt.line))
		}
		if got != tt.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.lang, tt.line, got, tt.want)
		}
	}
}

func TestQuickAffix(t *testing.T) {
	aff := "\ufeffSET UTF-8\nTRY абв\nKEY qwe|asd\nREP 2\nREP а о\nREP  е и\nMAP 1\nMAP аә\nPHONE 1\nPHONE AH A\nMAXNGRAMSUGS 4\nKEEPCASE K\nMAXDIFF 3\nSFX A Y 1\nSFX A 0 лар .\nWORDCHARS -\n"
	want := "\ufeffSET UTF-8\nKEEPCASE K\nMAXDIFF 3\nSFX A Y 1\nSFX A 0 лар .\nWORDCHARS -\nMAXNGRAMSUGS 0\nMAXCPDSUGS 0\nNOSPLITSUGS\n"
	if got := string(quickAffix([]byte(aff))); got != want {
		t.Errorf("quickAffix:\n%s\nwant\n%s", got, want)
	}
	// A file without a final newline still ends its last line.
	if got := string(quickAffix([]byte("SET UTF-8"))); got != "SET UTF-8\nMAXNGRAMSUGS 0\nMAXCPDSUGS 0\nNOSPLITSUGS\n" {
		t.Errorf("no final newline: %q", got)
	}
}

// TestQuickVerdicts: the quick dictionary knows exactly the words the
// dictionary as installed knows (only suggestions come from the tables it
// leaves out), word for word, in each language; and a reported word still
// gets the installed dictionary's suggestions.
func TestQuickVerdicts(t *testing.T) {
	testenv.Command(t, "hunspell", hunspellInstall)
	texts := map[string]string{
		"en": "The minister sayd the talks would continue; recieve, wierd, colour, organisation, running, ran, children's.",
		"ru": "Министр сказал, что переговоры продалжатся; соцсетях, казахстанцы, правозащитницы, ашибкой, бежали, детей.",
		"kk": "Бүгін ауа райы жақсы болды; шағымның шағымнің кітаппп бейнежазбалар жазбаған жазбеген интелект мәлімдеді.",
	}
	for lang, text := range texts {
		sp := plainSpeller(t, lang)
		if sp.quickDir == "" {
			t.Fatalf("%s: no quick dictionary made", lang)
		}
		// The installed dictionary lists the words it does not know (-l)
		// without working out suggestions for them, which pipe mode
		// would, at two thirds of the test's time.
		quick, installed := unknownWords(t, sp.verdicts, text), listUnknown(t, sp.path, sp.dict, text)
		if !slices.Equal(quick, installed) {
			t.Errorf("%s: quick dictionary does not know %q, installed %q", lang, quick, installed)
		}
		if len(installed) == 0 {
			t.Errorf("%s: no word unknown in %q: the test proves nothing", lang, text)
		}
	}
	fs, err := plainSpeller(t, "ru").Check("Вторая строка с ашибкой.")
	if err != nil || len(fs) != 1 || !strings.Contains(fs[0].Data["Suggestions"].(string), "ошибкой") ||
		!strings.HasPrefix(fs[0].Data["Suggestions"].(string), fs[0].Fix+", ") {
		t.Errorf("ашибкой: %+v, %v; want the suggestion ошибкой", fs, err)
	}
}

// unknownWords are the words of text h (in pipe mode) does not know, in
// order.
func unknownWords(t *testing.T, h *hunspell, text string) []string {
	t.Helper()
	if _, err := io.WriteString(h.in, "^"+text+"\n"); err != nil {
		t.Fatal(err)
	}
	var words []string
	for {
		resp, err := h.out.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if resp == "\n" {
			return words
		}
		if resp[0] == '&' || resp[0] == '#' {
			words = append(words, strings.Fields(resp)[1])
		}
	}
}

// listUnknown are the words of text hunspell (at path) with dictionary
// dict does not know, in order, as its list mode (-l) gives them.
func listUnknown(t *testing.T, path, dict, text string) []string {
	t.Helper()
	cmd := exec.Command(path, "-l", "-i", "utf-8", "-d", dict)
	cmd.Stdin = strings.NewReader(text + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hunspell -l -d %s: %v", dict, err)
	}
	return strings.Fields(string(out))
}

// BenchmarkSpellingKazakh: the spelling check of the sample workspace's
// Kazakh articles, which hunspell's dictionary knows mostly by their
// stems; hunspell's own time is in the wall-clock figure.
func BenchmarkSpellingKazakh(b *testing.B) {
	testenv.Command(b, "hunspell", hunspellInstall)
	var text strings.Builder
	for _, doc := range []string{"zarechnoye-videos", "torture-complaints-reform"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "documents", doc, "kk.txt"))
		if err != nil {
			b.Fatal(err)
		}
		text.Write(data)
	}
	for b.Loop() {
		sp, note := NewSpeller("kk", nil)
		if note != nil {
			testenv.Missing(b, "the Hunspell dictionary for kk", hunspellInstall)
		}
		if _, err := sp.Check(text.String()); err != nil {
			b.Fatal(err)
		}
		sp.Close()
	}
}

// TestQuickCache: with a cache folder the quick dictionary is made once,
// atomically, and used again; it is made again when the installed
// dictionary changes (the old copy goes) or when its files were damaged;
// a check stopped while making one leaves a temporary folder that a later
// one removes; and a cache that cannot be written falls back to a
// temporary folder.
func TestQuickCache(t *testing.T) {
	installed := t.TempDir()
	aff := filepath.Join(installed, "ru_RU.aff")
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(aff, "SET UTF-8\nTRY абв\nSFX A Y 1\n")
	write(filepath.Join(installed, "ru_RU.dic"), "1\nслово/A\n")
	cache := filepath.Join(t.TempDir(), ".tilmash", "hunspell")

	temp, path, ok := quickDictionary("ru_RU", cache, installed)
	if !ok || temp != "" || filepath.Dir(filepath.Dir(path)) != cache {
		t.Fatalf("first: temp %q, path %q, %v; want a copy in %s", temp, path, ok, cache)
	}
	got, err := os.ReadFile(path + ".aff")
	if err != nil || string(got) != string(quickAffix([]byte("SET UTF-8\nTRY абв\nSFX A Y 1\n"))) {
		t.Fatalf("cached affix file %q, %v", got, err)
	}
	if link, err := os.Readlink(path + ".dic"); err != nil || link != filepath.Join(installed, "ru_RU.dic") {
		t.Errorf("word list link %q, %v", link, err)
	}
	before, _ := os.Stat(path + ".aff")

	// Used again as it is.
	if _, again, ok := quickDictionary("ru_RU", cache, installed); !ok || again != path {
		t.Fatalf("second: %q, want %q", again, path)
	}
	if after, _ := os.Stat(path + ".aff"); !os.SameFile(before, after) {
		t.Error("the copy was written again")
	}

	// A damaged copy is made again.
	write(path+".aff", "SET UTF")
	if _, again, ok := quickDictionary("ru_RU", cache, installed); !ok || again != path {
		t.Fatalf("damaged: %q, want %q", again, path)
	}
	if got, _ := os.ReadFile(path + ".aff"); !strings.Contains(string(got), "NOSPLITSUGS") {
		t.Errorf("damaged copy not made again: %q", got)
	}

	// An upgraded dictionary gets a new copy; the old one, and the
	// temporary folder of a check stopped an hour ago, go; a recent one
	// (a check making its copy now) stays.
	old := filepath.Join(cache, ".tmp-ru_RU-1")
	recent := filepath.Join(cache, ".tmp-ru_RU-2")
	for _, d := range []string{old, recent} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	hourAgo := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, hourAgo, hourAgo)
	write(aff, "SET UTF-8\nSFX B Y 1\n")
	_, upgraded, ok := quickDictionary("ru_RU", cache, installed)
	if !ok || upgraded == path {
		t.Fatalf("upgraded: %q, %v; want a new copy", upgraded, ok)
	}
	entries, _ := os.ReadDir(cache)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".tmp-ru_RU-2", filepath.Base(filepath.Dir(upgraded))}; !slices.Equal(names, want) {
		t.Errorf("cache holds %q, want %q", names, want)
	}

	// A cache that cannot be written: a temporary folder, as without one.
	if os.Geteuid() != 0 {
		ro := filepath.Join(t.TempDir(), "ro")
		os.Mkdir(ro, 0o500)
		temp, p, ok := quickDictionary("ru_RU", filepath.Join(ro, "hunspell"), installed)
		if !ok || temp == "" || !strings.HasPrefix(p, temp) {
			t.Errorf("read-only cache: temp %q, path %q, %v", temp, p, ok)
		}
		os.RemoveAll(temp)
	}
}

// TestSpellerCacheLeavesNothing: a speller with a cache folder makes no
// temporary folder, and Close keeps the cached copy, which the next
// speller uses.
func TestSpellerCacheLeavesNothing(t *testing.T) {
	testenv.Command(t, "hunspell", hunspellInstall)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	cache := filepath.Join(t.TempDir(), "hunspell")
	sp, note := NewSpellerCached("ru", nil, cache, "")
	if note != nil {
		testenv.Missing(t, "the Hunspell dictionary for ru", hunspellInstall)
	}
	fs, err := sp.Check("Вторая строка с ашибкой.")
	if err != nil || len(fs) != 1 {
		t.Errorf("findings %+v, %v", fs, err)
	}
	if err := sp.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
	kept, _ := filepath.Glob(filepath.Join(cache, "ru_RU-*", "ru_RU.aff"))
	if len(kept) != 1 {
		t.Errorf("cache holds %v, want one copy", kept)
	}
}

func TestSuggestAffix(t *testing.T) {
	for _, c := range []struct{ aff, want string }{
		{"\ufeffSET UTF-8\nTRY абв\nMAXNGRAMSUGS 4\nREP 1\nREP а о\n", "\ufeffSET UTF-8\nTRY абв\nREP 1\nREP а о\nMAXNGRAMSUGS 0\n"},
		{"SET UTF-8\nKEY qwe", "SET UTF-8\nKEY qwe\nMAXNGRAMSUGS 0\n"},
		{"", "MAXNGRAMSUGS 0\n"},
	} {
		if got := string(suggestAffix([]byte(c.aff))); got != c.want {
			t.Errorf("suggestAffix(%q) = %q, want %q", c.aff, got, c.want)
		}
	}
}

// TestSuggestions: suggestions come from the suggestion dictionary, n-gram
// search off: a typo a letter or two away still gets its word, a correct
// word the dictionary lacks no longer gets a word that merely looks alike
// (the dictionary as installed proposes павильонды for карильонды), and
// the copy is kept in the workspace cache beside the quick one. The cases
// of a language share one speller and cache: each start loads the
// dictionary twice (verdicts, then suggestions).
func TestSuggestions(t *testing.T) {
	testenv.Command(t, "hunspell", hunspellInstall)
	type suggestion struct{ text, typo, want, lookalike string }
	for _, l := range []struct {
		lang  string
		cases []suggestion
	}{
		{"ru", []suggestion{{"Министр сказал, что переговоры продалжатся.", "продалжатся", "продолжатся", ""}}},
		// The look-alike case comes last: it swaps the speller's
		// suggestions for the installed dictionary's.
		{"kk", []suggestion{{"Бүгін ауа райы жасқы болды.", "жасқы", "жақсы", ""}, {"Біз карильонды тыңдадық.", "карильонды", "", "павильонды"}}},
	} {
		cache := filepath.Join(t.TempDir(), "hunspell")
		sp, note := NewSpellerCached(l.lang, nil, cache, "")
		if note != nil {
			testenv.Missing(t, "the Hunspell dictionary for "+l.lang, hunspellInstall)
		}
		for _, c := range l.cases {
			fs, err := sp.Check(c.text)
			if err != nil {
				t.Fatal(err)
			}
			var got *Finding
			for i := range fs {
				if c.text[fs[i].Target.Start:fs[i].Target.End] == c.typo {
					got = &fs[i]
				}
			}
			if got == nil {
				t.Fatalf("%s: %s not reported: %+v", l.lang, c.typo, fs)
			}
			sugg, _ := got.Data["Suggestions"].(string)
			if c.want != "" && !slices.Contains(strings.Split(sugg, ", "), c.want) {
				t.Errorf("%s: %s gets %q, want %s among them", l.lang, c.typo, sugg, c.want)
			}
			if c.lookalike != "" {
				if strings.Contains(sugg, c.lookalike) {
					t.Errorf("%s: %s gets the look-alike %q", l.lang, c.typo, sugg)
				}
				// The proof that the installed dictionary's n-gram search does propose it.
				full, err := startHunspell(sp.path, sp.dict, "", nil)
				if err != nil {
					t.Fatal(err)
				}
				sp.full.close()
				sp.full, sp.suggestions = full, nil
				if s, _ := sp.suggest(c.typo); !slices.Contains(s, c.lookalike) {
					t.Errorf("%s: the installed dictionary proposes %q for %s, not %s: the test proves nothing", l.lang, s, c.typo, c.lookalike)
				}
			}
		}
		sp.Close()
		for _, dir := range []string{cache, filepath.Join(cache, "suggest")} {
			entries, _ := os.ReadDir(dir)
			found := false
			for _, e := range entries {
				found = found || strings.HasPrefix(e.Name(), sp.dict+"-")
			}
			if !found {
				t.Errorf("%s: no copy of %s kept in %s", l.lang, sp.dict, dir)
			}
		}
	}
}

// TestNewsWords: each line of the newsroom's lists is one word of one
// script, Cyrillic, or such a word and its model, listed once: a Latin
// look-alike would teach the check a misspelling.
func TestNewsWords(t *testing.T) {
	for _, lang := range []string{"kk", "ru"} {
		words := newsWords(lang)
		if len(words) < 20 {
			t.Fatalf("%s: %d words", lang, len(words))
		}
		seen := map[string]bool{}
		for _, line := range words {
			word, model, _ := strings.Cut(line, "/")
			for _, w := range []string{word, model} {
				for _, r := range w {
					if !unicode.Is(unicode.Cyrillic, r) {
						t.Errorf("%s: %q has %q, not a Cyrillic letter", lang, line, r)
					}
				}
			}
			if word == "" || strings.Contains(line, "/") && model == "" || seen[word] {
				t.Errorf("%s: %q is empty, has no model after /, or is listed twice", lang, line)
			}
			seen[word] = true
		}
	}
}
