package segment

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

type segCase struct {
	name, in string
	want     []string
}

// runCases segments each case with the built-in rules of lang and compares
// the segment texts; every result must also tile its input.
func runCases(t *testing.T, lang string, cases []segCase) {
	t.Helper()
	seg, err := ForLanguage(lang)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			segs := seg.Segment(c.in)
			checkTiling(t, c.in, segs)
			got := texts(segs)
			if !slices.Equal(got, c.want) {
				t.Errorf("Segment(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func texts(segs []Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Text
	}
	return out
}

func TestAbbreviations(t *testing.T) {
	t.Run("en", func(t *testing.T) {
		runCases(t, "en", []segCase{
			{"titles", "Mr. Ospanov met Mrs. Ospanova and Dr. Kim in Astana. Gen. Zhaksylykov was absent.",
				[]string{"Mr. Ospanov met Mrs. Ospanova and Dr. Kim in Astana.", "Gen. Zhaksylykov was absent."}},
			{"saint", "The delegation flew on to St. Petersburg. Talks resume on Monday.",
				[]string{"The delegation flew on to St. Petersburg.", "Talks resume on Monday."}},
			{"acronym in a name", "The U.S. Embassy in Astana and the U.N. Development Programme signed the deal.",
				[]string{"The U.S. Embassy in Astana and the U.N. Development Programme signed the deal."}},
			{"acronym at the end", "Grain exports rose to the U.S. The ministry expects more in 2025.",
				[]string{"Grain exports rose to the U.S.", "The ministry expects more in 2025."}},
			{"latin", "Several regions, e.g. Abai and Zhetysu, reported floods, i.e. more than last year.",
				[]string{"Several regions, e.g. Abai and Zhetysu, reported floods, i.e. more than last year."}},
			{"etc before a capital", "The fair sold wheat, barley, sunflower oil, etc. Prices stayed flat.",
				[]string{"The fair sold wheat, barley, sunflower oil, etc.", "Prices stayed flat."}},
			{"month before a number", "The law takes effect on Jan. 1 next year. Dec. 31 is a working day.",
				[]string{"The law takes effect on Jan. 1 next year.", "Dec. 31 is a working day."}},
			{"number sign", "The decree No. 152 was published on Friday. No. It was not signed.",
				[]string{"The decree No. 152 was published on Friday.", "No.", "It was not signed."}},
			{"a.m.", "The flight lands at 7 a.m. Astana time. It was delayed twice.",
				[]string{"The flight lands at 7 a.m. Astana time.", "It was delayed twice."}},
		})
	})
	t.Run("ru", func(t *testing.T) {
		runCases(t, "ru", []segCase{
			{"city and street", "Встреча прошла в г. Алматы на ул. Кунаева. Участники обсудили бюджет.",
				[]string{"Встреча прошла в г. Алматы на ул. Кунаева.", "Участники обсудили бюджет."}},
			{"year mid-sentence", "В 2019 г. Казахстан принял закон о местном самоуправлении.",
				[]string{"В 2019 г. Казахстан принял закон о местном самоуправлении."}},
			{"year at the end", "Закон вступил в силу 1 января 2020 г. Правительство подготовило поправки.",
				[]string{"Закон вступил в силу 1 января 2020 г.", "Правительство подготовило поправки."}},
			{"year ending a short sentence", "Рост ВВП составил 5,1% в 2023 г. По данным МВФ, рост замедлится.",
				[]string{"Рост ВВП составил 5,1% в 2023 г.", "По данным МВФ, рост замедлится."}},
			{"date opening a sentence", "С 1 января 2020 г. Нацбанк публикует прогнозы. Их ждут аналитики.",
				[]string{"С 1 января 2020 г. Нацбанк публикует прогнозы.", "Их ждут аналитики."}},
			{"street at the start", "Ул. Абая перекроют до 5 мая. Объезд — по пр. Сейфуллина.",
				[]string{"Ул. Абая перекроют до 5 мая.", "Объезд — по пр. Сейфуллина."}},
			{"years", "В 1990-х гг. в республике закрылись сотни заводов.",
				[]string{"В 1990-х гг. в республике закрылись сотни заводов."}},
			{"that is", "Бюджет вырос на 7%, т.е. на 900 млрд тенге. Т. е. рост замедлился.",
				[]string{"Бюджет вырос на 7%, т.е. на 900 млрд тенге.", "Т. е. рост замедлился."}},
			{"and so on", "На ярмарке продавали мед, сыр, мясо и т.д. Цены остались прежними.",
				[]string{"На ярмарке продавали мед, сыр, мясо и т.д.", "Цены остались прежними."}},
			{"and so on, spaced", "Обсуждали тарифы, дороги и т. п. Решения пока нет.",
				[]string{"Обсуждали тарифы, дороги и т. п.", "Решения пока нет."}},
			{"others", "Выступили министры, акимы и др. участники совещания.",
				[]string{"Выступили министры, акимы и др. участники совещания."}},
			{"named after", "Студенты КазНУ им. аль-Фараби и ЕНУ им. Л. Н. Гумилева победили в олимпиаде.",
				[]string{"Студенты КазНУ им. аль-Фараби и ЕНУ им. Л. Н. Гумилева победили в олимпиаде."}},
			{"million", "Проект обойдется в 5 млн долларов, а второй этап — в 2 млрд тенге.",
				[]string{"Проект обойдется в 5 млн долларов, а второй этап — в 2 млрд тенге."}},
			{"rouble", "Билет стоит 500 руб. в один конец. Обратный дешевле.",
				[]string{"Билет стоит 500 руб. в один конец.", "Обратный дешевле."}},
			{"see", "Подробности см. Приложение 2. Таблица обновлена.",
				[]string{"Подробности см. Приложение 2.", "Таблица обновлена."}},
			{"era", "Городище основано в V в. до н.э. Раскопки продолжаются.",
				[]string{"Городище основано в V в. до н.э.", "Раскопки продолжаются."}},
			// A title that opens a sentence is written with a capital.
			{"titles at the start", "Лекцию прочёл проф. Иванов. Проф. Иванов ответил на вопросы. Акад. Сатпаев основал институт. Доц. Ким не пришёл.",
				[]string{"Лекцию прочёл проф. Иванов.", "Проф. Иванов ответил на вопросы.", "Акад. Сатпаев основал институт.", "Доц. Ким не пришёл."}},
			{"roubles and kopecks", "Доллар стоил 3 руб. 50 коп. Теперь он дороже. Цена — 5 руб.",
				[]string{"Доллар стоил 3 руб. 50 коп.", "Теперь он дороже.", "Цена — 5 руб."}},
		})
	})
	t.Run("kk", func(t *testing.T) {
		runCases(t, "kk", []segCase{
			{"year", "2019 ж. Қазақстанда жаңа заң қабылданды. Ол 2020 ж. күшіне енді.",
				[]string{"2019 ж. Қазақстанда жаңа заң қабылданды.", "Ол 2020 ж. күшіне енді."}},
			{"years", "1990–1995 жж. республикада жүздеген зауыт жабылды.",
				[]string{"1990–1995 жж. республикада жүздеген зауыт жабылды."}},
			{"and others", "Жәрмеңкеде бал, ірімшік, ет т.б. сатылды. Бағалар өзгерген жоқ.",
				[]string{"Жәрмеңкеде бал, ірімшік, ет т.б. сатылды.", "Бағалар өзгерген жоқ."}},
			{"and so on", "Тарифтер, жолдар т.с.с. мәселелер талқыланды.",
				[]string{"Тарифтер, жолдар т.с.с. мәселелер талқыланды."}},
			{"million", "Жобаға 5 млн. АҚШ доллары бөлінді. Екінші кезеңге 2 млрд. Теңге қажет.",
				[]string{"Жобаға 5 млн. АҚШ доллары бөлінді.", "Екінші кезеңге 2 млрд. Теңге қажет."}},
			{"before our era", "Қалашық б.з.б. V ғасырда салынған. Қазба жұмыстары жалғасып жатыр.",
				[]string{"Қалашық б.з.б. V ғасырда салынған.", "Қазба жұмыстары жалғасып жатыр."}},
			{"republic", "ҚР Үкіметі жаңа бағдарламаны бекітті. ҚР. Парламенті оны талқылайды.",
				[]string{"ҚР Үкіметі жаңа бағдарламаны бекітті.", "ҚР. Парламенті оны талқылайды."}},
			{"titles at the start", "Дәрісті проф. Сейітов оқыды. Проф. Сейітов сұрақтарға жауап берді. Акад. Сәтбаев институт ашты.",
				[]string{"Дәрісті проф. Сейітов оқыды.", "Проф. Сейітов сұрақтарға жауап берді.", "Акад. Сәтбаев институт ашты."}},
		})
	})
}

func TestInitials(t *testing.T) {
	cases := map[string][]segCase{
		"en": {
			{"one", "The decree was signed by K. Tokayev on Monday.", []string{"The decree was signed by K. Tokayev on Monday."}},
			{"hyphenated", "President K.-J. Tokayev met the delegation.", []string{"President K.-J. Tokayev met the delegation."}},
			{"several", "J. R. R. Tolkien is popular in Kazakhstan too.", []string{"J. R. R. Tolkien is popular in Kazakhstan too."}},
			{"transliterated", "A monument to Sh. Ualikhanov stands in Kokshetau.", []string{"A monument to Sh. Ualikhanov stands in Kokshetau."}},
		},
		"ru": {
			{"one", "Указ подписал Н. Назарбаев. Документ опубликован.", []string{"Указ подписал Н. Назарбаев.", "Документ опубликован."}},
			{"hyphenated", "Президент К.-Ж. Токаев провел совещание.", []string{"Президент К.-Ж. Токаев провел совещание."}},
			{"two", "Доклад сделал А. С. Пушкин из Алматы.", []string{"Доклад сделал А. С. Пушкин из Алматы."}},
			{"Dzh", "В Астану прилетел Дж. Байден.", []string{"В Астану прилетел Дж. Байден."}},
		},
		"kk": {
			{"hyphenated", "Мемлекет басшысы Қ.-Ж. Тоқаев жиын өткізді.", []string{"Мемлекет басшысы Қ.-Ж. Тоқаев жиын өткізді."}},
			{"one", "Кітапты Ә. Кекілбаев жазған. Ол 1970 жылы шықты.", []string{"Кітапты Ә. Кекілбаев жазған.", "Ол 1970 жылы шықты."}},
			{"without spaces", "Н.Ә. Назарбаев 2019 ж. отставкаға кетті.", []string{"Н.Ә. Назарбаев 2019 ж. отставкаға кетті."}},
		},
	}
	for lang, cs := range cases {
		t.Run(lang, func(t *testing.T) { runCases(t, lang, cs) })
	}
}

func TestNumbers(t *testing.T) {
	cases := map[string][]segCase{
		"en": {
			{"decimals and thousands", "Inflation slowed to 8.5 percent, and 1,000 families got 3,5 million tenge in aid.",
				[]string{"Inflation slowed to 8.5 percent, and 1,000 families got 3,5 million tenge in aid."}},
			{"spaced thousands", "The region harvested 1 000 tonnes. That is a record.", []string{"The region harvested 1 000 tonnes.", "That is a record."}},
			{"time and date", "The session opened at 10.30 on 31.07.2019 in Astana.", []string{"The session opened at 10.30 on 31.07.2019 in Astana."}},
			{"ordinal", "Kazakhstan finished 3rd. The 4th place went to Uzbekistan.", []string{"Kazakhstan finished 3rd.", "The 4th place went to Uzbekistan."}},
			{"number at the end", "The death toll rose to 12. Rescuers are still searching.", []string{"The death toll rose to 12.", "Rescuers are still searching."}},
		},
		"ru": {
			{"decimal comma", "Инфляция замедлилась до 8,5%. Нацбанк снизил ставку до 14,25%.", []string{"Инфляция замедлилась до 8,5%.", "Нацбанк снизил ставку до 14,25%."}},
			{"date and time", "Заседание началось 31.07.2019 в 10.30 в Астане.", []string{"Заседание началось 31.07.2019 в 10.30 в Астане."}},
			{"ordinal", "Команда заняла 3-е место. 1-го сентября начнется сезон.", []string{"Команда заняла 3-е место.", "1-го сентября начнется сезон."}},
			{"article", "Согласно ст. 5 закона, п. 2 утратил силу.", []string{"Согласно ст. 5 закона, п. 2 утратил силу."}},
		},
		"kk": {
			{"decimal comma", "Инфляция 8,5%-ға дейін баяулады. Ұлттық банк мөлшерлемені 14,25%-ға түсірді.", []string{"Инфляция 8,5%-ға дейін баяулады.", "Ұлттық банк мөлшерлемені 14,25%-ға түсірді."}},
			{"ordinal", "Құрама 3-орынға ие болды. 5-ші турда ол жеңілді.", []string{"Құрама 3-орынға ие болды.", "5-ші турда ол жеңілді."}},
			{"date", "Отырыс 31.07.2019 сағат 10.30-да басталды.", []string{"Отырыс 31.07.2019 сағат 10.30-да басталды."}},
		},
	}
	for lang, cs := range cases {
		t.Run(lang, func(t *testing.T) { runCases(t, lang, cs) })
	}
}

func TestURLsAndEmails(t *testing.T) {
	cases := map[string][]segCase{
		"en": {{"url and e-mail", "Read the decree at https://www.akorda.kz/en/decree?id=5.1 or write to press@akorda.kz. The office answers in a week.",
			[]string{"Read the decree at https://www.akorda.kz/en/decree?id=5.1 or write to press@akorda.kz.", "The office answers in a week."}}},
		"ru": {{"url", "Текст опубликован на сайте www.gov.kz. Вопросы принимают по адресу info@gov.kz.",
			[]string{"Текст опубликован на сайте www.gov.kz.", "Вопросы принимают по адресу info@gov.kz."}}},
		"kk": {{"url", "Құжат egov.kz порталында жарияланды. Сұрақтарды info@egov.kz поштасына жіберіңіз.",
			[]string{"Құжат egov.kz порталында жарияланды.", "Сұрақтарды info@egov.kz поштасына жіберіңіз."}}},
	}
	for lang, cs := range cases {
		t.Run(lang, func(t *testing.T) { runCases(t, lang, cs) })
	}
}

func TestEllipsesAndStops(t *testing.T) {
	cases := map[string][]segCase{
		"en": {
			{"ellipsis then capital", "The minister paused... Then he left the room.", []string{"The minister paused...", "Then he left the room."}},
			{"ellipsis then lower case", "The result was, well… disappointing for the team.", []string{"The result was, well… disappointing for the team."}},
			{"?! and !!!", "Who pays for the new stadium?! Nobody knows!!! The audit starts soon.", []string{"Who pays for the new stadium?!", "Nobody knows!!!", "The audit starts soon."}},
			{"omission in a quotation", "He wrote that the reform (...) Would take years.", []string{"He wrote that the reform (...) Would take years."}},
		},
		"ru": {
			{"ellipsis", "Министр помолчал… Потом вышел из зала.", []string{"Министр помолчал…", "Потом вышел из зала."}},
			{"ellipsis, lower case", "Итог был, скажем так... неожиданным.", []string{"Итог был, скажем так... неожиданным."}},
			{"?!", "Кто заплатит за стадион?! Ответа нет.", []string{"Кто заплатит за стадион?!", "Ответа нет."}},
		},
		"kk": {
			{"ellipsis", "Министр үнсіз қалды… Сосын залдан шықты.", []string{"Министр үнсіз қалды…", "Сосын залдан шықты."}},
			{"?!", "Стадионға кім төлейді?! Жауап жоқ.", []string{"Стадионға кім төлейді?!", "Жауап жоқ."}},
		},
	}
	for lang, cs := range cases {
		t.Run(lang, func(t *testing.T) { runCases(t, lang, cs) })
	}
}

func TestClosingQuotesAndBrackets(t *testing.T) {
	cases := map[string][]segCase{
		"en": {
			{"quote", `He called the plan "a historic step." The opposition disagreed.`, []string{`He called the plan "a historic step."`, "The opposition disagreed."}},
			{"bracket", "Turnout was high (about 68%.) Results come on Monday.", []string{"Turnout was high (about 68%.)", "Results come on Monday."}},
			{"whole sentence in brackets", "The vote ended at 20:00. (Some stations closed later.) Counting began at once.", []string{"The vote ended at 20:00.", "(Some stations closed later.)", "Counting began at once."}},
			{"question and speaker", `"Is it safe?" Sadykova asked. Nobody answered.`, []string{`"Is it safe?" Sadykova asked.`, "Nobody answered."}},
		},
		"ru": {
			{"guillemets", "Он назвал план «историческим шагом». Оппозиция не согласилась.", []string{"Он назвал план «историческим шагом».", "Оппозиция не согласилась."}},
			{"stop inside", "Аким сказал: «Работы завершим к осени.» Жители ждут.", []string{"Аким сказал: «Работы завершим к осени.»", "Жители ждут."}},
			{"bracket", "Явка была высокой (около 68%). Итоги объявят в понедельник.", []string{"Явка была высокой (около 68%).", "Итоги объявят в понедельник."}},
		},
		"kk": {
			{"quotes", "Ол жоспарды «тарихи қадам» деп атады. Оппозиция келіспеді.", []string{"Ол жоспарды «тарихи қадам» деп атады.", "Оппозиция келіспеді."}},
			{"stop inside", "Әкім: «Жұмысты күзге дейін аяқтаймыз.» Тұрғындар күтуде.", []string{"Әкім: «Жұмысты күзге дейін аяқтаймыз.»", "Тұрғындар күтуде."}},
			{"curly quotes", "Ол “бәрі жақсы болады!” деп сендірді. Кездесу аяқталды.", []string{"Ол “бәрі жақсы болады!” деп сендірді.", "Кездесу аяқталды."}},
		},
	}
	for lang, cs := range cases {
		t.Run(lang, func(t *testing.T) { runCases(t, lang, cs) })
	}
}

func TestDirectSpeech(t *testing.T) {
	cases := map[string][]segCase{
		"ru": {
			{"comma", "«Мы завершим ремонт до зимы», — сказал он. Жители остались довольны.", []string{"«Мы завершим ремонт до зимы», — сказал он.", "Жители остались довольны."}},
			{"exclamation", "«Мы готовы!» — заявил аким. Работы начнутся завтра.", []string{"«Мы готовы!» — заявил аким.", "Работы начнутся завтра."}},
			{"question", "«Когда откроют школу?» — спросила жительница села. Ответа не было.", []string{"«Когда откроют школу?» — спросила жительница села.", "Ответа не было."}},
			{"dialogue", "— Когда начнете? — спросил журналист.\n— Уже в мае, — ответил министр.", []string{"— Когда начнете? — спросил журналист.", "— Уже в мае, — ответил министр."}},
			{"speech after attribution", "«Это важно», — сказал он. — «Но денег мало».", []string{"«Это важно», — сказал он.", "— «Но денег мало»."}},
		},
		"kk": {
			{"comma", "«Жөндеуді қысқа дейін аяқтаймыз», — деді ол. Тұрғындар риза болды.", []string{"«Жөндеуді қысқа дейін аяқтаймыз», — деді ол.", "Тұрғындар риза болды."}},
			{"exclamation", "«Біз дайынбыз!» — деді әкім. Жұмыс ертең басталады.", []string{"«Біз дайынбыз!» — деді әкім.", "Жұмыс ертең басталады."}},
			{"en dash", "«Мектеп қашан ашылады?» – деп сұрады ауыл тұрғыны. Жауап болмады.", []string{"«Мектеп қашан ашылады?» – деп сұрады ауыл тұрғыны.", "Жауап болмады."}},
		},
		"en": {
			{"exclamation and speaker", `"There's a fire in the market!" Omarov shouted. Firefighters came at once.`, []string{`"There's a fire in the market!" Omarov shouted.`, "Firefighters came at once."}},
			{"lower-case speaker", `"Are we ready?" he asked. Nobody answered.`, []string{`"Are we ready?" he asked.`, "Nobody answered."}},
		},
	}
	for lang, cs := range cases {
		t.Run(lang, func(t *testing.T) { runCases(t, lang, cs) })
	}
}

func TestLowerCaseContinuation(t *testing.T) {
	cases := map[string][]segCase{
		"en": {{"after an abbreviation we do not know", "The firm Zhol Kurylys Ltd. and its partner won the tender.", []string{"The firm Zhol Kurylys Ltd. and its partner won the tender."}}},
		"ru": {{"after an unknown abbreviation", "Площадь составила 120 кв. м в центре города.", []string{"Площадь составила 120 кв. м в центре города."}}},
		"kk": {{"after an unknown abbreviation", "Ауданы 120 ш. м болатын пәтер сатылды.", []string{"Ауданы 120 ш. м болатын пәтер сатылды."}}},
	}
	for lang, cs := range cases {
		t.Run(lang, func(t *testing.T) { runCases(t, lang, cs) })
	}
}

func TestBlocks(t *testing.T) {
	runCases(t, "en", []segCase{
		{"blank lines", "First paragraph ends here\n\nSecond paragraph.", []string{"First paragraph ends here", "Second paragraph."}},
		{"heading", "# Budget 2025\nThe Senate passed the budget. It grows by 7%.", []string{"# Budget 2025", "The Senate passed the budget.", "It grows by 7%."}},
		{"list items", "Key points:\n- taxes stay the same\n- pensions grow by 8%\n1. first reading\n2) second reading", []string{"Key points:", "- taxes stay the same", "- pensions grow by 8%", "1. first reading", "2) second reading"}},
		{"block quote", "The decree says:\n> All schools open on 1 September.\n> Classes start at 8.30.\nIt was signed on Friday.", []string{"The decree says:", "> All schools open on 1 September.", "> Classes start at 8.30.", "It was signed on Friday."}},
		{"soft wrap", "The Senate passed the budget on\nThursday after a long debate.", []string{"The Senate passed the budget on\nThursday after a long debate."}},
		{"fenced code", "Run this:\n\n```\ntilmash segment a.txt. Then b.txt.\n```", []string{"Run this:", "```\ntilmash segment a.txt. Then b.txt.\n```"}},
		{"thematic break", "One.\n\n***\n\nTwo.", []string{"One.", "***", "Two."}},
		{"crlf", "First line.\r\n\r\nSecond line.\r\n", []string{"First line.", "Second line."}},
		{"empty", "", nil},
		{"white space only", " \n\t\n \u00a0 \n", nil},
	})
}

func TestTitleLines(t *testing.T) {
	cases := map[string][]segCase{
		"en": {
			{"headline over a paragraph", "Tokayev signs media law\nThe President signed the law on Monday.", []string{"Tokayev signs media law", "The President signed the law on Monday."}},
			{"dateline", "ASTANA, 3 March (Kazinform)\nThe Senate met today.", []string{"ASTANA, 3 March (Kazinform)", "The Senate met today."}},
			{"caption", "Photo: Akorda press service\n\nThe meeting lasted two hours.", []string{"Photo: Akorda press service", "The meeting lasted two hours."}},
			{"hard-wrapped paragraph", "The Senate passed the new budget on Thursday after a debate of six\nhours, and the deputies from the Ak Zhol party voted against it as\nthey had promised. The President is expected to sign it within a\nMonth.", []string{"The Senate passed the new budget on Thursday after a debate of six\nhours, and the deputies from the Ak Zhol party voted against it as\nthey had promised.", "The President is expected to sign it within a\nMonth."}},
		},
		"ru": {
			{"headline", "Токаев подписал закон о СМИ\nПрезидент подписал закон в понедельник.", []string{"Токаев подписал закон о СМИ", "Президент подписал закон в понедельник."}},
		},
		"kk": {
			{"headline", "Тоқаев БАҚ туралы заңға қол қойды\nМемлекет басшысы заңға дүйсенбі күні қол қойды.", []string{"Тоқаев БАҚ туралы заңға қол қойды", "Мемлекет басшысы заңға дүйсенбі күні қол қойды."}},
		},
	}
	for lang, cs := range cases {
		t.Run(lang, func(t *testing.T) { runCases(t, lang, cs) })
	}
}

// TestRunInHeadline covers a headline that lost its line break and runs
// into the first paragraph.
func TestRunInHeadline(t *testing.T) {
	cases := map[string][]segCase{
		"en": {
			{"starter word", "Astana hosts regional water summit The summit opened on Tuesday with delegations from five countries. It ends on Friday.",
				[]string{"Astana hosts regional water summit", "The summit opened on Tuesday with delegations from five countries.", "It ends on Friday."}},
			{"one sentence has no headline", "Astana hosts regional water summit The summit opened on Tuesday.",
				[]string{"Astana hosts regional water summit The summit opened on Tuesday."}},
			{"a name with an article", "The minister told The Astana Times that the plan works. Critics disagree.",
				[]string{"The minister told The Astana Times that the plan works.", "Critics disagree."}},
			{"a title before a name", "Why has President Tokayev changed the plan? The answer came on Monday.",
				[]string{"Why has President Tokayev changed the plan?", "The answer came on Monday."}},
			{"title case", "Flood Waters Recede in North Kazakhstan Villages Residents began returning home on Sunday after the river fell. Many residents lost their harvest.",
				[]string{"Flood Waters Recede in North Kazakhstan Villages", "Residents began returning home on Sunday after the river fell.", "Many residents lost their harvest."}},
			{"no headline", "President Tokayev arrived in Turkistan on Monday. He met students.",
				[]string{"President Tokayev arrived in Turkistan on Monday.", "He met students."}},
			{"names inside", "The Senate of Kazakhstan approved the Aral Sea programme on Friday. Work starts soon.",
				[]string{"The Senate of Kazakhstan approved the Aral Sea programme on Friday.", "Work starts soon."}},
		},
		"ru": {
			{"starter word", "В Астане открылся водный саммит В понедельник в столицу прибыли делегации пяти стран. Саммит продлится три дня.",
				[]string{"В Астане открылся водный саммит", "В понедельник в столицу прибыли делегации пяти стран.", "Саммит продлится три дня."}},
			{"adjective of a name", "Делегация обсудила транзит через территорию Македонии и Греции. Македонский министр согласился.",
				[]string{"Делегация обсудила транзит через территорию Македонии и Греции.", "Македонский министр согласился."}},
			{"common word", "Паводок отступил от сел Северо-Казахстанской области Жители начали возвращаться домой, когда уровень воды в реке упал. Многие жители потеряли урожай.",
				[]string{"Паводок отступил от сел Северо-Казахстанской области", "Жители начали возвращаться домой, когда уровень воды в реке упал.", "Многие жители потеряли урожай."}},
			{"no headline", "Президент Казахстана Касым-Жомарт Токаев прибыл в Туркестан. Он встретился со студентами.",
				[]string{"Президент Казахстана Касым-Жомарт Токаев прибыл в Туркестан.", "Он встретился со студентами."}},
		},
		"kk": {
			{"starter word", "Астанада су саммиті ашылды Бұл жиынға бес елдің делегациясы келді. Саммит үш күнге созылады.",
				[]string{"Астанада су саммиті ашылды", "Бұл жиынға бес елдің делегациясы келді.", "Саммит үш күнге созылады."}},
			{"no headline", "Мемлекет басшысы Қасым-Жомарт Тоқаев Түркістанға келді. Ол студенттермен кездесті.",
				[]string{"Мемлекет басшысы Қасым-Жомарт Тоқаев Түркістанға келді.", "Ол студенттермен кездесті."}},
		},
	}
	for lang, cs := range cases {
		t.Run(lang, func(t *testing.T) { runCases(t, lang, cs) })
	}
}

func TestSegmentFields(t *testing.T) {
	seg, err := ForLanguage("en")
	if err != nil {
		t.Fatal(err)
	}
	in := "# Akmola news\n\nFloods hit Kokshetau\nRivers rose overnight. Roads closed.\n\n- Schools shut.\n"
	segs := seg.Segment(in)
	checkTiling(t, in, segs)
	type row struct {
		text    string
		para    int
		heading bool
	}
	var got []row
	for _, s := range segs {
		got = append(got, row{s.Text, s.Para, s.Heading})
	}
	want := []row{
		{"# Akmola news", 0, true},
		{"Floods hit Kokshetau", 1, true},
		{"Rivers rose overnight.", 1, false},
		{"Roads closed.", 1, false},
		{"- Schools shut.", 2, false},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestUnknownLanguage(t *testing.T) {
	_, err := ForLanguage("de")
	var le *locale.Error
	if !errors.As(err, &le) || le.ID != "segment.lang.unsupported" || le.Data["Lang"] != "de" {
		t.Fatalf("ForLanguage(de) error = %v, want segment.lang.unsupported", err)
	}
	if _, err := DefaultRules(""); err == nil {
		t.Error("DefaultRules(\"\") gave no error")
	}
}

// TestConcurrentUse runs one segmenter from many goroutines; with -race it
// shows that Segment shares no mutable state.
func TestConcurrentUse(t *testing.T) {
	seg, err := ForLanguage("ru")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Repeat("Аким г. Алматы Е. Досаев открыл школу. «Мы рады!» — сказал он.\n\n", 50)
	want := texts(seg.Segment(in))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := texts(seg.Segment(in)); !slices.Equal(got, want) {
					t.Error("concurrent Segment gave a different result")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestAbbreviationFastPath checks that the abbreviation matcher decides
// exactly as its exported regular expression does, on the fixtures and
// the table inputs.
func TestAbbreviationFastPath(t *testing.T) {
	inputs := fixtureTexts(t)
	for _, lang := range Languages() {
		fast, _ := DefaultRules(lang)
		slow := fast.Clone()
		for i, x := range slow.Rules {
			if x.Abbreviations != nil {
				slow.Rules[i].Before = AbbreviationPattern(x.Abbreviations)
				slow.Rules[i].Abbreviations = nil
			}
		}
		fs, ss := New(fast), New(slow)
		for _, in := range inputs {
			if a, b := texts(fs.Segment(in)), texts(ss.Segment(in)); !slices.Equal(a, b) {
				t.Errorf("%s: abbreviation list and its pattern disagree on %q:\n%q\n%q", lang, in, a, b)
			}
		}
	}
}

// TestEachGivesTheSegments checks that Each, which hands the segments over
// a block at a time, gives exactly what Segment returns on every fixture.
func TestEachGivesTheSegments(t *testing.T) {
	for _, text := range append(fixtureTexts(t), "# T\n\nA. B.\n\n```\ncode\n", "- a. b\n- c\n> q. r\n\nx") {
		for _, lang := range Languages() {
			seg, err := ForLanguage(lang)
			if err != nil {
				t.Fatal(err)
			}
			var got []Segment
			seg.Each(text, func(s Segment) { got = append(got, s) })
			if want := seg.Segment(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: Each gave %v, Segment %v", lang, got, want)
			}
		}
	}
}
