package qa

import (
	"slices"
	"testing"
)

func TestNumbersEqual(t *testing.T) {
	// Each row: source and translation that state the same numbers.
	tests := []struct{ sl, src, tl, tgt string }{
		{"en", "1,000 people", "ru", "1 000 человек"},
		{"en", "1,000 people", "kk", "1\u00a0000 адам"},
		{"en", "1,000 people", "ru", "1\u2009000 человек"},
		{"en", "1,000 people", "kk", "1000 адам"},
		{"en", "3.5 per cent", "ru", "3,5 процента"},
		{"en", "5m viewers", "ru", "5 млн зрителей"},
		{"en", "5 million viewers", "ru", "5 миллионов зрителей"},
		{"en", "5 million viewers", "kk", "5 миллион көрермен"},
		{"en", "$2.8bn", "ru", "2,8 млрд долларов"},
		{"en", "$2.8bn", "kk", "2,8 млрд доллар"},
		{"en", "14%", "ru", "14 процентов"},
		{"en", "14%", "kk", "14 пайыз"},
		{"en", "on 26 July 2019", "ru", "26 июля 2019 года"},
		{"en", "on 26 July 2019", "kk", "2019 жылғы 26 шілде"},
		// A year written short, written whole in the translation.
		{"en", "their SS19 collection", "kk", "2019 жылғы жазғы топтамасы"},
		{"en", "their SS19 collection", "ru", "коллекция SS19"},
		{"en", "in FY19", "ru", "в 2019 финансовом году"},
		{"en", "the class of '98", "ru", "выпуск 1998 года"},
		{"en", "at 10:30", "ru", "в 10.30"},
		// A score: hyphen in English, colon in Russian and Kazakh; a colon
		// that cannot be a time, or a score word beside it, is two numbers.
		// Idioms given in words: 24/7, the month of 9/11.
		{"en", "open 24/7", "ru", "работает круглосуточно"},
		{"en", "open 24/7", "kk", "тәулік бойы ашық"},
		{"en", "after 9/11", "ru", "после терактов 11 сентября"},
		{"en", "they won 38-17", "ru", "они выиграли со счетом 38:17"},
		{"en", "they won 38-17", "kk", "олар 38:17 есебімен жеңді"},
		{"en", "a 24-20 win", "ru", "победа со счетом 24:20"},
		{"en", "a 24-20 win", "kk", "24:20 есебімен жеңіс"},
		{"en", "at 3 p.m.", "ru", "в 15:00"},
		{"en", "at 7.55am", "kk", "сағат 07:55-те"},
		{"en", "19th-century art", "ru", "искусство XIX века"},
		{"en", "19th-century art", "kk", "XIX ғасыр өнері"},
		{"en", "19th-century art", "ru", "искусство ХIХ века"},
		{"en", "five people", "ru", "пять человек"},
		{"en", "five people", "ru", "с пятью людьми"},
		{"en", "five people", "kk", "бес адам"},
		{"en", "the fifth", "kk", "бесінші"},
		{"en", "forty", "ru", "сорок"},
		{"en", "forty", "kk", "қырық"},
		{"en", "twenty-five", "ru", "двадцать пять"},
		{"en", "twenty-five", "kk", "жиырма бес"},
		{"en", "fifteen", "kk", "он бес"},
		{"en", "two hundred and five", "ru", "двести пять"},
		{"en", "three years ago", "ru", "тремя годами ранее"},
		{"en", "two of them", "kk", "екеуін"},
		{"en", "in 2016–2018", "ru", "в 2016-2018 годах"},
		{"en", "in 2016–18", "kk", "2016–2018 жылдары"},
		{"en", "30 yards out", "ru", "в 27 метрах"},
		{"en", "1 to 4 inches", "ru", "от 2,5 до 10 см"},
		{"en", "3 to 5 inches", "ru", "от 7 до 12 см"},
		{"en", "45 miles (72 kilometers)", "ru", "72 км"},
		// A height in feet and inches is one measure, given in metres,
		// centimetres, a compound adjective or both imperial units.
		{"en", "the 6-foot-6 forward", "ru", "двухметровый форвард"},
		{"en", "the 6-foot-6 forward", "ru", "форвард ростом 198 см"},
		{"en", "the 6-foot-6 forward", "ru", "форвард ростом 1,98 м"},
		{"en", "the 6-foot-6 forward", "kk", "6 фут-6 дюйм бойы бар форвард"},
		{"en", "he is 5 feet 10 inches tall", "ru", "его рост 178 см"},
		{"en", "he is 6ft 2in", "kk", "бойы 188 см"},
		// A count the list after it states again.
		{"en", "Three men, aged 33, 34 and 39, were arrested.", "ru", "Мужчины в возрасте 33, 34 и 39 лет были арестованы."},
		{"en", "Two women, aged 20 and 25, were hurt.", "kk", "20 және 25 жастағы әйелдер жарақат алды."},
		// Latin look-alikes in Kazakh numerals; Cyrillic look-alikes in
		// Roman ones.
		{"en", "there were two big newspapers", "kk", "екi үлкен газет болған"},
		{"en", "the twelve months of the year", "kk", "жылдың он екi айы"},
		{"en", "Nicholas II was born", "kk", "Николай ІІ дүниеге келді"},
		{"en", "interpreted in two ways", "ru", "можно понять двояко"},
		{"en", "a four leaf clover", "ru", "четырёхлистный клевер"},
		{"en", "a bilingual, two-sided deal", "ru", "двуязычная двусторонняя сделка"},
		// A count of people of an age, folded into a total.
		{"en", "A 17-year-old, two 18-year-olds and a 20-year-old man were arrested.", "ru", "Арестованы четверо подозреваемых в возрасте 17, 18 и 20 лет."},
		{"en", "two 18-year-olds were arrested", "kk", "екі 18 жасар жігіт ұсталды"},
		// Russian compounds headed by numerals.
		{"en", "a 25-year-old", "ru", "двадцатипятилетний"},
		{"en", "a three-storey house", "ru", "трёхэтажный дом"},
		{"en", "a 90-minute match", "ru", "девяностоминутный матч"},
		{"en", "the 300th anniversary", "ru", "трехсотлетие"},
		{"en", "a 1.5-hour film", "ru", "полуторачасовой фильм"},
		{"en", "a 2-0 win", "ru", "победа 2:0"},
		{"en", "the 1930s", "ru", "30-е годы"},
		{"en", "World War II", "ru", "Второй мировой войны"},
		{"en", "call 0800 555 111", "kk", "0800 555 111 нөміріне"},
		{"en", "one of them", "ru", "кто-то из них"},
		// A count given before and pointed back at: "эти показатели".
		{"en", "The two figures do not measure the same thing.", "ru", "Эти показатели измеряют разные вещи."},
		{"en", "the gap between those two figures", "kk", "осы көрсеткіштердің арасындағы алшақтық"},
		{"ru", "пять человек", "en", "five people"},
		{"ru", "сорок лет", "kk", "қырық жыл"},
		{"kk", "бес адам", "en", "5 people"},
		{"ru", "2,8 млрд", "en", "2.8 billion"},
		// One and a half: полтора (полторы, полутора), бір жарым.
		{"en", "About 1,500 people attended.", "ru", "Около полутора тысяч человек пришли."},
		{"en", "1,500 people", "ru", "полторы тысячи человек"},
		{"en", "$1.5 million", "ru", "полтора миллиона долларов"},
		{"en", "About 1,500 people attended.", "kk", "Шамамен бір жарым мың адам келді."},
		{"en", "2.5 million", "kk", "екі жарым миллион"},
		// A third (of): треть, as үштен бірі has үш.
		{"en", "A third of voters stayed home.", "ru", "Треть избирателей остались дома."},
		{"en", "a third of the budget", "ru", "на треть бюджета"},
	}
	for _, tt := range tests {
		if fs := CheckNumbers(tt.sl, tt.src, tt.tl, tt.tgt); len(fs) != 0 {
			t.Errorf("%s %q / %s %q: %v", tt.sl, tt.src, tt.tl, tt.tgt, fs)
		}
	}
}

func TestNumbersDiffer(t *testing.T) {
	tests := []struct {
		sl, src, tl, tgt  string
		msg, value, found string
	}{
		{"en", "95 people", "ru", "59 человек", "qa.numbers.changed", "95", "59"},
		{"en", "95 people", "kk", "адамдар", "qa.numbers.missing", "95", ""},
		// A short year is still a number: another year, or dropped, is a finding.
		{"en", "their SS19 collection", "kk", "2018 жылғы жазғы топтамасы", "qa.numbers.changed", "19", "2018"},
		{"en", "their SS19 collection", "kk", "жазғы топтамасы", "qa.numbers.missing", "19", ""},
		{"en", "5 million", "ru", "5 тысяч", "qa.numbers.changed", "5 million", "5 тысяч"},
		{"en", "3.5", "ru", "3,6", "qa.numbers.changed", "3.5", "3,6"},
		{"en", "five people", "ru", "шесть человек", "qa.numbers.changed", "five", "шесть"},
		{"en", "forty", "kk", "елу", "qa.numbers.changed", "forty", "елу"},
		{"en", "at 10:30", "ru", "в 10:40", "qa.numbers.changed", "10:30", "10:40"},
		{"en", "385 miles", "ru", "360 км", "qa.numbers.changed", "385", "360"},
		{"en", "he is 5 feet 10 inches tall", "ru", "его рост 160 см", "qa.numbers.changed", "5", "160"},
		{"en", "there were two big newspapers", "kk", "үш үлкен газет болған", "qa.numbers.changed", "two", "үш"},
		{"en", "two 18-year-olds were arrested", "ru", "арестованы двое 19-летних", "qa.numbers.changed", "18", "19"},
		{"en", "the twelve months of the year", "kk", "жылдың он бip айы", "qa.numbers.changed", "twelve", "он бip"},
		{"en", "Three men, aged 33, 34 and 39, were arrested.", "ru", "Четверо мужчин в возрасте 33, 34 и 39 лет арестованы.", "qa.numbers.changed", "Three", "Четверо"},
		// Not the list's length: the count is required.
		{"en", "Three men, aged 33, 34, 35 and 39, were arrested.", "ru", "Мужчины в возрасте 33, 34, 35 и 39 лет арестованы.", "qa.numbers.missing", "Three", ""},
		{"en", "Two men were arrested. They are 33 and 34.", "ru", "Мужчины арестованы. Им 33 и 34 года.", "qa.numbers.missing", "Two", ""},
		{"en", "the 6-foot-6 forward", "kk", "6 фут-7 дюйм бойы бар форвард", "qa.numbers.changed", "6", "7"},
		{"en", "the 6-foot-6 forward", "ru", "трехметровый форвард", "qa.numbers.missing", "6", ""},
		{"en", "a 25-year-old", "ru", "двадцатишестилетний", "qa.numbers.missing", "25", ""},
		{"en", "in 2016–2018", "kk", "2016 жылы", "qa.numbers.missing", "2018", ""},
		// 9/11: the month may go, the day may not.
		{"en", "after 9/11", "ru", "после терактов 12 сентября", "qa.numbers.changed", "11", "12"},
		{"ru", "пятью", "en", "four", "qa.numbers.changed", "пятью", "four"},
		{"kk", "бесінші", "en", "sixth", "qa.numbers.changed", "бесінші", "sixth"},
		{"en", "XIX century", "kk", "XX ғасыр", "qa.numbers.changed", "XIX", "XX"},
		// An anaphoric number may go, but not become another one.
		{"en", "The two governments struck a deal.", "kk", "Жеті үкімет келісімге келді.", "qa.numbers.changed", "two", "Жеті"},
		{"en", "two figures", "ru", "показатели", "qa.numbers.missing", "two", ""},
		{"en", "2,500 people", "ru", "полторы тысячи человек", "qa.numbers.changed", "2,500", "полторы тысячи"},
		{"en", "3.5 million", "kk", "екі жарым миллион", "qa.numbers.changed", "3.5 million", "екі жарым миллион"},
	}
	for _, tt := range tests {
		fs := CheckNumbers(tt.sl, tt.src, tt.tl, tt.tgt)
		if len(fs) != 1 {
			t.Errorf("%q / %q: want one finding, got %v", tt.src, tt.tgt, fs)
			continue
		}
		f := fs[0]
		if f.Message != tt.msg || f.Data["Value"] != tt.value || tt.found != "" && f.Data["Found"] != tt.found {
			t.Errorf("%q / %q: got %s %v %v", tt.src, tt.tgt, f.Message, f.Data["Value"], f.Data["Found"])
		}
		if f.Severity != Error || f.Kind != Numbers || f.Lang != tt.tl || f.SrcLang != tt.sl {
			t.Errorf("%q: bad header %+v", tt.src, f)
		}
		if tt.src[f.Source.Start:f.Source.End] != tt.value {
			t.Errorf("%q: source span %v is %q", tt.src, f.Source, tt.src[f.Source.Start:f.Source.End])
		}
		if tt.found != "" && tt.tgt[f.Target.Start:f.Target.End] != tt.found {
			t.Errorf("%q: target span %v", tt.tgt, f.Target)
		}
		if tt.found == "" && f.Target.Valid() {
			t.Errorf("%q: a missing number has a target span %v", tt.tgt, f.Target)
		}
	}
}

// A measure the translation converts is expected converted: the finding
// names the metric figure and unit of the translation's language.
func TestNumbersExpectedConversion(t *testing.T) {
	tests := []struct{ sl, src, tl, tgt, want string }{
		{"en", "385 miles southwest", "ru", "360 км к юго-западу", "620 км"},
		{"en", "he is 5 feet 10 inches tall", "ru", "его рост 160 см", "1,78 м"},
		{"en", "winds of 85 mph", "kk", "жылдамдығы 100 км/сағ", "137 км/сағ"},
		{"en", "winds of 85 mph", "ru", "ветер 100 км/ч", "137 км/ч"},
		{"en", "a high of 100 degrees Fahrenheit", "ru", "до 30 градусов", "37,8 °C"},
		{"en", "3 to 6 inches", "ru", "до 7–10 см", "15,2 см"},
		{"en", "a 10-pound baby", "kk", "салмағы 3 кг сәби", "4,54 кг"},
		{"en", "20 gallons", "ru", "50 литров", "75,7 л"},
		// The translation keeps the unit: the figure itself.
		{"en", "385 miles southwest", "ru", "360 миль к юго-западу", "385"},
		// A time of day on the 12-hour clock, in the 24-hour one.
		{"en", "starts at 8 pm", "ru", "начнётся в 21:00", "20:00"},
		{"en", "at 7.30 p.m.", "kk", "сағат 20:30-да", "19:30"},
		{"en", "at 9 a.m.", "kk", "сағат 10:00-де", "9:00"},
	}
	for _, tt := range tests {
		fs := CheckNumbers(tt.sl, tt.src, tt.tl, tt.tgt)
		if len(fs) != 1 || fs[0].Data["Expected"] != tt.want || fs[0].Fix != tt.want {
			t.Errorf("%q / %q: want one finding expecting %q, got %v", tt.src, tt.tgt, tt.want, fs)
		}
	}
}

func TestExtractNumbersValues(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []float64
	}{
		{"en", "1,000,000 and 1 000 000", []float64{1e6, 1e6}},
		{"ru", "1,5 млн и 3 тыс.", []float64{1.5e6, 3000}},
		{"kk", "10 мың және он мыңдаған", []float64{10000, 10}},
		{"ru", "двести тысяч", []float64{200000}},
		{"kk", "екі мың он сегіз", []float64{2018}},
		{"en", "twenty-fifth", []float64{25}},
		{"ru", "двадцать пятого", []float64{25}},
		{"kk", "онда үшін оның", nil},
		{"en", "£125m", []float64{125e6}},
		{"en", "1,000.5 and 1.000,5", []float64{1000.5, 1000.5}},
		{"ru", "Двухметровый, двадцатипятилетнего, трёхсотлетие, девяностолетний, Трёхэтажный", []float64{2, 25, 300, 90, 3}},
		{"ru", "полуторачасовой фильм, тысячелетие, стометровка", []float64{1.5, 1000, 100}},
		// Not compounds of numerals (no head after the numeral, or
		// numerals in the wrong order), but for сорокалетиями.
		{"ru", "сторонний одноклассник семинар пятидвухлетний сорокалетиями", []float64{40}},
	}
	if imperial(inchUnit).Prefix != "inch" {
		t.Fatalf("inchUnit is %q", imperial(inchUnit).Prefix)
	}
	for _, tt := range tests {
		var got []float64
		for _, v := range ExtractNumbers(tt.lang, tt.text) {
			got = append(got, v.Number())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %q: got %v, want %v", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct{ lang, text, want string }{
		{"ru", "1,234,567", "1\u00a0234\u00a0567"},
		{"en", "1 234 567", "1,234,567"},
		{"en", "12 000", "12,000"},
		{"kk", "$2.8bn", "2,8 млрд"},
		{"en", "2,8 млрд", "2.8 billion"},
		{"ru", "5m", "5 млн"},
		{"kk", "3.5", "3,5"},
		{"en", "2019", "2019"},
		{"ru", "10:30", "10:30"},
	}
	for _, tt := range tests {
		vs := ExtractNumbers("en", tt.text)
		if got := FormatValue(vs[0], tt.lang); got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestNumbersIndexSizes: a translation with few numbers is searched one
// by one, one with many through maps; both find the same changed and
// missing values.
func TestNumbersIndexSizes(t *testing.T) {
	for _, n := range []int{2, smallIndex, smallIndex + 1, 3 * smallIndex} {
		var src, tgt []byte
		for i := 1; i <= n; i++ {
			src = append(src, itoa(i*11)+" and "...)
			if i == 2 {
				tgt = append(tgt, itoa(i*11+1)+" и "...) // 22 → 23
				continue
			}
			tgt = append(tgt, itoa(i*11)+" и "...)
		}
		src = append(src, "1950, 7 apples, 3.5%"...)
		tgt = append(tgt, "1960, 3,5 %"...)
		var got []string
		for _, f := range CheckNumbers("en", string(src), "ru", string(tgt)) {
			got = append(got, f.Message+" "+f.Data["Value"].(string))
		}
		want := []string{"qa.numbers.changed 22", "qa.numbers.changed 1950", "qa.numbers.missing 7"}
		if !slices.Equal(got, want) {
			t.Errorf("%d values: got %q, want %q", n, got, want)
		}
	}
}
