package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// appendSpaceAfter appends a typography finding for each comma or
// semicolon of tgt written between two letters with no space after it
// ("Европе,в южной части"), a slip of hurried typing that no other check
// sees: the spelling check reads the two words apart, and the space checks
// look only at spaces. Between digits (3,5) it is a number; inside a web or
// e-mail address (as the links check reads them, ExtractLinks) it belongs
// to the address; and a source that has the same
// slip is copied faithfully, so none of those is reported. Measured on the
// human translations of ntrex-dev, NTREX-128 and the UDHR (en, ru, kk):
// 3 such marks in all, each a real slip.
func appendSpaceAfter(out []Finding, srcLang, src, lang, tgt string) []Finding {
	if !strings.ContainsAny(tgt, ",;") {
		return out
	}
	checked, inSource := false, false
	var links []Link
	for i := 0; i < len(tgt); {
		k := strings.IndexAny(tgt[i:], ",;")
		if k < 0 {
			break
		}
		k += i
		i = k + 1
		if !betweenLetters(tgt, k) {
			continue
		}
		if !checked {
			checked = true
			links = ExtractLinks(tgt)
			sl := ExtractLinks(src)
			for j := 0; j < len(src) && !inSource; j++ {
				inSource = (src[j] == ',' || src[j] == ';') && betweenLetters(src, j) && !inLink(sl, j)
			}
		}
		if inSource {
			return out
		}
		if inLink(links, k) {
			continue
		}
		out = append(out, Finding{Kind: Typography, Severity: Warning, Lang: lang, SrcLang: srcLang,
			Source: NoSpan, Target: Span{k, k + 1}, Message: "qa.typography.space-after", Fix: tgt[k:k+1] + " ",
			lazy: typoData, text: tgt[k : k+1]})
	}
	return out
}

// betweenLetters reports whether the byte at k of s comes right after a
// letter and right before one.
func betweenLetters(s string, k int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:k])
	after, _ := utf8.DecodeRuneInString(s[k+1:])
	return unicode.IsLetter(before) && unicode.IsLetter(after)
}

// inLink reports whether byte k is inside one of links (see ExtractLinks:
// web and e-mail addresses and handles).
func inLink(links []Link, k int) bool {
	for _, l := range links {
		if l.Start <= k && k < l.End {
			return true
		}
	}
	return false
}
