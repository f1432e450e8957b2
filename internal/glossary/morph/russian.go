package morph

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Russian inflection: the six cases (nominative, genitive, dative,
// accusative, instrumental, prepositional) of a name's declinable head. The
// words of the head take the same case together (Генеральной прокуратуры,
// Касым-Жомарта Токаева), so forms are built case by case, never as a
// cross product of unrelated cases.

// ruCases holds, per case, the forms one word takes. The poetic
// instrumentals in -ою/-ею (прокуратурою) are left out: news copy does not
// use them, and each doubles the forms of a name of several words.
type ruCases [6][]string

// Token is one token of a glossary form: its written text, its key (the
// folded form the matcher compares), whether it is a word, and its byte
// span in the form.
type Token struct {
	Orig, Key  string
	Word       bool
	Start, End int
}

const (
	ruHushing = "жшщч"
	ruVelar   = "гкх"
)

// RussianForms returns the token-key sequences of every case form of a Russian
// form. person declines every word as part of a name (given name,
// patronymic, surname); otherwise the head declines: any leading adjectives
// and the first noun, with whatever follows left as written, since it is a
// genitive complement (Организация Объединенных Наций) or an apposition
// (Республика Казахстан).
func RussianForms(toks []Token, kind Kind, hint string) [][]string {
	var out [][]string
	russianForms(toks, kind, hint, false, func(_ int, seq []string) { out = append(out, seq) })
	return out
}

// RussianShownForms returns the forms of RussianForms to show a person:
// all of them but the plural of a place's own name (Казахстан, Астана,
// Центральная Азия, Республика Казахстан, Заречное: its noun, or its
// adjective when it has none, written with a capital), which the glossary
// page listed (казахстанов, астан, заречные) as if it were a form to
// check. The matcher still takes that plural: обеих Германий is written. A
// place's common noun shows its plural (Алматинская и Жамбылская области).
// Nor are the genitive plurals the matcher guesses at shown: пытков and
// пытек beside пыток (see ruShownPlural and ruFleetingKa).
func RussianShownForms(toks []Token, kind Kind, hint string) [][]string {
	var out [][]string
	russianForms(toks, kind, hint, true, func(_ int, seq []string) { out = append(out, seq) })
	return out
}

// The numbers russianForms gives a form: its case (0 nominative … 5
// prepositional), plus ruPlural for the plural of a singular head; the
// plural of a surname on its own is ruFamily.
const (
	ruPlural = 6
	ruFamily = -1
)

// russianForms calls emit with each form RussianForms returns, in its
// order, and the number of its case (see ruPlural); with shown, those of
// RussianShownForms.
func russianForms(toks []Token, kind Kind, hint string, shown bool, emit func(c int, seq []string)) {
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.Key
	}
	if hint == "none" {
		emit(0, keys)
		return
	}
	person := kind == Person || hint == "surname"
	// Group tokens into words: a hyphenated name (Касым-Жомарт, Алма-Ата)
	// declines only in its last part.
	var heads []int // the token that declines, per word
	for i := 0; i < len(toks); {
		j := i
		for j+1 < len(toks) && toks[j+1].Start == toks[j].End {
			j++
		}
		last := -1
		for k := j; k >= i; k-- {
			if toks[k].Word {
				last = k
				break
			}
		}
		heads = append(heads, last)
		i = j + 1
	}
	var decl []int // tokens that decline
	var paradigms []ruCases
	noun := -1 // the head's noun, when it is not a person's name
	if person {
		// A word in -ь declines as the person's gender, which the other
		// words tell (Игорь Иванов: Игоря Иванова; Любовь Иванова: Любови
		// Ивановой). Told by none, a first name in -ь is a man's (Игорь,
		// Шамиль) and is shown so; the matcher keeps both. A name of
		// several words whose first is in -а or -я is taken for a woman's
		// (Тереза Мэй, Кристина Блейзи Форд), as most such first names are,
		// and weakly: the matcher keeps a man's forms too (Илья).
		gender, weak := ruPersonGender(toks, heads), false
		first := -1
		for _, h := range heads {
			if h >= 0 {
				first = h
				break
			}
		}
		if gender == 0 && len(heads) > 1 && first >= 0 && strings.ContainsRune("ая", lastRune(toks[first].Key)) {
			gender, weak = 'f', true
		}
		if gender == 0 && shown {
			gender = 'm'
		}
		// The first word of several is a first name, though it ends like
		// a surname (Кристина, Мартин: Кристины, Мартином), unless a
		// patronymic follows (Путина Людмила Александровна).
		patronymic := false
		for _, h := range heads {
			if h >= 0 && h != first && ruIsPatronymic(toks[h].Key) {
				patronymic = true
			}
		}
		for _, h := range heads {
			if h < 0 {
				continue
			}
			nc := ruNameContext{gender: gender, alsoMan: weak && !shown, first: h == first,
				firstName: h == first && len(heads) > 1 && !patronymic, shown: shown}
			if p, ok := ruNameWord(toks[h], nc); ok {
				decl = append(decl, h)
				paradigms = append(paradigms, p)
			}
		}
	} else {
		plural := hint == "plural"
		gender := byte(0)
		var adjs []int
		for _, h := range heads {
			if h < 0 || !hasCyrillic(toks[h].Key) || isAbbreviation(toks[h].Orig) || ruFunctionWord(toks[h].Key) {
				// A preposition ends the head: Уполномоченный по правам
				// человека declines as Уполномоченному по правам человека.
				break
			}
			if g, pl, ok := ruAdjective(toks[h].Key); ok {
				adjs = append(adjs, h)
				gender, plural = g, plural || pl
				continue
			}
			noun = h
			break
		}
		for _, a := range adjs {
			decl = append(decl, a)
			paradigms = append(paradigms, ruAdjectiveCases(toks[a].Key))
		}
		if noun >= 0 && len(adjs) == 0 && kind != Place && !plural && strings.ContainsRune("ыи", lastRune(toks[noun].Key)) &&
			toks[noun].Orig == strings.ToLower(toks[noun].Orig) {
			// A lower-case common noun in -ы/-и is a plural (пытки), not an
			// indeclinable name like Алматы.
			plural = true
		}
		if noun >= 0 && !plural {
			// A name that has no singular is a plural, though written
			// with a capital: Штаты, Нидерланды, Альпы.
			_, plural = ruPluraleTantum(toks[noun].Key)
		}
		if noun >= 0 {
			single := len(heads) == 1
			if gender == 0 && shown {
				// The matcher keeps both declensions of a noun in -ь
				// whose gender no adjective tells; the forms shown take
				// the one its ending tells, when it does.
				gender = ruSoftGender(toks[noun].Key)
			}
			yo := ruYo(toks[noun].Orig)
			if p, ok := ruNoun(toks[noun].Key, yo, gender, plural, kind == Place && single); ok {
				if shown && plural {
					p = ruShownPlural(toks[noun].Key, p)
				} else if shown {
					p = ruShownFleeting(toks[noun].Key, yo, p)
				}
				decl = append(decl, noun)
				paradigms = append(paradigms, p)
			} else if len(adjs) == 0 {
				emit(0, keys)
				return
			}
		}
	}
	if len(decl) == 0 {
		emit(0, keys)
		return
	}
	// Forms repeat (the accusative of an inanimate noun is its nominative);
	// the trie merges them, so they are not removed here.
	emit(0, keys)
	ruEmitCases(keys, decl, paradigms, 0, emit)
	// The plural of a singular head (акимы, акимов; Генеральные
	// прокуратуры): names of offices and posts are written in the plural
	// too, and a form nobody writes costs nothing.
	// Not shown of a place's own name (see RussianShownForms).
	properPlace := false
	if h := noun; shown && kind == Place {
		if h < 0 {
			h = decl[len(decl)-1]
		}
		properPlace = toks[h].Orig != strings.ToLower(toks[h].Orig)
	}
	if !person && hint != "plural" && !properPlace {
		if pk, pp, ok := ruPluralHead(toks, keys, decl, shown); ok {
			ruEmitCases(pk, decl, pp, ruPlural, emit)
		}
	}
	// A surname on its own also names the family: Токаевы, Токаевых.
	if person && len(decl) == 1 && len(heads) == 1 && ruIsSurname(keys[decl[0]]) && !ruFirstNameIn(keys[decl[0]]) {
		for _, f := range ruSurnamePlural(keys[decl[0]]) {
			seq := append([]string(nil), keys...)
			seq[decl[0]] = f
			emit(ruFamily, seq)
		}
	}
}

// RussianReinflect returns target, a form of another entry's form or of
// the same entry (its tokens), in the case found is in: found is the keys
// of an occurrence of the form toks (Казакстане of Казакстан), both of
// kind, with their inflect hints. So a forbidden form found inflected gets
// its fix in the same case: Казахстане, not Казахстан. The keys of
// target's tokens are returned. Where a case has several forms (the
// accusative of an animate noun, -ой and -ей), the target's form in the
// same place is given. ok is false when found is no form of toks, is a
// plural (whose generated forms include ones nobody writes, so the first
// is not the one to give), or target has no form in its case (an
// indeclinable target is its own form in every case).
func RussianReinflect(toks []Token, hint string, found []string, target []Token, targetHint string, kind Kind) ([]string, bool) {
	c, j, ok := -2, 0, false
	seen := map[int]int{} // forms of each case so far
	russianForms(toks, kind, hint, false, func(n int, seq []string) {
		if !ok && slices.Equal(seq, found) {
			c, j, ok = n, seen[n], true
		}
		seen[n]++
	})
	if !ok || c < 0 || c >= ruPlural {
		return nil, false
	}
	if c == 0 {
		j = 0 // the form as written, emitted first and again as case 0
	}
	var out, first []string
	k := 0
	russianForms(target, kind, targetHint, false, func(n int, seq []string) {
		if n != c {
			return
		}
		if first == nil {
			first = seq
		}
		if k == j {
			out = seq
		}
		k++
	})
	if out == nil {
		out = first
	}
	if out == nil {
		// An indeclinable target (Алматы, BBC) is its own form in every
		// case.
		var only [][]string
		russianForms(target, kind, targetHint, false, func(_ int, seq []string) { only = append(only, seq) })
		if len(only) != 1 {
			return nil, false
		}
		out = only[0]
	}
	return out, true
}

// ruPluralHead turns a singular head into the plural (keys with the
// declining tokens in the nominative plural) and declines it, or reports
// false when the head is already plural or a word has no plural. shown
// declines it as RussianShownForms does (see ruPluralFromSingular).
func ruPluralHead(toks []Token, keys []string, decl []int, shown bool) ([]string, []ruCases, bool) {
	pk := append([]string(nil), keys...)
	var pp []ruCases
	for _, tok := range decl {
		w := keys[tok]
		if _, pl, ok := ruAdjective(w); ok {
			if pl {
				return nil, nil, false
			}
			st := trimRunes(w, 2)
			end := "ые"
			if strings.HasSuffix(w, "ий") || strings.HasSuffix(w, "яя") || strings.HasSuffix(w, "ее") ||
				strings.ContainsRune(ruVelar+ruHushing, lastRune(st)) {
				end = "ие"
			}
			pk[tok] = st + end
			pp = append(pp, ruAdjectiveCases(pk[tok]))
			continue
		}
		if pl, gen, ok := ruIrregularPlural(w); ok && gen != nil {
			pk[tok] = pl
			pp = append(pp, ruPluralCases(pl, gen))
			continue
		}
		yo := ruYo(toks[tok].Orig)
		pl := ruNounPluralOf(w, yo)
		if pl == "" {
			return nil, nil, false
		}
		c, ok := ruNounPlural(pl)
		if !ok {
			return nil, nil, false
		}
		if sc, ok := ruPluralFromSingular(w, pl, c, shown); ok {
			c = sc
		}
		// A stem whose vowel may drop has the plural of both (рынки beside
		// рыноки, as востоки), that of a guessed one matched only
		// (человьки is nobody's plural).
		if st, sure := ruFleeting(w, yo); sure == ruFleetBoth || sure == ruFleetGuess && !shown {
			if c2, ok := ruNounPlural(st + "и"); ok {
				if sc, ok := ruPluralFromSingular(st, st+"и", c2, shown); ok {
					c2 = sc
				}
				for i := range c {
					c[i] = newStringSet(append(slices.Clone(c2[i]), c[i]...)...).list
				}
			}
		}
		pk[tok] = pl
		pp = append(pp, c)
	}
	return pk, pp, true
}

// ruPluralFromSingular declines pl, the plural of the singular noun w,
// knowing w: the plural's ending alone allows the genitives -ов, -ей and
// none, and the glossary page showed прокуратуров, прокуратурей,
// областов, министерствов, министерствям, управлениов. A neuter is
// inanimate and hard in -о (министерств, министерствам), soft in -ие and
// -ье (управлений, управлениям; ущелий). A noun in -я (but -ия) or -й is
// soft: идей, недель, музеев, санаториев, with -ям. A noun in -ь, of
// either gender, is soft (областей, областям; гвоздей); a hard noun in
// -а has no ending in the genitive (прокуратур, with the fleeting vowel c
// already has: пыток), -ей after a hushing sound too (свечей); a noun in
// a consonant takes -ов (комитетов, судов), -ей after a hushing sound
// (врачей). A neuter with a fleeting vowel (окон, писем) is looked up
// in ruNeuterGenitive. c is pl's declension from its ending; ok is false
// for the nouns left to it. With shown, a noun in -ка takes the one
// fleeting vowel its stem calls for (пыток, девушек, копеек), not both
// -ок and -ек, which the matcher keeps.
func ruPluralFromSingular(w, pl string, c ruCases, shown bool) (ruCases, bool) {
	l := lastRune(w)
	st := trimRunes(pl, 1)
	hush := strings.ContainsRune(ruHushing, lastRune(st))
	var gen []string
	switch {
	case l == 'ь':
		return ruCases{{pl}, {st + "ей"}, {st + "ям"}, {pl, st + "ей"}, {st + "ями"}, {st + "ях"}}, true
	case strings.HasSuffix(w, "ие") || strings.HasSuffix(w, "ье"):
		// A neuter in -ие, -ье: управления, управлений, управлениям.
		s2 := trimRunes(st, 1)
		return ruCases{{pl}, {s2 + "ий"}, {st + "ям"}, {pl}, {st + "ями"}, {st + "ях"}}, true
	case l == 'о':
		// A neuter in -о: министерства, министерств, министерствам.
		gen := st
		if g, ok := ruNeuterGenitive(w); ok {
			gen = g // окон, not окн
		}
		return ruCases{{pl}, {gen}, {st + "ам"}, {pl}, {st + "ами"}, {st + "ах"}}, true
	case l == 'я' && !strings.HasSuffix(w, "ия"):
		// Soft: идеи, идей, идеям; недели, недель, неделям; статьи, статей.
		gen = []string{st + "ь", st + "ей"}
		switch {
		case strings.ContainsRune(kkVowels, lastRune(st)):
			gen = []string{st + "й"}
		case lastRune(st) == 'ь':
			gen = []string{trimRunes(st, 1) + "ей"} // статей, семей
		}
		return ruCases{{pl}, gen, {st + "ям"}, append([]string{pl}, gen...), {st + "ями"}, {st + "ях"}}, true
	case l == 'й':
		// музеи, музеев, музеям; санатории, санаториев.
		gen = []string{st + "ев"}
		return ruCases{{pl}, gen, {st + "ям"}, {pl, st + "ев"}, {st + "ями"}, {st + "ях"}}, true
	case l == 'а':
		for _, g := range c[1] {
			if strings.HasSuffix(g, "ок") || strings.HasSuffix(g, "ек") {
				gen = append(gen, g)
			}
		}
		if len(gen) == 0 {
			gen = append(gen, st) // пытк is no word, пыток is
		} else if shown {
			gen = []string{ruFleetingKa(trimRunes(st, 1))}
		}
		if hush {
			gen = append(gen, st+"ей")
		}
	case !strings.ContainsRune(kkVowels+"йьъ", l):
		switch {
		case hush:
			gen = []string{st + "ей"}
		case lastRune(st) == 'ц':
			// -ев without the stress (казахстанцев, американцев: the
			// suffix -ец after -ан, -ян, -ен, -ин), -ов with it (дворцов,
			// отцов); the matcher takes both.
			gen = []string{st + "ов", st + "ев"}
			if shown {
				gen = gen[:1]
				for _, u := range []string{"анец", "янец", "енец", "инец"} {
					if strings.HasSuffix(w, u) {
						gen = []string{st + "ев"}
					}
				}
			}
		default:
			gen = []string{st + "ов"}
		}
	default:
		return c, false
	}
	return ruCases{{pl}, gen, {st + "ам"}, append([]string{pl}, gen...), {st + "ами"}, {st + "ах"}}, true
}

// ruFleetingKa returns the genitive plural of a feminine noun in -ка
// whose stem before к, k, ends in a consonant: -ок after a hard one
// (пыток, заявок), -ек after a hushing one (девушек, ручек), and й or ь
// turned into е (копеек, полек).
func ruFleetingKa(k string) string {
	switch l := lastRune(k); {
	case l == 'й' || l == 'ь':
		return trimRunes(k, 1) + "ек"
	case strings.ContainsRune(ruHushing, l):
		return k + "ек"
	}
	return k + "ок"
}

// ruShownPlural is the declension of w, a noun written in the plural, as
// RussianShownForms gives it: a plural in a consonant and -ки has no
// genitive its ending tells, since both the masculine -ов (риски, рисков)
// and the feminine's fleeting vowel (пытки, пыток) are written, so none is
// shown (nor the accusative like it); the matcher takes them all.
func ruShownPlural(w string, p ruCases) ruCases {
	r := []rune(w)
	if n := len(r); n >= 4 && r[n-1] == 'и' && r[n-2] == 'к' && !strings.ContainsRune(kkVowels, r[n-3]) {
		p[1], p[3] = nil, []string{w}
	}
	return p
}

// ruIrregularPlural is the plural of a noun no rule of ruNounPluralOf
// gives, keyed as the matcher keys it (ё as е): a stressed -а/-я (края,
// not краи; города, дома, глаза), -ья (братья, друзья), another stem
// (люди, дети, имена, хозяева). gen is the genitive plural where the
// rules of ruPluralFromSingular would not give it from the singular
// (глаз, not глазов; братьев, людей), else nil. A short list of the
// common words of the news, not every such noun; a switch, not a map, so
// that it costs nothing at start-up (TestStartupRunsNoInit).
func ruIrregularPlural(w string) (pl string, gen []string, ok bool) {
	switch w {
	case "край":
		return "края", nil, true
	case "город", "округ", "берег", "дом", "лес", "остров", "век", "директор", "паспорт",
		"адрес", "номер", "поезд", "голос", "доктор", "профессор", "корпус", "счет":
		return w + "а", nil, true
	case "учитель", "лагерь":
		return trimRunes(w, 1) + "я", nil, true
	case "глаз":
		return "глаза", []string{"глаз"}, true
	case "брат", "стул", "дерево":
		st := strings.TrimSuffix(w, "о")
		return st + "ья", []string{st + "ьев"}, true
	case "друг":
		return "друзья", []string{"друзей"}, true
	case "сын":
		return "сыновья", []string{"сыновей"}, true
	case "муж":
		return "мужья", []string{"мужей"}, true
	case "человек":
		return "люди", []string{"людей"}, true
	case "ребенок":
		return "дети", []string{"детей"}, true
	case "имя", "время", "знамя", "племя":
		st := trimRunes(w, 1)
		return st + "ена", []string{st + "ен"}, true
	case "хозяин":
		return "хозяева", []string{"хозяев"}, true
	case "господин":
		return "господа", []string{"господ"}, true
	}
	// Nouns of people in -анин, -янин: граждане, граждан; англичане,
	// англичан; христиане.
	if utf8.RuneCountInString(w) >= 6 && (strings.HasSuffix(w, "анин") || strings.HasSuffix(w, "янин")) {
		st := trimRunes(w, 2)
		return st + "е", []string{st}, true
	}
	return "", nil, false
}

// ruPluraleTantum is the genitive of a name of the news that has no
// singular (Штаты, Эмираты, Нидерланды, Альпы, Гималаи), keyed as the
// matcher keys it: such a name declines as a plural, though it is written
// with a capital like Алматы, which does not decline, and its genitive is
// -ов (Штатов) or none (Альп, Филиппин), which its ending does not tell.
// A switch, as ruIrregularPlural; another such name takes inflect: plural.
func ruPluraleTantum(w string) ([]string, bool) {
	switch w {
	case "штаты", "эмираты", "нидерланды":
		return []string{trimRunes(w, 1) + "ов"}, true
	case "альпы", "карпаты", "анды", "филиппины", "мальдивы", "сейшелы", "багамы", "канары", "курилы", "афины":
		return []string{trimRunes(w, 1)}, true
	case "гималаи", "пиренеи":
		return []string{trimRunes(w, 1) + "ев"}, true
	}
	return nil, false
}

// ruNeuterMya reports the ten neuters in -мя (имя, время, знамя …),
// which decline with -ен-, not as a feminine in -я: a closed list.
func ruNeuterMya(w string) bool {
	switch w {
	case "имя", "время", "знамя", "пламя", "племя", "семя", "бремя", "стремя", "темя", "вымя":
		return true
	}
	return false
}

// ruPluralCases declines pl, a nominative plural whose genitive gen the
// rules do not give: its other cases follow its ending, soft after -я,
// and after -и but for г к х ж ш щ ч (братьям, людям), hard otherwise
// (глазам, гражданам, именам); люди and дети take -ьми in the
// instrumental. The accusative is the nominative (inanimate) or the
// genitive (animate).
func ruPluralCases(pl string, gen []string) ruCases {
	st := trimRunes(pl, 1)
	l := lastRune(pl)
	end := "ам"
	if l == 'я' || l == 'и' && !strings.ContainsRune(ruVelar+ruHushing, lastRune(st)) {
		end = "ям"
	}
	c := ruCases{{pl}, gen, {st + end}, append([]string{pl}, gen...), {st + end + "и"}, {st + end[:len(end)-len("м")] + "х"}}
	if pl == "люди" || pl == "дети" {
		c[4] = []string{st + "ьми"} // людьми, детьми
	}
	return c
}

// ruNeuterGenitive is the genitive plural of a common neuter in -о whose
// fleeting vowel no rule tells (окон, писем, but министерств), keyed as
// the matcher keys it (ё as е). A switch, as ruIrregularPlural.
func ruNeuterGenitive(w string) (string, bool) {
	switch w {
	case "окно":
		return "окон", true
	case "письмо":
		return "писем", true
	case "число":
		return "чисел", true
	case "кресло":
		return "кресел", true
	case "стекло":
		return "стекол", true
	case "весло":
		return "весел", true
	case "ведро":
		return "ведер", true
	case "зерно":
		return "зерен", true
	case "пятно":
		return "пятен", true
	case "бревно":
		return "бревен", true
	case "ядро":
		return "ядер", true
	}
	return "", false
}

// ruNounPluralOf returns the nominative plural of a singular noun, or "".
func ruNounPluralOf(w string, yo bool) string {
	if pl, _, ok := ruIrregularPlural(w); ok {
		return pl
	}
	l := lastRune(w)
	st := trimRunes(w, 1)
	soft := strings.ContainsRune(ruVelar+ruHushing, l)
	switch {
	case strings.HasSuffix(w, "ия") || strings.HasSuffix(w, "ий"):
		return trimRunes(w, 2) + "ии"
	case strings.HasSuffix(w, "ие"):
		return trimRunes(w, 2) + "ия"
	case l == 'а':
		if strings.ContainsRune(ruVelar+ruHushing, lastRune(st)) {
			return st + "и"
		}
		return st + "ы"
	case l == 'я' || l == 'ь' || l == 'й':
		return st + "и"
	case l == 'о':
		return st + "а"
	case l == 'е':
		return st + "я"
	case strings.ContainsRune("ыиуюэё", l):
		return ""
	}
	if fl, sure := ruFleeting(w, yo); sure == ruFleetSure {
		w = fl // дворцы, бойцы, казахстанцы, огоньки
	}
	if soft {
		return w + "и"
	}
	return w + "ы"
}

// ruEmitCases emits, case by case, every combination of the forms the
// declining tokens take in that case. The accusative is the exception: its
// forms are the nominative's (an inanimate noun) or the genitive's (an
// animate one), and the words of a phrase agree in that as in case
// (Верховный суд, Верховного суда; Акмолинские области, Акмолинских
// областей), so they are combined reading by reading, never as
// верховного суд or акмолинских области.
func ruEmitCases(keys []string, decl []int, paradigms []ruCases, base int, emit func(int, []string)) {
	for c := 0; c < 6; c++ {
		if c != 3 {
			ruEmitCombinations(keys, decl, ruCaseOptions(paradigms, c), base+c, emit)
			continue
		}
		var seen [][]string
		once := func(n int, seq []string) {
			for _, s := range seen {
				if slices.Equal(s, seq) {
					return
				}
			}
			seen = append(seen, seq)
			emit(n, seq)
		}
		for _, like := range []int{0, 1} { // inanimate, then animate
			if opts, ok := ruAccusativeReading(paradigms, like); ok {
				ruEmitCombinations(keys, decl, opts, base+c, once)
			}
		}
	}
}

// ruCaseOptions returns the forms each declining token takes in case c.
func ruCaseOptions(paradigms []ruCases, c int) [][]string {
	opts := make([][]string, len(paradigms))
	for i, p := range paradigms {
		opts[i] = p[c]
	}
	return opts
}

// ruAccusativeReading returns the accusative forms of each declining
// token in one reading: like 0 takes the forms that are the nominative's
// (inanimate), like 1 the genitive's (animate). A token whose accusative
// is neither (the feminine -ую, -у) keeps its own forms in both readings;
// ok is false when a token has only the other reading's forms (the
// surname Токаев, whose accusative is Токаева: no inanimate reading of
// Касым-Жомарт Токаев, so no Касым-Жомарт Токаева).
func ruAccusativeReading(paradigms []ruCases, like int) ([][]string, bool) {
	opts := make([][]string, len(paradigms))
	for i, p := range paradigms {
		acc := p[3]
		var same, other, neither []string
		for _, f := range acc {
			switch {
			case slices.Contains(p[like], f):
				same = append(same, f)
			case slices.Contains(p[1-like], f):
				other = append(other, f)
			default:
				neither = append(neither, f)
			}
		}
		switch {
		case len(same) > 0:
			opts[i] = same
		case len(other) > 0:
			return nil, false
		default:
			opts[i] = neither
		}
	}
	return opts, true
}

// ruEmitCombinations emits, as case n, every combination of the forms
// opts gives each declining token (a token with none keeps its key).
func ruEmitCombinations(keys []string, decl []int, opts [][]string, n int, emit func(int, []string)) {
	// An odometer over the forms each declining token takes.
	idx := make([]int, len(decl))
	for {
		seq := slices.Clone(keys)
		for i, tok := range decl {
			if len(opts[i]) > 0 {
				seq[tok] = opts[i][idx[i]]
			}
		}
		emit(n, seq)
		i := len(decl) - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(opts[i]) {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			break
		}
	}
}

// ruNameContext is what the other words of a person's name tell of one.
type ruNameContext struct {
	gender byte // the person's ('m', 'f'), or 0 when the name does not tell
	// alsoMan keeps a man's forms of a woman's word in a consonant too,
	// where the gender is only a guess.
	alsoMan bool
	first   bool // the first word
	// firstName: the first word of several, a given name, which declines
	// as a noun though it ends like a surname (Кристина, Мартин).
	firstName bool
	shown     bool // the forms shown (RussianShownForms)
}

// ruNameWord returns the paradigm of one word of a person's name, or false
// for a word that does not decline (Шевченко, Черных, Нурсултан-улы, BBC).
// A woman's name does not decline in a consonant or -ь (Терезы Мэй,
// Кристины Блейзи Форд, Анны Гоголь), but for a first name in -ь, first
// (Любовь, Любови). A first name in -ина, -ин (Кристина, Мартин) declines
// as a noun (Кристины, Мартином), not as a surname (Путиной, Путиным):
// shown so, matched both ways.
func ruNameWord(t Token, nc ruNameContext) (ruCases, bool) {
	w := t.Key
	if !hasCyrillic(w) || isAbbreviation(t.Orig) {
		return ruCases{}, false
	}
	yo := ruYo(t.Orig)
	if (nc.firstName || ruFirstNameIn(w)) && (ruIsSurname(w) || ruIsFemSurname(w)) && !strings.HasSuffix(w, "ов") && !strings.HasSuffix(w, "ев") &&
		!strings.HasSuffix(w, "ова") && !strings.HasSuffix(w, "ева") {
		p, _ := ruNoun(w, yo, 0, false, true)
		if nc.shown {
			return p, true
		}
		sp := ruSurname(w)
		if ruIsFemSurname(w) {
			sp = ruFemSurname(w)
		}
		for c := range p {
			p[c] = newStringSet(append(slices.Clone(p[c]), sp[c]...)...).list
		}
		return p, true
	}
	switch {
	case ruIsSurname(w):
		return ruSurname(w), true
	case ruIsFemSurname(w):
		return ruFemSurname(w), true
	case strings.HasSuffix(w, "ых") || strings.HasSuffix(w, "их"):
		return ruCases{}, false
	}
	if _, _, ok := ruAdjective(w); ok && (strings.HasSuffix(w, "ский") || strings.HasSuffix(w, "цкий") ||
		strings.HasSuffix(w, "ская") || strings.HasSuffix(w, "цкая") || strings.HasSuffix(w, "ой") || strings.HasSuffix(w, "ый")) {
		return ruAdjectiveCases(w), true
	}
	if l := lastRune(w); nc.gender == 'f' && !strings.ContainsRune(kkVowels, l) {
		if l == 'ь' && nc.first {
			return ruNoun(w, yo, 'f', false, true)
		}
		if !nc.alsoMan {
			return ruCases{}, false
		}
		p, ok := ruNoun(w, yo, 'm', false, true)
		if ok {
			for c := range p {
				p[c] = newStringSet(append(p[c], w)...).list
			}
		}
		return p, ok
	}
	if st := ruFirstNameFleeting(w); st != "" {
		return ruConsonantNoun(st, w), true
	}
	return ruNoun(w, yo, nc.gender, false, true)
}

// ruFirstNameFleeting returns the stem of a first name whose vowel drops
// before an ending (Лев, Льва; Павел, Павла), which ruFleeting's endings
// do not cover, or "".
func ruFirstNameFleeting(w string) string {
	switch w {
	case "лев":
		return "льв"
	case "павел":
		return "павл"
	}
	return ""
}

// ruFirstNameIn reports a common first name in -ин or -ина (Константин,
// Кристина, Марина), which declines as a noun (Константином, Кристины)
// though it ends as a surname does (Путиным, Путиной): the first word of
// a name of several is taken for a first name (see ruNameContext), these
// also alone or after a surname.
func ruFirstNameIn(w string) bool {
	switch w {
	case "константин", "валентин", "мартин", "вениамин", "бенджамин", "августин", "кевин", "эрвин", "эдвин", "марвин",
		"кристина", "марина", "ирина", "полина", "алина", "галина", "екатерина", "валентина", "карина", "арина",
		"регина", "ангелина", "каролина", "зарина", "мадина", "сабина", "элина", "дарина", "янина", "амина":
		return true
	}
	return false
}

// ruFemSurname declines a feminine surname in -ова, -ева, -ина: Иванова,
// Ивановой, Иванову.
func ruFemSurname(w string) ruCases {
	st := trimRunes(w, 1)
	return ruCases{{w}, {st + "ой"}, {st + "ой"}, {st + "у"}, {st + "ой"}, {st + "ой"}}
}

// ruIsPatronymic reports a patronymic: Петрович, Ильич, Петровна,
// Ильинична.
func ruIsPatronymic(w string) bool {
	return utf8.RuneCountInString(w) >= 5 && (strings.HasSuffix(w, "вич") || strings.HasSuffix(w, "ьич") ||
		strings.HasSuffix(w, "вна") || strings.HasSuffix(w, "чна"))
}

// ruPersonGender is the gender ('m', 'f') a person's name tells by its
// surname (Иванов, Иванова; Чайковский, Чайковская), patronymic
// (Петрович, Петровна; Kazakh улы, кызы) or a woman's first name in -ь
// (Любовь, see ruWomansSoftName), or 0 when none tells or they disagree.
func ruPersonGender(toks []Token, heads []int) byte {
	g := byte(0)
	for _, h := range heads {
		if h < 0 {
			continue
		}
		w := toks[h].Key
		var this byte
		switch {
		case ruIsSurname(w) || strings.HasSuffix(w, "ский") || strings.HasSuffix(w, "цкий") ||
			utf8.RuneCountInString(w) >= 5 && strings.HasSuffix(w, "ич") || w == "улы" || w == "ұлы":
			this = 'm'
		case ruIsFemSurname(w) || strings.HasSuffix(w, "ская") || strings.HasSuffix(w, "цкая") ||
			utf8.RuneCountInString(w) >= 5 && (strings.HasSuffix(w, "вна") || strings.HasSuffix(w, "чна")) ||
			w == "кызы" || w == "қызы" || ruWomansSoftName(w):
			this = 'f'
		default:
			continue
		}
		if g != 0 && g != this {
			return 0
		}
		g = this
	}
	return g
}

// ruWomansSoftName reports a woman's first name in -ь, which declines as
// a feminine noun (Любовь, Любови, Любовью): a first name in -ь that the
// name tells nothing else of is taken for a man's (Игорь, Шамиль), so
// these common ones are listed. Names given to both (Мишель) are not.
func ruWomansSoftName(w string) bool {
	switch w {
	case "любовь", "нинель", "айгуль", "асель", "гузель", "гюзель", "адель", "ассоль", "жизель",
		"изабель", "рахиль", "руфь", "юдифь", "эсфирь":
		return true
	}
	return false
}

func ruIsSurname(w string) bool {
	if utf8.RuneCountInString(w) < 4 {
		return false
	}
	for _, s := range []string{"ов", "ев", "ин", "ын"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func ruIsFemSurname(w string) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, s := range []string{"ова", "ева", "ина", "ына"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// ruSurname declines a masculine surname in -ов/-ев/-ин: Токаев, Токаева,
// Токаеву, Токаева, Токаевым, Токаеве.
func ruSurname(w string) ruCases {
	return ruCases{{w}, {w + "а"}, {w + "у"}, {w + "а"}, {w + "ым"}, {w + "е"}}
}

func ruSurnamePlural(w string) []string {
	return []string{w + "ы", w + "ых", w + "ым", w + "ыми"}
}

// ruFunctionWord reports the prepositions and conjunctions that can
// follow a head: they are never its noun.
func ruFunctionWord(w string) bool {
	switch w {
	case "по", "при", "в", "во", "на", "за", "для", "с",
		"со", "о", "об", "из", "от", "до", "под", "над",
		"к", "ко", "у", "и", "или", "между", "перед":
		return true
	}
	return false
}

// ruAdjective reports whether w is an adjective, with its gender ('m', 'f',
// 'n') and number. -ий and -ие count only after г к х ж ш щ ч (and н for
// -ий: Верхний), since nouns end so too (Василий, Управление).
func ruAdjective(w string) (gender byte, plural, ok bool) {
	if utf8.RuneCountInString(w) < 4 {
		return 0, false, false
	}
	end := w[len(w)-len("ый"):]
	before := lastRune(trimRunes(w, 2))
	switch end {
	case "ый", "ой":
		return 'm', false, true
	case "ий":
		if strings.ContainsRune(ruVelar+ruHushing+"н", before) {
			return 'm', false, true
		}
	case "ая", "яя":
		return 'f', false, true
	case "ое", "ее":
		return 'n', false, true
	case "ые":
		return 0, true, true
	case "ие":
		if strings.ContainsRune(ruVelar+ruHushing, before) {
			return 0, true, true
		}
	}
	return 0, false, false
}

// ruAdjectiveCases declines an adjective in the gender and number of its
// own ending.
func ruAdjectiveCases(w string) ruCases {
	st := trimRunes(w, 2)
	end := w[len(st):]
	before := lastRune(st)
	soft := strings.ContainsRune(ruHushing, before) // хорошего, свежей
	switch end {
	case "ый", "ой":
		return ruCases{{w}, {st + "ого"}, {st + "ому"}, {w, st + "ого"}, {st + "ым"}, {st + "ом"}}
	case "ий":
		if strings.ContainsRune(ruVelar, before) {
			return ruCases{{w}, {st + "ого"}, {st + "ому"}, {w, st + "ого"}, {st + "им"}, {st + "ом"}}
		}
		return ruCases{{w}, {st + "его"}, {st + "ему"}, {w, st + "его"}, {st + "им"}, {st + "ем"}}
	case "ая":
		if soft {
			return ruCases{{w}, {st + "ей"}, {st + "ей"}, {st + "ую"}, {st + "ей"}, {st + "ей"}}
		}
		return ruCases{{w}, {st + "ой"}, {st + "ой"}, {st + "ую"}, {st + "ой"}, {st + "ой"}}
	case "яя":
		return ruCases{{w}, {st + "ей"}, {st + "ей"}, {st + "юю"}, {st + "ей"}, {st + "ей"}}
	case "ое":
		return ruCases{{w}, {st + "ого"}, {st + "ому"}, {w}, {st + "ым"}, {st + "ом"}}
	case "ее":
		return ruCases{{w}, {st + "его"}, {st + "ему"}, {w}, {st + "им"}, {st + "ем"}}
	case "ые":
		return ruCases{{w}, {st + "ых"}, {st + "ым"}, {w, st + "ых"}, {st + "ыми"}, {st + "ых"}}
	case "ие":
		return ruCases{{w}, {st + "их"}, {st + "им"}, {w, st + "их"}, {st + "ими"}, {st + "их"}}
	}
	return ruCases{{w}}
}

// ruNoun declines a noun by its ending; gender ('m', 'f', 'n' or 0 when no
// adjective tells) decides words in -ь. indeclinableVowel makes a word in a
// vowel other than -а/-я indeclinable, as place and person names from
// Kazakh and other languages are (Алматы, Актобе, Тбилиси, Шевченко).
// Without it, -о/-е decline as neuters (Министерство, Управление). Words in
// -ы/-и/-у/-ю/-э are always indeclinable in the singular.
func ruNoun(w string, yo bool, gender byte, plural, indeclinableVowel bool) (ruCases, bool) {
	if plural {
		return ruNounPlural(w)
	}
	l := lastRune(w)
	st := trimRunes(w, 1)
	switch {
	case l == 'а':
		gen, ins := st+"ы", []string{st + "ой"}
		if strings.ContainsRune(ruVelar+ruHushing, lastRune(st)) {
			gen = st + "и"
		}
		if strings.ContainsRune(ruHushing+"ц", lastRune(st)) {
			ins = append(ins, st+"ей")
		}
		return ruCases{{w}, {gen}, {st + "е"}, {st + "у"}, ins, {st + "е"}}, true
	case l == 'я':
		if ruNeuterMya(w) {
			// имя, имени, имя, именем: the neuters in -мя.
			en := st + "ен"
			return ruCases{{w}, {en + "и"}, {en + "и"}, {w}, {en + "ем"}, {en + "и"}}, true
		}
		if strings.HasSuffix(w, "ия") {
			s2 := trimRunes(w, 2)
			return ruCases{{w}, {s2 + "ии"}, {s2 + "ии"}, {s2 + "ию"}, {s2 + "ией"}, {s2 + "ии"}}, true
		}
		return ruCases{{w}, {st + "и"}, {st + "е"}, {st + "ю"}, {st + "ей"}, {st + "е"}}, true
	case l == 'о' || l == 'е':
		if indeclinableVowel {
			return ruCases{}, false
		}
		if strings.HasSuffix(w, "ие") {
			s2 := trimRunes(w, 2)
			return ruCases{{w}, {s2 + "ия"}, {s2 + "ию"}, {w}, {s2 + "ием"}, {s2 + "ии"}}, true
		}
		if l == 'о' {
			return ruCases{{w}, {st + "а"}, {st + "у"}, {w}, {st + "ом"}, {st + "е"}}, true
		}
		if strings.HasSuffix(w, "ье") {
			return ruCases{{w}, {st + "я"}, {st + "ю"}, {w}, {st + "ем"}, {st + "е"}}, true
		}
		return ruCases{{w}, {st + "а"}, {st + "у"}, {w}, {st + "ем"}, {st + "е"}}, true
	case strings.ContainsRune("ыиуюэё", l):
		return ruCases{}, false
	case l == 'й':
		if strings.HasSuffix(w, "ий") {
			s2 := trimRunes(w, 2)
			return ruCases{{w}, {s2 + "ия"}, {s2 + "ию"}, {w, s2 + "ия"}, {s2 + "ием"}, {s2 + "ии"}}, true
		}
		return ruCases{{w}, {st + "я"}, {st + "ю"}, {w, st + "я"}, {st + "ем"}, {st + "е"}}, true
	case l == 'ь':
		masc := ruCases{{w}, {st + "я"}, {st + "ю"}, {w, st + "я"}, {st + "ем"}, {st + "е"}}
		fem := ruCases{{w}, {st + "и"}, {st + "и"}, {w}, {st + "ью"}, {st + "и"}}
		switch gender {
		case 'm':
			return masc, true
		case 'f':
			return fem, true
		}
		var both ruCases
		for c := range both {
			both[c] = newStringSet(append(append([]string(nil), masc[c]...), fem[c]...)...).list
		}
		return both, true
	}
	// A consonant: masculine (суд, Мажилис, Касым-Жомарт), with the
	// fleeting vowel's forms too where it may have one (see ruFleeting).
	p := ruConsonantNoun(w, w)
	if st, sure := ruFleeting(w, yo); sure != ruFleetNone {
		f := ruConsonantNoun(st, w)
		for c := range p {
			p[c] = newStringSet(append(f[c], p[c]...)...).list
		}
	}
	return p, true
}

// ruConsonantNoun declines w, a masculine noun in a consonant, whose
// endings go on stem: w itself, or w without its fleeting vowel (дворц-).
func ruConsonantNoun(stem, w string) ruCases {
	ins := []string{stem + "ом"}
	if strings.ContainsRune(ruHushing+"ц", lastRune(stem)) {
		ins = append(ins, stem+"ем") // Кемелевичем, Абдрахманович → -ем
	}
	return ruCases{{w}, {stem + "а"}, {stem + "у"}, {w, stem + "а"}, ins, {stem + "е"}}
}

// How sure ruFleeting is that a noun's vowel drops.
const (
	ruFleetNone  = iota // it stays (мудрец, Бишкек): no other stem
	ruFleetGuess        // the matcher takes the stem, the forms shown do not (человек: человька)
	ruFleetBoth         // the ending does not tell: both stems shown (рынок: рынка, рынока)
	ruFleetSure         // the ending tells: the stem alone shown (дворец: дворца)
)

// ruFleeting returns the stem of w, a masculine noun in -ец, -ок or -ек
// (-ёк), without the vowel that drops before an ending (дворец, дворца;
// боец, бойца; рынок, рынка; котенок, котенка; огонёк, огонька; паёк,
// пайка), and how sure it is that it drops (see ruFleetSure). yo tells
// that w is written with ё in its last syllable (the key has е).
//
//   - -ец after a vowel drops with е turned й (боец, бойца; кореец,
//     корейца), after a vowel and one consonant it drops (отец, борец,
//     казахстанец), after ст too (истец, истца); after other pairs of
//     consonants it stays (мудреца, кузнеца, близнеца).
//   - -ок after a vowel and one consonant may drop: sure in -онок and
//     -енок, else both (рынок, рынка beside Восток, востока).
//   - -ёк drops, with ё turned й after a vowel (паёк, пайка; ручеёк,
//     ручейка) and ь after a consonant (огонёк, огонька): that is what its
//     ё tells (намёк and упрёк, which keep it, are matched all the same).
//     Written -ек, the ё may be left out: after a vowel both are shown
//     (паек); after a hushing sound the е drops without a sign (замочек,
//     замочка; both shown); after another consonant the е of a noun that
//     keeps it is not ё (человек, чебурек), so the stem with ь is matched
//     and not shown.
func ruFleeting(w string, yo bool) (stem string, sure int) {
	r := []rune(w)
	n := len(r)
	if n < 4 {
		return "", ruFleetNone
	}
	end := string(r[n-2:])
	if end != "ец" && end != "ок" && end != "ек" {
		return "", ruFleetNone
	}
	vowel := func(x rune) bool { return strings.ContainsRune(kkVowels, x) }
	prev := r[n-3]
	head := string(r[:n-2])
	switch {
	case prev == 'й' || prev == 'ь' || prev == 'ъ':
		return "", ruFleetNone
	case vowel(prev) && end == "ок":
		return "", ruFleetNone
	case vowel(prev):
		// боец, бойца; паёк, пайка.
		sure := ruFleetSure
		if end == "ек" && !yo {
			sure = ruFleetBoth
		}
		return head + "й" + string(r[n-1]), sure
	case end == "ец" && prev == 'т' && r[n-4] == 'с':
		return head + "ц", ruFleetSure // истец, истца
	case !vowel(r[n-4]):
		return "", ruFleetNone
	case end == "ец":
		return head + "ц", ruFleetSure
	case end == "ок":
		if strings.HasSuffix(w, "онок") || strings.HasSuffix(w, "енок") {
			return head + "к", ruFleetSure
		}
		return head + "к", ruFleetBoth
	case strings.ContainsRune(ruHushing, prev):
		return head + "к", ruFleetBoth // замочек, замочка
	case yo:
		return head + "ьк", ruFleetSure // огонёк, огонька
	}
	return head + "ьк", ruFleetGuess
}

// ruYo reports whether the last vowel of orig, a written word, is ё (Ё):
// the key has е for it.
func ruYo(orig string) bool {
	o := strings.ToLower(orig)
	i := strings.LastIndexFunc(o, func(r rune) bool { return strings.ContainsRune(kkVowels, r) })
	return i >= 0 && strings.HasPrefix(o[i:], "ё")
}

// ruShownFleeting is the declension of w, a singular noun, as
// RussianShownForms gives it: of a noun whose ending tells that its vowel
// drops (see ruFleeting), only the forms without it (not двореца); one
// whose ending does not tell keeps both (рынка and рынока, as востока);
// one whose stem is only a guess, the forms with the vowel (человека).
func ruShownFleeting(w string, yo bool, p ruCases) ruCases {
	switch st, sure := ruFleeting(w, yo); sure {
	case ruFleetSure:
		return ruConsonantNoun(st, w)
	case ruFleetGuess:
		return ruConsonantNoun(w, w)
	}
	return p
}

// ruSoftGender is the gender of w, a noun in -ь, where its ending tells
// it: masculine are the doers in -итель, -атель, -ятель (руководитель,
// председатель, деятель), -арь (секретарь, январь), the months in -брь,
// a labial before -ль (Кремль, Ярославль, рубль) and the Greek cities in
// -поль (Севастополь); feminine are a hushing sound before -ь (ночь,
// помощь), -знь (жизнь) and -сть (область, безопасность) but for гость
// and тесть. 0 for the rest (Казань and Тайвань, Тверь and зверь differ
// in gender alone).
func ruSoftGender(w string) byte {
	if lastRune(w) != 'ь' {
		return 0
	}
	st := trimRunes(w, 1)
	has := func(ends ...string) bool {
		for _, e := range ends {
			if strings.HasSuffix(st, e) {
				return true
			}
		}
		return false
	}
	switch {
	case has("ител", "ател", "ятел", "ар", "бр", "бл", "вл", "мл", "пл", "фл", "пол"):
		return 'm'
	case w == "гость" || w == "тесть":
		return 'm'
	case strings.ContainsRune(ruHushing, lastRune(st)) || has("зн", "ст"):
		return 'f'
	}
	return 0
}

// ruNounPlural declines a plural noun: Нации → Наций, Нациям, Нациями,
// Нациях; Штаты → Штатов. The genitive plural is irregular, so every
// likely one is given, but for the names ruPluraleTantum knows: -ов
// (штатов) or none (альп) after the hard consonant of -ы, which takes no
// -ей; -ев (гималаев, музеев) or -й (идей) after a vowel and -и.
func ruNounPlural(w string) (ruCases, bool) {
	if gen, ok := ruPluraleTantum(w); ok {
		return ruPluralCases(w, gen), true
	}
	l := lastRune(w)
	st := trimRunes(w, 1)
	switch {
	case strings.HasSuffix(w, "ии"):
		s2 := trimRunes(w, 2)
		return ruCases{{w}, {s2 + "ий"}, {s2 + "иям"}, {w, s2 + "ий"}, {s2 + "иями"}, {s2 + "иях"}}, true
	case l == 'ы':
		return ruCases{{w}, {st + "ов", st}, {st + "ам"}, {w, st + "ов", st}, {st + "ами"}, {st + "ах"}}, true
	case l == 'и' && strings.ContainsRune(kkVowels, lastRune(st)):
		gen := []string{st + "ев", st + "й"}
		return ruCases{{w}, gen, {st + "ям"}, append([]string{w}, gen...), {st + "ями"}, {st + "ях"}}, true
	case l == 'и':
		if strings.ContainsRune(ruVelar+ruHushing, lastRune(st)) {
			// After г к х ж ш щ ч the endings are hard (пыткам, not
			// пыткям), and a velar takes no -ей (пыткей).
			gen := []string{st + "ов", st + "ей", st}
			if strings.ContainsRune(ruVelar, lastRune(st)) {
				gen = []string{st + "ов", st}
			}
			if r := []rune(st); len(r) >= 3 && r[len(r)-1] == 'к' && !strings.ContainsRune(kkVowels, r[len(r)-2]) {
				// A fleeting vowel: пытки → пыток, заявки → заявок,
				// девушки → девушек; пытк itself is no word.
				k := string(r[:len(r)-1])
				gen = []string{st + "ов", k + "ок", k + "ек"}
				if f := ruFleetingKa(k); !slices.Contains(gen, f) {
					gen = append(gen, f) // копейки → копеек
				}
			}
			return ruCases{{w}, gen, {st + "ам"}, append([]string{w}, gen...), {st + "ами"}, {st + "ах"}}, true
		}
		gen := []string{st + "ов", st + "ей", st}
		return ruCases{{w}, gen, {st + "ам", st + "ям"}, append([]string{w}, gen...), {st + "ами", st + "ями"}, {st + "ах", st + "ях"}}, true
	case l == 'а' || l == 'я':
		return ruCases{{w}, {st, st + "ов", st + "ей"}, {st + "ам", st + "ям"}, {w}, {st + "ами", st + "ями"}, {st + "ах", st + "ях"}}, true
	}
	return ruCases{}, false
}

// trimRunes drops the last n runes of s.
func trimRunes(s string, n int) string {
	for ; n > 0 && s != ""; n-- {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}
