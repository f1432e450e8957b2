package qa

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LinkKind tells web addresses, e-mail addresses and handles apart.
type LinkKind uint8

// The kinds of [Link].
const (
	WebLink    LinkKind = 1 + iota // https://…, www.…, akorda.kz/ru
	MailLink                       // press@akorda.kz
	HandleLink                     // @akorda_press
)

// Link is a web address, an e-mail address or an @handle of a text.
type Link struct {
	Kind       LinkKind
	Start, End int    // bytes of the text
	Text       string // as written
	// Key is the link compared: for a web address the host in lower case
	// without www. and the scheme, then the path (percent escapes decoded)
	// without a final slash; an e-mail address or a handle in lower case.
	Key string
	// Site is the host of a web address without its leading language or
	// mobile labels (en.wikipedia.org, ru.m.wikipedia.org: wikipedia.org):
	// two addresses of one site are one page in two languages.
	Site string
}

// isCyrillicTLD reports whether tld (in lower case) is a top-level domain
// in Cyrillic: a bare domain ending in Cyrillic (президент.рф) counts only
// with one of them, so that abbreviations written without a space
// (тыс.руб.) are no addresses.
func isCyrillicTLD(tld string) bool {
	switch tld {
	case "рф", "қаз", "бел", "укр", "рус", "срб", "мкд", "мон", "москва", "онлайн", "сайт", "орг", "ком", "дети":
		return true
	}
	return false
}

// isLatinTLD reports whether tld (in lower case), the end of a bare
// domain, is a top-level domain: any two letters (a country's: kz, ru,
// uk, io) or a generic one a newsroom meets. A longer word after a dot
// is a missing space (said.the) or a file (report.pdf), not a domain;
// with a scheme or www. any top-level domain is one.
func isLatinTLD(tld string) bool {
	if len(tld) == 2 {
		return true
	}
	switch tld {
	case "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "asia", "mobi", "travel", "museum", "aero", "coop", "jobs", "tel",
		"app", "dev", "news", "media", "online", "site", "website", "tech", "store", "shop", "blog", "live", "world", "today", "club", "space", "global",
		"group", "center", "agency", "press", "digital", "network", "cloud", "top", "xyz", "art", "eco", "foundation", "fund", "institute",
		"university", "academy", "school", "health", "events", "tv", "social", "video", "radio":
		return true
	}
	return false
}

// ExtractLinks returns the web addresses, e-mail addresses and @handles of
// text, in order. They are found by the recognisers the word counts of
// the untranslated check skip them with (addressMark, handleMark), then
// trimmed of the punctuation and quotation marks around them; a bare
// domain needs a top-level domain in lower case that is one (two letters,
// or com, org, news …: an abbreviation such as e.g. or т.е. is none, nor
// is a missing space such as said.the). Words that only contain
// an @ or a dot are not split: an address starts at the start of a word.
func ExtractLinks(text string) []Link { return appendLinks(nil, text) }

func appendLinks(dst []Link, text string) []Link {
	if !mayHaveLink(text) {
		return dst
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && !isASCIILetter(c) && (c < '0' || c > '9') {
			i++
			continue
		}
		r, n := decode(text, i)
		if c >= utf8.RuneSelf && !isLetter(r) {
			i += n
			continue
		}
		if handleMark(text, i) {
			end := addressEnd(text, i)
			if text[i-1] == '@' {
				if l, ok := parseLink(text, i-1, end); ok {
					dst = append(dst, l)
				}
			}
			i = end
			continue
		}
		// the word: letters and digits (2gis.kz)
		j := i + n
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if !isASCIILetter(c) && (c < '0' || c > '9') && c != '-' && c != '_' {
					break
				}
				j++
				continue
			}
			r2, n2 := decodeMulti(text, j)
			if !isLetter(r2) {
				break
			}
			j += n2
		}
		if addressMark(text, j) {
			end := addressEnd(text, j)
			if l, ok := parseLink(text, i, end); ok {
				dst = append(dst, l)
				i = end
				continue
			}
		}
		i = j
	}
	return dst
}

// mayHaveLink reports whether text has an @, "://" or a dot before a
// letter: most texts have none and are not read further.
func mayHaveLink(text string) bool {
	for i := 0; i+1 < len(text); i++ {
		switch text[i] {
		case '@':
			return true
		case ':':
			if strings.HasPrefix(text[i:], "://") {
				return true
			}
		case '.':
			if c := text[i+1]; isASCIILetter(c) || c >= 0xC0 {
				return true
			}
		}
	}
	return false
}

// parseLink reads the address text[s:e] found by the recognisers: e stops
// at the first white space or quotation mark and before the punctuation
// that ends a sentence or closes a bracket; ok is false when it is no
// address after all.
func parseLink(text string, s, e int) (Link, bool) {
	if k := strings.IndexFunc(text[s:e], endsLink); k >= 0 {
		e = s + k
	}
	e = s + len(trimLinkEnd(trimEnding(trimLinkEnd(text[s:e]))))
	tok := text[s:e]
	if tok == "" {
		return Link{}, false
	}
	l := Link{Start: s, End: e, Text: tok}
	if tok[0] == '@' {
		n := 1
		for n < len(tok) && (isASCIILetter(tok[n]) || tok[n] >= '0' && tok[n] <= '9' || tok[n] == '_' || tok[n] == '.') {
			n++
		}
		n = 1 + len(strings.TrimRight(tok[1:n], "."))
		if n < 2 || s > 0 && (isAddressByte(text[s-1]) || isLetterBefore(text, s)) {
			return Link{}, false
		}
		l.Kind, l.End, l.Text = HandleLink, s+n, tok[:n]
		l.Key = strings.ToLower(l.Text)
		return l, true
	}
	if k := strings.Index(tok, "://"); k >= 0 {
		for _, c := range []byte(tok[:k]) {
			if !isASCIILetter(c) {
				return Link{}, false
			}
		}
		host, path := splitHost(tok[k+3:])
		if !validHost(host, false) {
			return Link{}, false
		}
		l.Kind = WebLink
		l.Key, l.Site = webKey(host, path)
		return l, true
	}
	if at := strings.IndexByte(tok, '@'); at >= 0 {
		host := tok[at+1:]
		// the @ says it is an address: the top-level domain needs only
		// two letters, in any case
		tld := host[strings.LastIndexByte(host, '.')+1:]
		if at == 0 || !validHost(host, false) || strings.IndexByte(host, '.') < 0 || utf8.RuneCountInString(tld) < 2 || strings.ContainsAny(tld, "0123456789-:") {
			return Link{}, false
		}
		for _, c := range []byte(tok[:at]) {
			if !isAddressByte(c) {
				return Link{}, false
			}
		}
		l.Kind, l.Key = MailLink, strings.ToLower(tok)
		return l, true
	}
	host, path := splitHost(tok)
	www := len(host) > 4 && strings.EqualFold(host[:4], "www.")
	if !validHost(host, !www) {
		return Link{}, false
	}
	l.Kind = WebLink
	l.Key, l.Site = webKey(host, path)
	return l, true
}

// endsLink reports whether r ends an address: white space and quotation
// marks, which no address has (« », “ ”, „, ").
func endsLink(r rune) bool {
	switch r {
	case '"', '<', '>', '«', '»', '“', '”', '„', '‘', '’', '\'':
		return true
	}
	return unicode.IsSpace(r)
}

// trimLinkEnd drops from the end of an address the punctuation that ends
// its sentence and a closing bracket it does not open
// (wikipedia.org/wiki/Foo_(bar) keeps its own).
func trimLinkEnd(s string) string {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', ',', ';', ':', '!', '?', '…', '—', '–', '*':
		case ')':
			if strings.Count(s, "(") >= strings.Count(s, ")") {
				return s
			}
		case ']':
			if strings.Count(s, "[") >= strings.Count(s, "]") {
				return s
			}
		default:
			return s
		}
		s = s[:len(s)-n]
	}
	return s
}

// trimEnding drops a Kazakh or Russian ending written after an address
// with a hyphen (akorda.kz-тың, press@akorda.kz-қа): a hyphen and one to
// five lower-case Cyrillic letters at the end of an address without a path
// (a page's path may end in a Cyrillic word of its own).
func trimEnding(s string) string {
	k := strings.LastIndexByte(s, '-')
	if k <= 0 {
		return s
	}
	n := 0
	for _, r := range s[k+1:] {
		if !isCyrillic(r) || !isLetter(r) || toLower(r) != r {
			return s
		}
		n++
	}
	rest := s[:k]
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if n == 0 || n > 5 || strings.ContainsAny(rest, "/?#") {
		return s
	}
	return s[:k]
}

// isAddressByte reports whether c may be in the local part of an e-mail
// address (ASCII letters, digits, . _ % + -).
func isAddressByte(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// isLetterBefore reports whether a letter ends text[:i].
func isLetterBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isLetter(r)
}

// splitHost splits an address without its scheme into the host (with a
// port) and the rest.
func splitHost(s string) (host, rest string) {
	if k := strings.IndexAny(s, "/?#"); k >= 0 {
		return s[:k], s[k:]
	}
	return s, ""
}

// validHost reports whether host (a port aside) is labels of letters,
// digits and hyphens joined by dots; bare, a domain written without a
// scheme or www., must end in a top-level domain that is no abbreviation:
// two or more Latin letters in lower case (or the whole host in upper
// case), or a Cyrillic one of cyrillicTLDs.
func validHost(host string, bare bool) bool {
	if k := strings.LastIndexByte(host, ':'); k >= 0 {
		for _, c := range []byte(host[k+1:]) {
			if c < '0' || c > '9' {
				return false
			}
		}
		host = host[:k]
	}
	if host == "" {
		return false
	}
	labels := strings.Split(host, ".")
	for _, lb := range labels {
		if lb == "" || lb[0] == '-' || lb[len(lb)-1] == '-' {
			return false
		}
		for _, r := range lb {
			if !(r < utf8.RuneSelf && (isASCIILetter(byte(r)) || r >= '0' && r <= '9' || r == '-') || isCyrillic(r) && isLetter(r)) {
				return false
			}
		}
	}
	if !bare {
		return true
	}
	if len(labels) < 2 {
		return false
	}
	tld := labels[len(labels)-1]
	upper := host == strings.ToUpper(host)
	if tld[0] >= utf8.RuneSelf {
		lower := strings.ToLower(tld)
		if lower != tld && !upper {
			return false
		}
		return isCyrillicTLD(lower)
	}
	for _, c := range []byte(tld) {
		if !(c >= 'a' && c <= 'z' || upper && c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return isLatinTLD(strings.ToLower(tld))
}

// isLanguageLabel reports whether a host's first label of three letters
// or more names a language version of the site (kaz.tengrinews.kz,
// rus.azattyq.org) or its mobile one.
func isLanguageLabel(label string) bool {
	switch label {
	case "kaz", "qaz", "rus", "eng", "mobile":
		return true
	}
	return false
}

// webKey returns the key and the site of a web address's host and rest.
func webKey(host, rest string) (key, site string) {
	host = strings.ToLower(host)
	host = strings.TrimPrefix(host, "www.")
	host = strings.TrimSuffix(host, ":80")
	host = strings.TrimSuffix(host, ":443")
	if strings.IndexByte(rest, '%') >= 0 {
		if u, err := url.PathUnescape(rest); err == nil {
			rest = u
		}
	}
	rest = strings.TrimRight(rest, "/")
	site = host
	// en.wikipedia.org, ru.m.wikipedia.org, kaz.tengrinews.kz: one site
	for strings.Count(site, ".") >= 2 {
		k := strings.IndexByte(site, '.')
		if k > 2 && !isLanguageLabel(site[:k]) {
			break
		}
		site = site[k+1:]
	}
	return host + rest, site
}

// checkLinks compares the links of a source, read before (sl), with those
// of its translation. A source address the translation has (by [Link.Key])
// is found; one it lacks is reported as changed when the translation has
// an address of its own left over that is not a localised link (the first
// such, in order), and as missing otherwise. A localised link, an address
// of the same site as the source's (another path, another language's
// version: en.wikipedia.org for ru.wikipedia.org), is not reported: it is
// what a translator is expected to do. The translation's other addresses
// are reported as added.
func checkLinks(srcLang string, sl []Link, lang, tgt string) []Finding {
	tl := appendLinks(nil, tgt)
	if len(sl) == 0 && len(tl) == 0 {
		return nil
	}
	tUsed := make([]bool, len(tl))
	sFound := make([]bool, len(sl))
	for i, s := range sl {
		for k, t := range tl {
			if !tUsed[k] && t.Kind == s.Kind && t.Key == s.Key {
				tUsed[k], sFound[i] = true, true
				break
			}
		}
	}
	// localised links, both ways: a source address whose site the
	// translation links elsewhere, a translation address of a site of
	// the source
	sameSite := func(a, b Link) bool { return a.Kind == WebLink && b.Kind == WebLink && a.Site == b.Site }
	for i, s := range sl {
		if sFound[i] {
			continue
		}
		for k, t := range tl {
			if !tUsed[k] && sameSite(s, t) {
				tUsed[k], sFound[i] = true, true
				break
			}
		}
	}
	for k, t := range tl {
		if tUsed[k] {
			continue
		}
		for _, s := range sl {
			if sameSite(s, t) {
				tUsed[k] = true
				break
			}
		}
	}
	var out []Finding
	next := 0
	for i, s := range sl {
		if sFound[i] {
			continue
		}
		for next < len(tl) && tUsed[next] {
			next++
		}
		f := Finding{Kind: Links, Severity: Error, Lang: lang, SrcLang: srcLang, Source: Span{s.Start, s.End}, Target: NoSpan,
			Message: "qa.links.missing", Data: map[string]any{"Address": s.Text, "SrcLang": srcLang, "Lang": lang}}
		if next < len(tl) {
			t := tl[next]
			tUsed[next] = true
			f.Target, f.Message, f.Fix = Span{t.Start, t.End}, "qa.links.changed", s.Text
			f.Data["Found"] = t.Text
		}
		out = append(out, f)
	}
	for k, t := range tl {
		if !tUsed[k] {
			out = append(out, Finding{Kind: Links, Severity: Error, Lang: lang, SrcLang: srcLang, Source: NoSpan, Target: Span{t.Start, t.End},
				Message: "qa.links.added", Data: map[string]any{"Address": t.Text, "SrcLang": srcLang, "Lang": lang}})
		}
	}
	return out
}

// CheckLinks compares the web addresses, e-mail addresses and @handles of
// a source text and its translation (see [ExtractLinks]): every address
// of the source must be in the translation, the same once the scheme, www.,
// a final slash and the case of the host are set aside. A source address
// the translation lacks is missing, or changed when the translation has
// another address in its place; an address only the translation has is
// added. A localised link (the same site, another page or language
// version) is no finding.
func CheckLinks(srcLang, src, lang, tgt string) []Finding {
	return checkLinks(srcLang, ExtractLinks(src), lang, tgt)
}
