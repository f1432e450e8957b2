package qa

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tilmash/tilmash/internal/numword"
)

// CheckNumbers compares the numbers of a source text and its translation by
// value. Every number of the source must be in the translation (soft ones
// aside, see [Value]); a source number that is not is reported as changed
// when the translation has a number of its own left over (the first such,
// in order), and as missing otherwise. Numbers the translation adds are not
// reported: translators write "10 лет" for "a decade".
func CheckNumbers(srcLang, src, lang, tgt string) []Finding {
	return checkNumbers(srcLang, ExtractNumbers(srcLang, src), lang, tgt)
}

// checkNumbers is CheckNumbers with the source's numbers sv read before;
// it does not change them, so one source's serve all its translations.
func checkNumbers(srcLang string, sv []Value, lang, tgt string) []Finding {
	if len(sv) == 0 {
		return nil
	}
	sc := numScratches.Get().(*numScratch)
	tv, buf := extractNumbers(sc.vals[:0], sc.buf, lang, tgt, false)
	defer func() {
		clear(tv)
		sc.vals, sc.buf = tv[:0], buf
		numScratches.Put(sc)
	}()
	cloned := false
	// A translation that keeps the imperial unit (550 фунт) must keep its
	// figure: no conversion, and a measure given again in brackets is
	// required too.
	var lower []byte
	var mentioned [maxUnits]int8 // by unit, each looked up once: 1 yes, -1 no
	for i := range sv {
		if u := sv[i].unit; u > 0 {
			if lower == nil {
				// strings.ToLower(tgt), with the Cyrillic table
				lower = appendLower(sc.lower[:0], tgt)
				sc.lower = lower
			}
			if mentioned[u] == 0 {
				mentioned[u] = -1
				if mentionsUnit(lower, u) {
					mentioned[u] = 1
				}
			}
			if mentioned[u] > 0 {
				if !cloned {
					sv, cloned = slices.Clone(sv), true
				}
				sv[i].keys = slices.DeleteFunc(slices.Clone(sv[i].keys), func(k key) bool { return k.kind == kApprox })
				sv[i].unit = 0
				if sv[i].paren {
					sv[i].Soft = false
				}
			}
		}
	}
	return compareNumbers(srcLang, lang, sv, tv)
}

// numScratch is the room checkNumbers reads a translation into: its values,
// its lower case and the extractor's word buffer. New ones for every text
// were half of the numbers check's garbage; findings keep spans and
// strings, never these.
type numScratch struct {
	vals       []Value
	lower, buf []byte
}

// maxUnits bounds a unit's number (1 + its number in package numword).
const maxUnits = 32

var _ [maxUnits - 1 - numword.Units]struct{} // a unit more than maxUnits allows does not compile

var numScratches = sync.Pool{New: func() any { return new(numScratch) }}

// figureText is the figure of a value's text without the letters after it
// (80s, 5m, 19th).
func figureText(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return r > '9' || r < '0' })
}

func compareNumbers(srcLang, lang string, sv, tv []Value) []Finding {
	// Most texts have a few numbers: their marks on the stack.
	var sArr, tArr [16]bool
	sUsed, tUsed := sArr[:0], tArr[:0]
	if len(sv) > len(sArr) {
		sUsed = make([]bool, len(sv))
	}
	if len(tv) > len(tArr) {
		tUsed = make([]bool, len(tv))
	}
	sUsed, tUsed = sUsed[:len(sv)], tUsed[:len(tv)]
	var approxArr [2][smallIndex]approxKey
	ix := newTargetIndex(tv, tUsed, approxArr[0][:0], approxArr[1][:0])
	// Required values before soft ones; exact matches first, except that
	// an imperial measure looks for its metric conversion before its own
	// figure (10 inches is 25 cm, not the 10 of the next range).
	for pass := 0; pass < 6; pass++ {
		soft, step := pass >= 3, pass%3
		for i := range sv {
			if sUsed[i] || sv[i].Soft != soft || (step == 0) == (sv[i].unit > 0) && step != 2 {
				continue
			}
			if step == 2 && sv[i].unit == 0 {
				continue
			}
			// Hard values of the translation first, then soft ones; a
			// measure's own figure before the one given in brackets.
			own := sv[i]
			if own.own > 0 {
				own.keys = own.keys[:own.own]
			}
			for _, try := range []struct {
				soft bool
				v    Value
			}{{false, own}, {false, sv[i]}, {true, sv[i]}} {
				if try.soft && ix.twin(sv[i]) >= 0 {
					continue
				}
				if j := ix.find(try.v, try.soft, step == 1); j >= 0 {
					sUsed[i], tUsed[j] = true, true
					break
				}
			}
		}
	}
	var out []Finding
	next := 0
	for i, s := range sv {
		if sUsed[i] {
			continue
		}
		if s.Soft {
			// A soft value is not required, but one changed by a digit
			// (the 80s → 81) is still a change.
			twin := ix.twin(s)
			if twin < 0 && s.anaph {
				twin = otherWord(tv, tUsed)
			}
			if twin < 0 {
				continue
			}
			t := tv[twin]
			tUsed[twin] = true
			out = append(out, Finding{Kind: Numbers, Severity: Error, Lang: lang, SrcLang: srcLang,
				Source: Span{s.Start, s.End}, Target: Span{t.Start, t.End}, Message: "qa.numbers.changed", Fix: expected(s, lang),
				Data: map[string]any{"Value": s.Text, "Expected": expected(s, lang), "Found": t.Text, "SrcLang": srcLang, "Lang": lang}})
			continue
		}
		f := Finding{Kind: Numbers, Severity: Error, Lang: lang, SrcLang: srcLang,
			Source: Span{s.Start, s.End}, Target: NoSpan,
			Data: map[string]any{"Value": s.Text, "Expected": expected(s, lang), "SrcLang": srcLang, "Lang": lang}}
		for next < len(tv) && (tUsed[next] || tv[next].Soft) {
			next++
		}
		if next < len(tv) {
			t := tv[next]
			tUsed[next] = true
			f.Target = Span{t.Start, t.End}
			f.Message = "qa.numbers.changed"
			f.Data["Found"] = t.Text
			f.Fix = expected(s, lang)
		} else {
			f.Message = "qa.numbers.missing"
		}
		out = append(out, f)
	}
	return out
}

// otherWord returns the first number word of the translation left over
// (the two governments → жеті үкімет), or -1: an anaphoric number may be
// left out, not replaced by another.
func otherWord(tv []Value, used []bool) int {
	for j, t := range tv {
		if !used[j] && t.word && !t.Soft && t.Number() <= 20 {
			return j
		}
	}
	return -1
}

// expected is what a translation into lang should have for the source
// value s: the value itself, a time of day on the 24-hour clock outside
// English, or for an imperial measure the translation
// does not keep in its units, its metric conversion to three significant
// figures with the unit (385 miles: 620 км; 6-foot-6: 1,98 м).
func expected(s Value, lang string) string {
	if baseLang(lang) != "en" {
		// 8 pm: 20:00 where the 24-hour clock is the norm (the last
		// time key: 7.30 p.m. holds 7:30, then 19:30).
		for _, k := range slices.Backward(s.keys) {
			if k.kind == kTime {
				return strconv.Itoa(int(k.v)/60) + ":" + pad2(int(k.v)%60)
			}
		}
	}
	if s.unit == 0 {
		return FormatValue(s, lang)
	}
	for _, k := range s.keys {
		if k.kind != kApprox || k.v <= 0 {
			continue
		}
		p := math.Pow(10, 2-math.Floor(math.Log10(k.v)))
		v := Value{keys: []key{{kNum, math.Round(k.v*p) / p}}}
		return FormatValue(v, lang) + " " + metricSymbol(imperial(s.unit).Metric, lang)
	}
	return FormatValue(s, lang)
}

// metricSymbol is how lang writes the metric unit whose symbol is en
// (imperial's metric).
func metricSymbol(en, lang string) string {
	switch l := baseLang(lang); {
	case l == "en" || en == "°C":
		return en
	case en == "km/h" && l == "kk":
		return "км/сағ"
	case en == "km/h":
		return "км/ч"
	}
	return strings.NewReplacer("kg", "кг", "km", "км", "cm", "см", "m", "м", "g", "г", "l", "л", "ha", "га").Replace(en)
}

// FormatValue writes the value of v the way lang writes numbers: 1 000 and
// 3,5 in Russian and Kazakh, 1,000 and 3.5 in English, 10:30 for a time.
func FormatValue(v Value, lang string) string {
	if len(v.keys) == 0 {
		return v.Text
	}
	k := v.keys[0]
	if k.kind == kTime {
		m := int(k.v)
		return strconv.Itoa(m/60) + ":" + pad2(m%60)
	}
	if k.v < 0 {
		return v.Text // an id: as written
	}
	x := k.v
	l := baseLang(lang)
	// Millions and more the way news writes them: 2,8 млрд, 2.8 billion.
	for _, sc := range []struct {
		v        float64
		en, rukk string
	}{{1e12, "trillion", "трлн"}, {1e9, "billion", "млрд"}, {1e6, "million", "млн"}} {
		if m := x / sc.v; x >= sc.v && math.Abs(m*1000-math.Round(m*1000)) < 1e-6 {
			name := sc.rukk
			if l == "en" {
				name = sc.en
			}
			return FormatValue(Value{keys: []key{{kNum, math.Round(m*1000) / 1000}}}, lang) + " " + name
		}
	}
	intPart := math.Floor(x)
	s := strconv.FormatFloat(intPart, 'f', 0, 64)
	frac := ""
	if x != intPart {
		f := strconv.FormatFloat(x-intPart, 'f', -1, 64)
		if len(f) > 8 {
			f = strconv.FormatFloat(x-intPart, 'f', 6, 64)
			f = strings.TrimRight(f, "0")
		}
		frac = strings.TrimPrefix(f, "0")
	}
	group, dec := ",", "."
	if l != "en" {
		group, dec = "\u00a0", ","
	}
	if len(s) > 4 || len(s) == 4 && l == "en" && x >= 10000 {
		var b strings.Builder
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteString(group)
			}
			b.WriteRune(c)
		}
		s = b.String()
	}
	if frac != "" {
		s += dec + strings.TrimPrefix(frac, ".")
	}
	return s
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// targetIndex finds the values of a translation by key, so matching is
// linear in the number of values, not quadratic.
type targetIndex struct {
	tv     []Value
	used   []bool
	exact  [2]map[key][]int // by soft: key (see exactKey) → indices in text order
	approx [2][]approxKey   // by soft: kNum values sorted
	figure map[string][]int // hard values by figure text, for typo twins
}

type approxKey struct {
	v float64
	j int
}

// exactKey is k with its value rounded to ten significant digits, so that
// 2,8 млрд and 2 800 000 000 are one key.
func exactKey(k key) key {
	v := k.v
	if v != 0 && !math.IsInf(v, 0) && !math.IsNaN(v) {
		if e := math.Floor(math.Log10(math.Abs(v))); e < 300 && e > -300 {
			p := math.Pow(10, 9-e)
			if r := math.Round(v*p) / p; !math.IsInf(r, 0) && !math.IsNaN(r) {
				v = r
			}
		}
	}
	return key{k.kind, v}
}

// smallIndex is the most values of a translation that are searched one by
// one, without maps: most sentences have a few.
const smallIndex = 8

// newTargetIndex indexes the values tv of a translation, used marking
// those taken; approx0 and approx1 are room for the approximate keys (see
// approx). It returns the index by value, for the caller's stack.
func newTargetIndex(tv []Value, used []bool, approx0, approx1 []approxKey) targetIndex {
	ix := targetIndex{tv: tv, used: used}
	ix.approx[0], ix.approx[1] = approx0, approx1
	if len(tv) > smallIndex {
		ix.figure = make(map[string][]int, len(tv))
		for s := range 2 {
			ix.exact[s] = make(map[key][]int, len(tv))
		}
	}
	for j, v := range tv {
		s := 0
		if v.Soft {
			s = 1
		}
		for _, k := range v.keys {
			if k.kind == kApprox {
				continue
			}
			if k.kind == kNum && k.v >= 0 {
				ix.approx[s] = append(ix.approx[s], approxKey{k.v, j})
			}
			if ix.exact[s] == nil {
				continue
			}
			ek := exactKey(k)
			if l := ix.exact[s][ek]; len(l) == 0 || l[len(l)-1] != j {
				ix.exact[s][ek] = append(l, j)
			}
		}
		if ix.figure != nil && !v.Soft && !v.word {
			if f := figureText(v.Text); f != "" {
				ix.figure[f] = append(ix.figure[f], j)
			}
		}
	}
	for s := range 2 {
		slices.SortFunc(ix.approx[s], func(a, b approxKey) int {
			if a.v != b.v {
				if a.v < b.v {
					return -1
				}
				return 1
			}
			return a.j - b.j
		})
	}
	return ix
}

// firstExact returns the first unused value of the translation, soft
// (s 1) or hard (s 0), with exact key ek, or -1.
func (ix *targetIndex) firstExact(s int, ek key) int {
	if ix.exact[s] != nil {
		return first(ix, ix.exact[s], ek)
	}
	for j, v := range ix.tv {
		if ix.used[j] || v.Soft != (s == 1) {
			continue
		}
		for _, k := range v.keys {
			if k.kind != kApprox && exactKey(k) == ek {
				return j
			}
		}
	}
	return -1
}

// firstFigure returns the first unused hard value of the translation
// written with figure f, or -1.
func (ix *targetIndex) firstFigure(f []byte) int {
	if ix.figure != nil {
		return first(ix, ix.figure, string(f))
	}
	for j, v := range ix.tv {
		if !ix.used[j] && !v.Soft && !v.word && figureText(v.Text) == string(f) {
			return j
		}
	}
	return -1
}

// first returns the first unused index of list, dropping used ones from
// its front.
func first[K comparable](ix *targetIndex, m map[K][]int, k K) int {
	l, ok := m[k]
	if !ok {
		return -1
	}
	n := 0
	for n < len(l) && ix.used[l[n]] {
		n++
	}
	if n > 0 {
		m[k] = l[n:]
	}
	if n == len(l) {
		return -1
	}
	return l[n]
}

// find returns the first unused value of the translation (soft or hard)
// that v matches, exactly or, with approx, as a converted measure.
func (ix *targetIndex) find(v Value, soft, approx bool) int {
	s := 0
	if soft {
		s = 1
	}
	best := -1
	for _, k := range v.keys {
		switch {
		case !approx && k.kind != kApprox:
			if j := ix.firstExact(s, exactKey(k)); j >= 0 && (best < 0 || j < best) {
				best = j
			}
		case approx && k.kind == kApprox:
			// 8% or half a unit, the way translators round, and the
			// whole numbers on either side (3 inches is 7 cm, 7.62 cut).
			tol := math.Max(0.08*math.Abs(k.v), 0.5)
			from, to := math.Min(k.v-tol, math.Floor(k.v)), math.Max(k.v+tol, math.Ceil(k.v))
			list := ix.approx[s]
			lo, _ := slices.BinarySearchFunc(list, from, func(a approxKey, x float64) int {
				if a.v < x {
					return -1
				}
				if a.v > x {
					return 1
				}
				return 0
			})
			for n := lo; n < len(list) && list[n].v <= to; n++ {
				if !ix.used[list[n].j] && (best < 0 || list[n].j < best) {
					best = list[n].j
				}
				if n-lo > 64 {
					break
				}
			}
		}
	}
	return best
}

// twin returns an unused hard value of the translation that is v with one
// digit changed (1950 and 1960, 5 and 7), or -1. A source figure with such
// a twin left over in the translation was changed, whatever soft word
// might otherwise stand for it.
func (ix *targetIndex) twin(v Value) int {
	f := figureText(v.Text)
	if v.word || f == "" || len(f) > 24 {
		return -1
	}
	b := []byte(f)
	best := -1
	for i := range b {
		if !isDigit(b[i]) {
			continue
		}
		orig := b[i]
		for d := byte('0'); d <= '9'; d++ {
			if d == orig {
				continue
			}
			b[i] = d
			if j := ix.firstFigure(b); j >= 0 && (best < 0 || j < best) {
				best = j
			}
		}
		b[i] = orig
	}
	return best
}
