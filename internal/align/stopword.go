package align

import (
	"strings"

	"github.com/tilmash/tilmash/internal/lazy"
)

// Function words are translated, never transliterated, so their skeletons can only ever match by
// accident (English "would" and Russian "вложил" share f-l-t). Dropping the frequent ones removes
// most accidental anchors. Short words need no listing: their skeletons are below minSkeleton.
// Built on first use, not at every start of tilmash.
var stopwords = lazy.Value[map[string]map[string]bool]{New: func() map[string]map[string]bool {
	return map[string]map[string]bool{
		"en": set(`about above across after again against along also although among another around
		because been before behind being below between beyond both cannot could during either
		every first from further have having here herself himself however instead into itself
		just least less many more most much must myself neither never nothing other others
		otherwise over perhaps rather really said says several should since some something still
		such than that their them themselves then there therefore these they thing things this
		those though through throughout thus together toward towards under unless until upon very
		were what whatever when whenever where whether which while whom whose will with within
		without would years year people told according added asked called made make makes
		made take taken week weeks month months time times last next even only well back`),
		"ru": set(`более больше будет будут было были быть вместе вдруг всегда всего всех всем
		всему всеми всё все всю вся где говорит говорил говорила говорят даже должен должна
		должны других другие другой если есть ещё еще затем здесь именно иногда кроме когда
		который которая которое которые которых которым которой котором которому между может
		могут можно мы нас наш наша наше наши него неё нее нельзя несколько нет них ничего
		однако около опять перед после потом потому почти при пред против раз разве свой своя
		свои своих свое своё себя сейчас сказал сказала сказали словам среди так также такие
		такой там теперь тогда того тоже только том тот тут уже хотя чего чем через что чтобы
		чтоб этого этой этом этот эти этих этим эту является года году годах лет время
		время сегодня вчера завтра например поэтому отметил отметила заявил заявила`),
		"kk": set(`және мен бен пен немесе бірақ алайда сондай сондықтан себебі өйткені үшін
		туралы бойынша арқылы дейін кейін бері қарай сияқты секілді тәрізді бар жоқ емес
		болып болды болады болатын болған болса болу бұл осы сол мына ана олар оның оны
		оған онда одан біз бізде біздің сіз сіздің өз өзі өзінің өздері барлық әрбір кейбір
		бірнеше көп аз тағы да де ғана тек әлі енді қазір бүгін кеше ертең деп деді айтты
		жылы жыл жылдың жылғы кезде кезінде ретінде жөнінде жағынан арасында ішінде
		сәйкес қатысты байланысты`),
	}
}}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// isStopword reports whether lower (a lower-case word) is a function word of lang.
func isStopword(lang, lower string) bool {
	return stopwords.Get()[lang][lower]
}
