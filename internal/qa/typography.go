package qa

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotes are the quotation marks of a language: the outer pair and the pair
// used inside it.
type Quotes struct {
	Open, Close           string
	InnerOpen, InnerClose string
}

// DefaultQuotes returns the house quotes of lang: « » with „ “ inside for
// Russian and Kazakh, “ ” with ‘ ’ inside for English.
func DefaultQuotes(lang string) Quotes {
	switch baseLang(lang) {
	case "ru", "kk":
		return Quotes{"«", "»", "„", "“"}
	}
	return Quotes{"“", "”", "‘", "’"}
}

// TypographyOptions configure [CheckTypography]. A zero Quotes takes
// [DefaultQuotes].
type TypographyOptions struct {
	Quotes map[string]Quotes
}

func (o TypographyOptions) quotes(lang string) Quotes {
	if q, ok := o.Quotes[lang]; ok && q.Open != "" {
		return q
	}
	if q, ok := o.Quotes[baseLang(lang)]; ok && q.Open != "" {
		return q
	}
	return DefaultQuotes(lang)
}

// isBracketRune reports whether r may open or close a pair: a bracket or
// a quotation mark (any language's).
func isBracketRune(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '{', '}', '«', '»', '„', '“', '”', '‘', '’', '‚', '‹', '›', '"', '‟':
		return true
	}
	return false
}

// typoASCII has a bit set for each ASCII character CheckTypography
// looks at whatever the language's quotes: the space, the straight
// quote and the brackets.
var typoASCII = [2]uint64{
	1<<' ' | 1<<'"' | 1<<'(' | 1<<')',
	1<<('['-64) | 1<<(']'-64) | 1<<('{'-64) | 1<<('}'-64),
}

// afterSpace reports whether c, after one space, may make a finding: a
// second space, a hyphen (a dash) or , . : ; ? ! (a space before it).
func afterSpace(c byte) bool {
	switch c {
	case ' ', '-', ',', '.', ':', ';', '?', '!':
		return true
	}
	return false
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„', '‟':
		return true
	}
	return false
}

// CheckTypography reports the typography of the translation tgt (written
// in lang) against its source: quotation marks that are not the language's
// (straight quotes, “ ” in Russian), unbalanced quotes and brackets, double
// spaces, a space before , . : ; ? !, a hyphen between spaces used as a
// dash, and a final question or exclamation mark the source has and the
// translation does not (or the other way round), and a word written twice
// ("в в"; see appendRepeats). src may be empty: then
// only the translation's own typography is checked.
func CheckTypography(srcLang, src, lang, tgt string, opt TypographyOptions) []Finding {
	out := appendTypography(nil, srcLang, src, lang, tgt, opt)
	for i := range out {
		out[i].materialize()
	}
	return out
}

// appendTypography is CheckTypography appending to out findings whose
// Data is made when asked for ([Finding.TemplateData]): a Checker's.
func appendTypography(out []Finding, srcLang, src, lang, tgt string, opt TypographyOptions) []Finding {
	start := len(out)
	add := func(id string, start, end int, fix string) {
		out = append(out, Finding{Kind: Typography, Severity: Warning, Lang: lang, SrcLang: srcLang,
			Source: NoSpan, Target: Span{start, end}, Message: id, Fix: fix, lazy: typoData, text: tgt[start:end]})
	}
	q := opt.quotes(lang)
	type open struct {
		r   rune
		pos int
	}
	straight := -1 // position of an unclosed straight quote
	var stackArr [8]open
	stack := stackArr[:0]
	qo, _ := utf8.DecodeRuneInString(q.Open)
	qc, _ := utf8.DecodeRuneInString(q.Close)
	qio, _ := utf8.DecodeRuneInString(q.InnerOpen)
	qic, _ := utf8.DecodeRuneInString(q.InnerClose)
	// The pairs: brackets, the language's quotes and its inner quotes
	// (unless they are one of the others); an array, not a slice, for
	// every text.
	pairsArr := [5][2]rune{{'(', ')'}, {'[', ']'}, {'{', '}'}, {qo, qc}}
	pairs := pairsArr[:4]
	if qio != qc && qio != qo && qio != '‘' && qio != '\'' {
		pairs = pairsArr[:5]
		pairs[4] = [2]rune{qio, qic}
	}
	closer := func(r rune) (rune, bool) {
		for _, p := range pairs {
			if p[0] == r {
				return p[1], true
			}
		}
		return 0, false
	}
	isCloser := func(r rune) bool {
		for _, p := range pairs {
			if p[1] == r {
				return true
			}
		}
		return false
	}
	top := func() rune {
		if len(stack) == 0 {
			return -1
		}
		if stack[len(stack)-1].r == '“' && qic == '“' {
			return '”' // “…” inside « » (see nestedEnglish)
		}
		c, _ := closer(stack[len(stack)-1].r)
		return c
	}
	// Russian and Kazakh news put “…” inside «…» as often as the
	// handbooks' „…“ (Уоррен сказала, что пришло время «женщинам
	// “починить” правительство»): with the house's « » and „ “, a “ that
	// opens a word inside « » and a ” that closes it later in the text are
	// that inner pair, not English quotes.
	nestedEnglish := qo == '«' && qc == '»' && qio == '„' && qic == '“'
	wrongQuote := false
	var unbalanced []Span
	// Letters of two bytes (Cyrillic: lead bytes C3 to DF) pair nothing,
	// unless the workspace chose such a quotation mark.
	skip2 := true
	for _, r := range []rune{qo, qc, qio, qic} {
		if r >= 0xC0 && r < 0x800 {
			skip2 = false
		}
	}
	// The ASCII characters that may take part in a finding: the space,
	// the straight quote, brackets and the language's quotes when they are
	// ASCII. Other ASCII bytes are passed over inline.
	mark := typoASCII
	for _, r := range []rune{qo, qc, qio, qic} {
		if r >= 0 && r < utf8.RuneSelf {
			mark[r>>6] |= 1 << (r & 63)
		}
	}
	// The words written twice (see appendRepeats), found at the spaces
	// this loop stops at anyway: the tokens between spaces, the last two.
	var repeatArr [4]Span
	repeated := repeatArr[:0]
	tokStart, prevStart, prevEnd := 0, -1, -1
	token := func(i, j int) { // spaces at tgt[i:j]
		if i > tokStart {
			if prevEnd >= 0 {
				if w := repeatOf(tgt, prevStart, prevEnd, tokStart, i); w > 0 {
					repeated = append(repeated, Span{tokStart, tokStart + w})
				}
			}
			prevStart, prevEnd = tokStart, i
		}
		tokStart = j
	}
	for i := 0; i < len(tgt); {
		c := tgt[i]
		if c < utf8.RuneSelf && mark[c>>6]&(1<<(c&63)) == 0 {
			i++
			continue
		}
		if c == ' ' && (i+1 == len(tgt) || !afterSpace(tgt[i+1])) {
			// One space before anything but a space, a hyphen or , . : ; ? !
			token(i, i+1)
			i++
			continue
		}
		if skip2 && c >= 0xC3 && c < 0xE0 {
			i += 2
			continue
		}
		r, n := rune(tgt[i]), 1 // decode, ASCII inline
		if r >= utf8.RuneSelf {
			r, n = decodeMulti(tgt, i)
		}
		switch {
		case r == ' ':
			j := i
			for j < len(tgt) && tgt[j] == ' ' {
				j++
			}
			token(i, j)
			if j-i >= 2 && i > 0 && j < len(tgt) {
				add("qa.typography.double-space", i, j, " ")
			}
			if j < len(tgt) && i > 0 && strings.IndexByte(",.:;?!", tgt[j]) >= 0 && tgt[i-1] != ' ' {
				after := j + 1
				if !(after < len(tgt) && tgt[j] == '.' && tgt[after] != ' ') && !(tgt[j] == '.' && strings.HasPrefix(tgt[j:], "...")) {
					add("qa.typography.space-before", i, j+1, tgt[j:j+1])
				}
			}
			if j < len(tgt) && j == i+1 && tgt[j] == '-' && j+1 < len(tgt) && tgt[j+1] == ' ' && i > 0 &&
				!(isDigit(tgt[i-1]) && j+2 < len(tgt) && isDigit(tgt[j+2])) {
				dash := "—"
				if baseLang(lang) == "en" {
					dash = "–"
				}
				add("qa.typography.dash", j, j+1, dash)
				i = j + 1
				continue
			}
			i = j
			continue
		case r == '"':
			if straight < 0 {
				straight = i
			} else {
				straight = -1
			}
			if !wrongQuote {
				add("qa.typography.quote", i, i+n, q.Open+q.Close)
				wrongQuote = true
			}
		case r == '”' && nestedEnglish && top() == '”':
			stack = stack[:len(stack)-1]
			i += n
			continue
		case isQuoteRune(r) && r != qo && r != qc && r != qio && r != qic:
			if !wrongQuote {
				add("qa.typography.quote", i, i+n, q.Open+q.Close)
				wrongQuote = true
			}
		}
		if !isBracketRune(r) && r != qo && r != qc && r != qio && r != qic {
			i += n
			continue
		}
		if r == qic && nestedEnglish && top() == qc && opensQuote(tgt, i, n) && strings.ContainsRune(tgt[i+n:], '”') {
			stack = append(stack, open{r, i})
			i += n
			continue
		}
		if r == qic && qic != qc && top() != qic && opensQuote(tgt, i, n) {
			// “ where a word starts, with no „ open: English quotes (“…“ or
			// “…”), not the inner close of Russian and Kazakh. One quote
			// finding says it; their pairing is not checked.
			if !wrongQuote {
				add("qa.typography.quote", i, i+n, q.Open+q.Close)
				wrongQuote = true
			}
			i += n
			continue
		}
		if _, ok := closer(r); ok && !(isCloser(r) && top() == r) {
			stack = append(stack, open{r, i})
		} else if isCloser(r) {
			if top() == r {
				stack = stack[:len(stack)-1]
			} else {
				unbalanced = append(unbalanced, Span{i, i + n})
			}
		}
		i += n
	}
	for _, o := range stack {
		unbalanced = append(unbalanced, Span{o.pos, o.pos + utf8.RuneLen(o.r)})
	}
	if straight >= 0 {
		unbalanced = append(unbalanced, Span{straight, straight + 1})
	}
	spans := len(unbalanced) > 0 && quoteSpansTexts(src)
	var srcLeft [6]int // the brackets the source leaves unpaired, by bracketIndex
	if len(unbalanced) > 0 {
		srcLeft = unpairedBrackets(src)
	}
	for _, u := range unbalanced {
		// Quotes of another language pair up their own way: the quote
		// finding says it all. A quote the source leaves open (or closes)
		// too goes on in the next sentence or came from the one before.
		r, _ := utf8.DecodeRuneInString(tgt[u.Start:])
		// A bracket the source leaves unpaired as often is the author's
		// (a bracket over two sentences, "a)" in a list, the ]]> of
		// CDATA): the translation keeps it as it should.
		if b := bracketIndex(r); b >= 0 && srcLeft[b] > 0 {
			srcLeft[b]--
			continue
		}
		if !isQuoteRune(r) || !wrongQuote && !spans {
			add("qa.typography.unbalanced", u.Start, u.End, "")
		}
	}
	token(len(tgt), len(tgt))
	out = appendRepeats(out, srcLang, src, lang, tgt, repeated)
	out = appendSpaceAfter(out, srcLang, src, lang, tgt)
	sortFindings(out[start:])
	if src != "" {
		se, ss := finalMark(src)
		te, ts := finalMark(tgt)
		if se != te && (se == '?' || te == '?' || se == '!' && te != '.' || te == '!' && se != '.') && !quotedQuestion(src, ss, se, tgt, ts, te) {
			if te == 0 {
				// No mark: the place to put one, the end of the text.
				end := len(strings.TrimRight(tgt, " \t\n"))
				ts = Span{end, end}
			}
			mark := ""
			if se != 0 {
				mark = string(se)
			}
			f := Finding{Kind: Typography, Severity: Warning, Lang: lang, SrcLang: srcLang, Target: ts, Source: ss,
				Message: "qa.typography.final", Fix: mark, lazy: typoFinalData, text: tgt[ts.Start:ts.End]}
			out = append(out, f)
		}
	}
	return out
}

// closingQuotes are the marks that may close a quotation at the end of a
// text (“ is the inner closing quote of Russian and Kazakh, „…“).
const closingQuotes = "\"'»”“’"

// quotedQuestion reports whether both texts end with a quotation and the
// translation's ends with "?" where the source's ends with ".": a
// question quoted as a statement, as a wire writes a ballot's wording
// (The question read: "Are you for NATO membership."), which the
// translator punctuates as the question it asks (…қолдайсыз ба?“). The
// difference is inside the quotation, not in the sentence that reports
// it. The reverse, a quoted question left without its mark, is still
// reported; a quoted question that keeps its mark with a period after the
// quote is not.
func quotedQuestion(src string, ss Span, se rune, tgt string, ts Span, te rune) bool {
	// A quotation that ends with the source's ? or !, and the period
	// Russian puts after its closing quote (…пропустить такое?».): the
	// quote keeps the source's mark.
	if te == '.' && (se == '?' || se == '!') {
		r, _ := utf8.DecodeLastRuneInString(tgt[:ts.Start])
		if strings.ContainsRune(closingQuotes, r) {
			in, _ := finalMark(tgt[:ts.Start])
			return in == se
		}
		// A source that ends with a quoted question (He asked: "Why?"),
		// translated quotation first and who said it after, as Russian
		// and Kazakh report speech (Ол: «Неге?» — деп сұрады.; «Почему?» —
		// спросил он.): the mark is in the translation's quote.
		if q, _ := utf8.DecodeRuneInString(src[ss.End:]); strings.ContainsRune(closingQuotes, q) {
			for _, c := range closingQuotes {
				if strings.Contains(tgt[:ts.Start], string(se)+string(c)) {
					return true
				}
			}
		}
		return false
	}
	if se != '.' || te != '?' || !strings.ContainsAny(tgt[ts.End:], closingQuotes) {
		return false
	}
	if strings.ContainsAny(src[ss.End:], closingQuotes) { // …Greece."
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(src[:ss.Start]) // …Greece".
	return strings.ContainsRune(closingQuotes, r)
}

// quoteSpansTexts reports whether src, a source text, opens a quotation it
// does not close or closes one it did not open: an odd number of straight
// double quotes, or unequal numbers of “ and ”, of « and », or of single
// quotes that open and close (' or ‘ at the start of a word, ' or ’ at
// the end of one; an apostrophe between letters, as in O'Hagan or
// They’re, is none). News quotes run over several sentences (British news
// quote with single ones), and a translation split the same way leaves
// the same quote open.
func quoteSpansTexts(src string) bool {
	var straight, curly, guil, single int
	prev := ' '
	for i, r := range src {
		switch r {
		case '"':
			straight++
		case '“':
			curly++
		case '”':
			curly--
		case '«':
			guil++
		case '»':
			guil--
		case '\'', '‘', '’':
			next, _ := utf8.DecodeRuneInString(src[i+utf8.RuneLen(r):])
			before, after := isWordChar(prev), isWordChar(next)
			switch {
			case before && after: // an apostrophe
			case r != '’' && !before && after:
				single++
			case r != '‘' && before && !after, r != '‘' && !before && !after && prev != ' ':
				single--
			}
		}
		prev = r
	}
	return straight%2 != 0 || curly != 0 || guil != 0 || single != 0
}

// isWordChar reports whether r is a letter or digit (utf8.RuneError, the
// end of the text, is not).
func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// opensQuote reports whether the quotation mark tgt[i:i+n] stands where a
// quote opens: at the start or after a space or bracket, before a letter
// or digit.
func opensQuote(tgt string, i, n int) bool {
	if i > 0 {
		p, _ := utf8.DecodeLastRuneInString(tgt[:i])
		if p != ' ' && p != '(' && p != '[' && p != 0xA0 && p != '\n' && p != '—' && p != '-' {
			return false
		}
	}
	next, _ := utf8.DecodeRuneInString(tgt[i+n:])
	return unicode.IsLetter(next) || unicode.IsDigit(next)
}

func sortFindings(fs []Finding) {
	if len(fs) < 2 {
		return
	}
	slices.SortStableFunc(fs, func(a, b Finding) int { return a.Target.Start - b.Target.Start })
}

// finalMark returns the sentence-final mark of s (. ? ! or … as .),
// looking past closing quotes and brackets, and where it is in s: the
// mark itself, not the quotes after it. Without one it returns 0 and
// NoSpan. “ is a closing quote there: the inner one of Russian and
// Kazakh („…“).
func finalMark(s string) (rune, Span) {
	s = strings.TrimRight(s, " \t\n\"'»”“’)]")
	r, n := utf8.DecodeLastRuneInString(s)
	at := Span{len(s) - n, len(s)}
	switch r {
	case '.', '…':
		return '.', at
	case '?', '!':
		return r, at
	}
	return 0, NoSpan
}

// bracketIndex is the index of a bracket among ( ) [ ] { }, or -1.
func bracketIndex(r rune) int {
	switch r {
	case '(':
		return 0
	case ')':
		return 1
	case '[':
		return 2
	case ']':
		return 3
	case '{':
		return 4
	case '}':
		return 5
	}
	return -1
}

// unpairedBrackets counts the brackets of s that are not paired, each kind
// on its own: an opening one never closed, a closing one never opened,
// indexed as bracketIndex.
func unpairedBrackets(s string) [6]int {
	var out [6]int
	for _, r := range s {
		b := bracketIndex(r)
		switch {
		case b < 0:
		case b%2 == 0:
			out[b]++
		case out[b-1] > 0:
			out[b-1]--
		default:
			out[b]++
		}
	}
	return out
}
