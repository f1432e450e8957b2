package morph

import (
	"slices"
	"strings"
	"testing"
)

// TestLastWord wants the last word strings.Fields gives, at its place.
func TestLastWord(t *testing.T) {
	for _, s := range []string{"", "   ", "Алматы", "Алматы облысы", "  Тоқаев\t", "a\u00a0b", "x\u2003 y z\n", "ә"} {
		start, end := LastWord(s)
		fs := strings.Fields(s)
		if len(fs) == 0 {
			if end != -1 {
				t.Errorf("%q: %d,%d for no word", s, start, end)
			}
			continue
		}
		if end < 0 || s[start:end] != fs[len(fs)-1] {
			t.Errorf("%q: %d,%d, want the word %q", s, start, end, fs[len(fs)-1])
		}
	}
}

// TestRussianReinflect: the case of an occurrence is found among the forms
// of its form, and the target is given in that case; the plural of a
// singular head stays plural; a target with one form (indeclinable) is
// that form in every singular case.
func TestRussianReinflect(t *testing.T) {
	for _, tt := range []struct {
		name         string
		form, target []Token
		targetHint   string
		kind         Kind
		found        []string
		want         []string
		ok           bool
	}{
		{"prepositional", wordTokens("казакстан"), wordTokens("казахстан"), "", Place, []string{"казакстане"}, []string{"казахстане"}, true},
		{"instrumental of a surname", wordTokens("тоқаев"), wordTokens("токаев"), "", Person, []string{"тоқаевым"}, []string{"токаевым"}, true},
		{"adjective and noun", wordTokens("верховный", "суд"), wordTokens("высший", "суд"), "", Institution, []string{"верховного", "суда"}, []string{"высшего", "суда"}, true},
		{"a plural is left alone", wordTokens("аким"), wordTokens("глава"), "", Other, []string{"акимов"}, nil, false},
		{"hushing instrumental", wordTokens("алматинка"), wordTokens("алматычка"), "", Other, []string{"алматинкой"}, []string{"алматычкой"}, true},
		{"indeclinable target", wordTokens("алмаата"), wordTokens("алматы"), "none", Place, []string{"алмаате"}, []string{"алматы"}, true},
		{"no form of it", wordTokens("казакстан"), wordTokens("казахстан"), "", Place, []string{"казакстанец"}, nil, false},
	} {
		got, ok := RussianReinflect(tt.form, "", tt.found, tt.target, tt.targetHint, tt.kind)
		if ok != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// TestRussianPluralFromSingular: the plural of a singular head is
// declined as the singular tells: a noun in -ь is soft (областей,
// областям), a hard noun in -а has no genitive ending (прокуратур), a noun
// in a consonant takes -ов (комитетов), -ей after a hushing sound
// (врачей), a neuter in -о none (министерств), one in -ие -ий
// (управлений); after г к х ж ш щ ч the endings are hard (пыткам, not
// пыткям), a velar takes no -ей, and a fleeting vowel leaves no bare stem
// (пыток, not пытк). The glossary page listed областов, област, областам,
// прокуратуров, прокуратурей, комитетей, министерствов, министерствям and
// управлениов among the forms.
func TestRussianPluralFromSingular(t *testing.T) {
	for _, tc := range []struct {
		toks      []Token
		kind      Kind
		want, not []string
	}{
		{wordTokens("алматинская", "область"), Place,
			[]string{"алматинская область", "алматинской области", "алматинские области", "алматинских областей", "алматинским областям", "алматинскими областями", "алматинских областях"},
			[]string{"алматинских областов", "алматинских област", "алматинским областам", "алматинскими областами", "алматинских областах"}},
		{wordTokens("генеральная", "прокуратура"), Institution,
			[]string{"генеральные прокуратуры", "генеральных прокуратур", "генеральным прокуратурам", "генеральными прокуратурами", "генеральных прокуратурах"},
			[]string{"генеральных прокуратуров", "генеральных прокуратурей"}},
		{wordTokens("комитет", "против", "пыток"), Institution,
			[]string{"комитеты против пыток", "комитетов против пыток", "комитетам против пыток", "комитетами против пыток"},
			[]string{"комитетей против пыток"}},
		{wordTokens("врач"), Other, []string{"врачи", "врачей", "врачам"}, []string{"врачов"}},
		{wordTokens("колония"), Other, []string{"колонии", "колоний", "колониям"}, nil},
		{wordTokens("пытки"), Other, []string{"пытки", "пыток", "пыткам", "пытками", "пытках"},
			[]string{"пытк", "пыткей", "пыткям", "пыткями", "пыткях"}},
		{wordTokens("пытка"), Other, []string{"пытки", "пыток", "пыткам", "пытками", "пытках"},
			[]string{"пытк", "пыткям"}},
		{wordTokens("рука"), Other, []string{"руки", "рук", "рукам"}, []string{"рукей", "рукям"}},
		{wordTokens("идея"), Other, []string{"идеи", "идей", "идеям", "идеями", "идеях"}, []string{"идеов", "иде", "идеам"}},
		{wordTokens("неделя"), Other, []string{"недели", "недель", "неделям", "неделями", "неделях"}, []string{"неделов", "недел", "неделам"}},
		{wordTokens("статья"), Other, []string{"статьи", "статей", "статьям"}, []string{"статьь"}},
		{wordTokens("музей"), Other, []string{"музеи", "музеев", "музеям", "музеями", "музеях"}, []string{"музеов", "музеей", "музе", "музеам"}},
		{wordTokens("санаторий"), Other, []string{"санатории", "санаториев", "санаториям", "санаториями", "санаториях"}, nil},
		{wordTokens("окно"), Other, []string{"окна", "окон", "окнам", "окнами", "окнах"}, []string{"окн"}},
		{wordTokens("письмо"), Other, []string{"письма", "писем", "письмам"}, []string{"письм"}},
		{wordTokens("край"), Other, []string{"края", "краев", "краям", "краями", "краях"}, []string{"краи", "краов", "кра"}},
		{wordTokens("алтайский", "край"), Place, []string{"алтайские края", "алтайских краев", "алтайским краям"}, []string{"алтайские краи"}},
		{wordTokens("город"), Other, []string{"города", "городов", "городам"}, []string{"городы"}},
		{wordTokens("дом"), Other, []string{"дома", "домов", "домам", "домами", "домах"}, []string{"домы"}},
		{wordTokens("лес"), Other, []string{"леса", "лесов", "лесам"}, []string{"лесы"}},
		{wordTokens("глаз"), Other, []string{"глаза", "глаз", "глазам", "глазами", "глазах"}, []string{"глазы", "глазов"}},
		{wordTokens("избирательный", "округ"), Institution, []string{"избирательные округа", "избирательных округов"}, []string{"избирательные округи"}},
		{wordTokens("берег"), Place, []string{"берега", "берегов"}, []string{"береги"}},
		{wordTokens("остров"), Place, []string{"острова", "островов"}, []string{"островы"}},
		{wordTokens("директор"), Other, []string{"директора", "директоров", "директорам"}, []string{"директоры"}},
		{wordTokens("учитель"), Other, []string{"учителя", "учителей", "учителям"}, nil},
		{wordTokens("брат"), Other, []string{"братья", "братьев", "братьям", "братьями", "братьях"}, []string{"браты", "братов", "братьов"}},
		{wordTokens("друг"), Other, []string{"друзья", "друзей", "друзьям"}, []string{"други", "другов"}},
		{wordTokens("дерево"), Other, []string{"деревья", "деревьев", "деревьям"}, []string{"дерев"}},
		{wordTokens("человек"), Other, []string{"люди", "людей", "людям", "людьми", "людях"}, []string{"человеки", "человеков", "людями"}},
		{wordTokens("ребенок"), Other, []string{"дети", "детей", "детям", "детьми"}, []string{"ребеноки", "ребеноков", "детями"}},
		{wordTokens("гражданин"), Other, []string{"граждане", "граждан", "гражданам", "гражданами", "гражданах"}, []string{"гражданины", "гражданинов"}},
		{wordTokens("иностранный", "гражданин"), Other, []string{"иностранные граждане", "иностранных граждан", "иностранным гражданам"}, []string{"иностранных гражданинов"}},
		{wordTokens("имя"), Other, []string{"имени", "именем", "имена", "имен", "именам"}, []string{"ими", "имю", "имей", "имь"}},
		{wordTokens("министерство", "юстиции"), Institution,
			[]string{"министерства юстиции", "министерств юстиции", "министерствам юстиции", "министерствами юстиции", "министерствах юстиции"},
			[]string{"министерствов юстиции", "министерствей юстиции", "министерствям юстиции", "министерствями юстиции", "министерствях юстиции"}},
		{wordTokens("управление", "юстиции"), Institution,
			[]string{"управления юстиции", "управлений юстиции", "управлениям юстиции", "управлениями юстиции", "управлениях юстиции"},
			[]string{"управлени юстиции", "управлениов юстиции", "управленией юстиции", "управлениам юстиции", "управлениами юстиции"}},
		{wordTokens("высшее", "учебное", "заведение"), Institution,
			[]string{"высшие учебные заведения", "высших учебных заведений", "высшим учебным заведениям"},
			[]string{"высших учебных заведениов", "высшим учебным заведениам"}},
	} {
		var got []string
		for _, f := range RussianForms(tc.toks, tc.kind, "") {
			got = append(got, strings.Join(f, " "))
		}
		checkForms(t, "the forms", got, tc.want, tc.not)
	}
}

// TestRussianPluraleTantum: a name written in the plural declines as a
// plural, its adjectives with it, and takes the genitive it has (Штатов,
// Альп), not the ones guessed from its ending (штат, штатей): the
// glossary page listed соединенных штат and соединенных штатей, and
// Штаты, Нидерланды, Альпы on their own had no form but the nominative,
// as if they were indeclinable like Алматы. A noun in -ы takes no -ей, a
// vowel and -и (Гималаи, музеи) -ев or -й, not -ов.
func TestRussianPluraleTantum(t *testing.T) {
	for _, tc := range []struct {
		toks      []Token
		kind      Kind
		hint      string
		want, not []string
	}{
		{wordTokens("Штаты"), Place, "", []string{"штаты", "штатов", "штатам", "штатами", "штатах"}, []string{"штат", "штатей"}},
		{wordTokens("Соединенные", "Штаты"), Place, "",
			[]string{"соединенных штатов", "соединенным штатам", "соединенными штатами", "соединенных штатах"},
			[]string{"соединенных штат", "соединенных штатей", "соединенные штатов"}},
		{wordTokens("Соединенные", "Штаты", "Америки"), Place, "", []string{"соединенных штатов америки", "соединенных штатах америки"}, []string{"соединенных штат америки"}},
		{wordTokens("Объединенные", "Арабские", "Эмираты"), Place, "", []string{"объединенных арабских эмиратов", "объединенным арабским эмиратам"}, []string{"объединенных арабских эмират"}},
		{wordTokens("Нидерланды"), Place, "", []string{"нидерландов", "нидерландам", "нидерландами", "нидерландах"}, []string{"нидерланд", "нидерландей"}},
		{wordTokens("Альпы"), Place, "", []string{"альп", "альпам", "альпами", "альпах"}, []string{"альпов", "альпей"}},
		{wordTokens("Гималаи"), Place, "", []string{"гималаев", "гималаям", "гималаями", "гималаях"}, []string{"гималаов", "гимала", "гималаам"}},
		{wordTokens("Алматы"), Place, "", []string{"алматы"}, []string{"алматов", "алмат", "алматам"}},
		{wordTokens("Черновцы"), Place, "plural", []string{"черновцов", "черновцам"}, []string{"черновцей"}},
		{wordTokens("музеи"), Other, "plural", []string{"музеев", "музеям", "музеях"}, []string{"музеов", "музе", "музеам"}},
	} {
		for _, forms := range [][][]string{RussianForms(tc.toks, tc.kind, tc.hint), RussianShownForms(tc.toks, tc.kind, tc.hint)} {
			var got []string
			for _, f := range forms {
				got = append(got, strings.Join(f, " "))
			}
			checkForms(t, "the forms", got, tc.want, tc.not)
		}
	}
}

// TestRussianPhraseAgreement: the words of a phrase agree in the
// accusative as in every other case. Its forms are the nominative's (an
// inanimate noun) or the genitive's (an animate one), and each reading is
// taken for the whole phrase: the glossary page listed акмолинские
// областей, акмолинских области, верховного суд and верховный суда, the
// readings of the adjective and the noun crossed, and a person's
// accusative Касым-Жомарт Токаева beside Касым-Жомарта Токаева.
func TestRussianPhraseAgreement(t *testing.T) {
	for _, tc := range []struct {
		toks []Token
		kind Kind
		// The accusative singular and plural forms, in order.
		acc, accPlural []string
	}{
		{wordTokens("акмолинская", "область"), Place,
			[]string{"акмолинскую область"}, []string{"акмолинские области", "акмолинских областей"}},
		{wordTokens("генеральная", "прокуратура"), Institution,
			[]string{"генеральную прокуратуру"}, []string{"генеральные прокуратуры", "генеральных прокуратур"}},
		{wordTokens("верховный", "суд"), Institution,
			[]string{"верховный суд", "верховного суда"}, []string{"верховные суды", "верховных судов"}},
		{wordTokens("министерство", "юстиции"), Institution,
			[]string{"министерство юстиции"}, []string{"министерства юстиции"}},
		{wordTokens("касым-жомарт", "токаев"), Person, []string{"касым-жомарта токаева"}, nil},
	} {
		var acc, accPlural []string
		russianForms(tc.toks, tc.kind, "", false, func(c int, seq []string) {
			switch c {
			case 3:
				acc = append(acc, strings.Join(seq, " "))
			case ruPlural + 3:
				accPlural = append(accPlural, strings.Join(seq, " "))
			}
		})
		if !slices.Equal(acc, tc.acc) || !slices.Equal(accPlural, tc.accPlural) {
			t.Errorf("%s %s: accusative %q, plural %q; want %q, %q", tc.toks[0].Key, tc.toks[1].Key, acc, accPlural, tc.acc, tc.accPlural)
		}
	}
}

// TestRussianShownForms: the plural of a place's own name is matched but
// not shown (the glossary page listed казахстанов, астан, центральных
// азий, заречные); a place's common noun and an institution show theirs.
func TestRussianShownForms(t *testing.T) {
	join := func(forms [][]string) []string {
		var out []string
		for _, f := range forms {
			out = append(out, strings.Join(f, " "))
		}
		return out
	}
	for _, tc := range []struct {
		toks   []Token
		kind   Kind
		plural string // a plural form
		shown  bool   // whether it is shown
	}{
		{wordTokens("Казахстан"), Place, "казахстанов", false},
		{wordTokens("Астана"), Place, "астан", false},
		{wordTokens("Центральная", "Азия"), Place, "центральных азий", false},
		{wordTokens("Республика", "Казахстан"), Place, "республик казахстан", false},
		{wordTokens("Заречное"), Place, "заречных", false},
		{wordTokens("Акмолинская", "область"), Place, "акмолинских областей", true},
		{wordTokens("Генеральная", "прокуратура"), Institution, "генеральных прокуратур", true},
		{wordTokens("Верховный", "Суд"), Institution, "верховных судов", true},
	} {
		all, shown := join(RussianForms(tc.toks, tc.kind, "")), join(RussianShownForms(tc.toks, tc.kind, ""))
		if !slices.Contains(all, tc.plural) {
			t.Errorf("%q is not matched: %q", tc.plural, all)
		}
		if slices.Contains(shown, tc.plural) != tc.shown {
			t.Errorf("%q shown: %v, want %v", tc.plural, !tc.shown, tc.shown)
		}
		for _, f := range shown {
			if !slices.Contains(all, f) {
				t.Errorf("%q is shown but not matched", f)
			}
		}
		if tc.shown && !slices.Equal(shown, all) {
			t.Errorf("the forms shown differ from the forms matched: %q, %q", shown, all)
		}
	}
}

// TestRussianShownFleetingVowel: the forms shown give the genitive
// plural a noun takes, not the guesses the matcher keeps: the glossary
// page listed пытков and пытек beside пыток. A plural in a consonant and
// -ки shows no genitive (риски, рисков; пытки, пыток); a singular in -ка
// shows the one fleeting vowel its stem calls for.
func TestRussianShownFleetingVowel(t *testing.T) {
	for _, tc := range []struct {
		toks      []Token
		want, not []string // shown, not shown
	}{
		{wordTokens("пытки"), []string{"пытки", "пыткам", "пытками", "пытках"}, []string{"пытков", "пыток", "пытек"}},
		{wordTokens("риски"), []string{"риски", "рискам"}, []string{"рисков", "рисок", "рисек"}},
		{wordTokens("пытка"), []string{"пытки", "пыток", "пыткам"}, []string{"пытков", "пытек"}},
		{wordTokens("девушка"), []string{"девушки", "девушек"}, []string{"девушок", "девушков"}},
		{wordTokens("копейка"), []string{"копейки", "копеек"}, []string{"копейок", "копейек"}},
		{wordTokens("заявка"), []string{"заявки", "заявок"}, []string{"заявек"}},
	} {
		var all, shown []string
		for _, f := range RussianForms(tc.toks, Other, "") {
			all = append(all, strings.Join(f, " "))
		}
		for _, f := range RussianShownForms(tc.toks, Other, "") {
			shown = append(shown, strings.Join(f, " "))
		}
		checkForms(t, "the forms shown", shown, tc.want, tc.not)
		for _, f := range shown {
			if !slices.Contains(all, f) {
				t.Errorf("%q is shown but not matched", f)
			}
		}
	}
}

// TestRussianShownSoftGender: a noun in -ь whose gender no adjective
// tells shows the declension its ending tells (`glossary show` listed
// кремли and кремлью beside кремля and кремлем), while the matcher keeps
// both; an ending that does not tell (Казань, Тайвань) shows both.
func TestRussianShownSoftGender(t *testing.T) {
	for _, tc := range []struct {
		word      string
		kind      Kind
		want, not []string // shown, not shown
	}{
		{"Кремль", Place, []string{"кремля", "кремлю", "кремлем", "кремле"}, []string{"кремли", "кремлью"}},
		{"Ярославль", Place, []string{"ярославля", "ярославлем"}, []string{"ярославлью"}},
		{"Севастополь", Place, []string{"севастополя", "севастополем"}, []string{"севастополью"}},
		{"Секретарь", Other, []string{"секретаря", "секретарем"}, []string{"секретарью"}},
		{"Руководитель", Other, []string{"руководителя", "руководителем"}, []string{"руководителью"}},
		{"сентябрь", Other, []string{"сентября", "сентябре"}, []string{"сентябрью"}},
		{"гость", Other, []string{"гостя", "гостем"}, []string{"гостью"}},
		{"новость", Other, []string{"новости", "новостью"}, []string{"новостя", "новостем"}},
		{"помощь", Other, []string{"помощи", "помощью"}, []string{"помощя", "помощем"}},
		{"жизнь", Other, []string{"жизни", "жизнью"}, []string{"жизня"}},
		{"Казань", Place, []string{"казани", "казанью", "казаня"}, nil},
		{"Тайвань", Place, []string{"тайваня", "тайванем", "тайвани"}, nil},
	} {
		var all, shown []string
		for _, f := range RussianForms(wordTokens(tc.word), tc.kind, "") {
			all = append(all, strings.Join(f, " "))
		}
		for _, f := range RussianShownForms(wordTokens(tc.word), tc.kind, "") {
			shown = append(shown, strings.Join(f, " "))
		}
		checkForms(t, tc.word+" shown", shown, tc.want, tc.not)
		checkForms(t, tc.word+" matched", all, append(tc.want, tc.not...), nil)
	}
}

// TestRussianFleetingVowel: a masculine noun whose е or о drops before an
// ending is matched and shown without it. Before, Дворец Независимости had
// only двореца, дворецу, двореце, so `check` called the name missing from
// «во Дворце Независимости»; рынок had only рынока. A noun whose ending
// does not tell (рынок beside Восток) shows both stems; the matcher always
// takes both.
func TestRussianFleetingVowel(t *testing.T) {
	checkNounForms(t, []nounForms{
		{wordTokens("Дворец", "Независимости"), Institution,
			[]string{"дворце независимости", "дворца независимости", "дворцом независимости", "дворцы независимости", "дворцов независимости"},
			[]string{"дворца независимости", "дворце независимости", "дворцу независимости"}, []string{"двореца независимости", "двореце независимости", "дворецы независимости"}},
		{wordTokens("Зеленый", "рынок"), Place,
			[]string{"зеленого рынка", "зеленом рынке", "зеленым рынком", "зеленого рынока"},
			[]string{"зеленого рынка", "зеленом рынке"}, nil},
		{wordTokens("казахстанец"), Other,
			[]string{"казахстанца", "казахстанцем", "казахстанцы", "казахстанцев"},
			[]string{"казахстанца", "казахстанцы", "казахстанцев"}, []string{"казахстанеца", "казахстанцов"}},
		{wordTokens("боец"), Other,
			[]string{"бойца", "бойцу", "бойцы", "бойцов"},
			[]string{"бойца", "бойцов"}, []string{"боеца", "боецы"}},
		{wordTokens("Ближний", "Восток"), Place,
			[]string{"ближнего востока", "ближнем востоке"},
			[]string{"ближнего востока", "ближнем востоке"}, []string{"ближнего востка"}},
		{wordTokens("мудрец"), Other,
			[]string{"мудреца", "мудрецу"},
			[]string{"мудреца"}, []string{"мудрца"}},
	})
}

// wordTokens are the tokens of a phrase of words one space apart, keyed
// in lower case, as the matcher makes them.
func wordTokens(words ...string) []Token {
	var out []Token
	at := 0
	for _, w := range words {
		out = append(out, Token{Orig: w, Key: strings.ToLower(w), Word: true, Start: at, End: at + len(w)})
		at += len(w) + 1
	}
	return out
}

// checkForms reports each of want missing from got and each of not in it;
// what names got in the messages.
func checkForms(t *testing.T, what string, got, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: %q missing from %q", what, w, got)
		}
	}
	for _, w := range not {
		if slices.Contains(got, w) {
			t.Errorf("%s: %q is among them", what, w)
		}
	}
}
