package qa

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// CheckNumbers compares the numbers of a source text and its translation by
// value. Every number of the source must be in the translation (soft ones
// aside, see [Value]); a source number that is not is reported as changed
// when the translation has a number of its own left over (the first such,
// in order), and as missing otherwise. Numbers the translation adds are not
// reported: translators write "10 лет" for "a decade".
func CheckNumbers(srcLang, src, lang, tgt string) []Finding {
	sv := ExtractNumbers(srcLang, src)
	if len(sv) == 0 {
		return nil
	}
	tv := extractNumbers(lang, tgt, false)
	// A translation that keeps the imperial unit (550 фунт) must keep its
	// figure: no conversion, and a measure given again in brackets is
	// required too.
	var lower string
	for i := range sv {
		if sv[i].unit > 0 {
			if lower == "" {
				lower = strings.ToLower(tgt)
			}
			if mentionsUnit(lower, sv[i].unit) {
				sv[i].keys = slices.DeleteFunc(sv[i].keys, func(k key) bool { return k.kind == kApprox })
				sv[i].unit = 0
				if sv[i].paren {
					sv[i].Soft = false
				}
			}
		}
	}
	return compareNumbers(srcLang, lang, sv, tv)
}

// typo reports two figures of as many digits that differ in one digit:
// 1950 and 1960, 5 and 7. A source figure with such a twin left over in
// the translation was changed, whatever soft word or conversion might
// otherwise stand for it.
func typo(s, t Value) bool {
	a, b := figureText(s.Text), figureText(t.Text)
	if s.word || t.word || len(a) != len(b) || a == "" {
		return false
	}
	d := 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if !isDigit(a[i]) || !isDigit(b[i]) {
				return false
			}
			d++
		}
	}
	return d == 1
}

// figureText is the figure of a value's text without the letters after it
// (80s, 5m, 19th).
func figureText(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return r > '9' || r < '0' })
}

func compareNumbers(srcLang, lang string, sv, tv []Value) []Finding {
	sUsed := make([]bool, len(sv))
	tUsed := make([]bool, len(tv))
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
			twin := false
			for j := range tv {
				if !tUsed[j] && !tv[j].Soft && typo(sv[i], tv[j]) {
					twin = true
				}
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
				for j := range tv {
					if tUsed[j] || tv[j].Soft != try.soft || twin && try.soft {
						continue
					}
					if matches(try.v, tv[j], step == 1) {
						sUsed[i], tUsed[j] = true, true
						break
					}
				}
				if sUsed[i] {
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
			twin := -1
			for j := range tv {
				if !tUsed[j] && !tv[j].Soft && typo(s, tv[j]) {
					twin = j
					break
				}
			}
			if twin < 0 {
				continue
			}
			t := tv[twin]
			tUsed[twin] = true
			out = append(out, Finding{Kind: Numbers, Severity: Error, Lang: lang, SrcLang: srcLang,
				Source: Span{s.Start, s.End}, Target: Span{t.Start, t.End}, Message: "qa.numbers.changed", Fix: FormatValue(s, lang),
				Data: map[string]any{"Value": s.Text, "Expected": FormatValue(s, lang), "Found": t.Text, "SrcLang": srcLang, "Lang": lang}})
			continue
		}
		f := Finding{Kind: Numbers, Severity: Error, Lang: lang, SrcLang: srcLang,
			Source: Span{s.Start, s.End}, Target: NoSpan,
			Data: map[string]any{"Value": s.Text, "Expected": FormatValue(s, lang), "SrcLang": srcLang, "Lang": lang}}
		for next < len(tv) && (tUsed[next] || tv[next].Soft) {
			next++
		}
		if next < len(tv) {
			t := tv[next]
			tUsed[next] = true
			f.Target = Span{t.Start, t.End}
			f.Message = "qa.numbers.changed"
			f.Data["Found"] = t.Text
			f.Fix = FormatValue(s, lang)
		} else {
			f.Message = "qa.numbers.missing"
		}
		out = append(out, f)
	}
	return out
}

func matches(a, b Value, approx bool) bool {
	for _, x := range a.keys {
		for _, y := range b.keys {
			switch {
			case !approx && x.kind == y.kind && x.kind != kApprox && same(x.v, y.v):
				return true
			case approx && x.kind == kApprox && y.kind == kNum && near(x.v, y.v):
				return true
			case approx && y.kind == kApprox && x.kind == kNum && near(y.v, x.v):
				return true
			}
		}
	}
	return false
}

// near accepts a converted measure rounded the way translators round:
// within 8% or half a unit.
func near(conv, x float64) bool {
	return x >= 0 && math.Abs(conv-x) <= math.Max(0.08*math.Abs(conv), 0.5)
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
	if baseLang(lang) != "en" {
		group, dec = "\u00a0", ","
	}
	if len(s) > 4 || len(s) == 4 && baseLang(lang) == "en" && x >= 10000 {
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
