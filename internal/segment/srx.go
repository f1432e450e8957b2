package segment

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// SRX 2.0 (Segmentation Rules eXchange, LISA/GALA) is the rule format of
// OmegaT and Okapi. A file holds named <languagerule> sets of ordered
// <rule break="yes|no"> elements with <beforebreak> and <afterbreak>
// regular expressions, and <languagemap> entries that pick rule sets by a
// regular expression on the language code.

const srxNamespace = "http://www.lisa.org/srx20"

// WriteSRX writes the rule sets as an SRX 2.0 document with one
// languagerule per language, named by its code and mapped from codes that
// start with it (en, en-GB, EN-US...). Starter lists are expanded and
// abbreviation lists are written as the equivalent regular expressions,
// which Java reads the same way as Go. A comment before each rule keeps
// its name. The output validates against the SRX 2.0 schema.
func WriteSRX(w io.Writer, rules map[string]*Rules) error {
	if len(rules) == 0 {
		return errors.New("write srx: no rule sets")
	}
	langs := make([]string, 0, len(rules))
	for l := range rules {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	x := xmlx.NewWriter(w)
	x.Raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.Raw("<srx")
	x.Attr("xmlns", srxNamespace)
	x.Raw(` version="2.0">`, "\n")
	x.Raw("  <header segmentsubflows=\"yes\" cascade=\"no\">\n" +
		"    <formathandle type=\"start\" include=\"no\"/>\n" +
		"    <formathandle type=\"end\" include=\"yes\"/>\n" +
		"    <formathandle type=\"isolated\" include=\"no\"/>\n" +
		"  </header>\n  <body>\n    <languagerules>\n")
	for _, l := range langs {
		r := rules[l]
		x.Raw("      <languagerule")
		x.Attr("languagerulename", l)
		x.Raw(">\n")
		n := 0
		for _, rule := range r.Rules {
			if rule.Abbreviations != nil && len(rule.Abbreviations) == 0 {
				continue // matches nothing
			}
			n++
			if rule.Name != "" {
				x.Raw("        ")
				x.Comment(rule.Name)
				x.Raw("\n")
			}
			brk := "no"
			if rule.Break {
				brk = "yes"
			}
			x.Raw("        <rule")
			x.Attr("break", brk)
			x.Raw(">\n")
			if b := r.BeforePattern(rule); b != "" {
				x.Raw("          ")
				x.Element("beforebreak", b)
				x.Raw("\n")
			}
			if a := r.AfterPattern(rule); a != "" {
				x.Raw("          ")
				x.Element("afterbreak", a)
				x.Raw("\n")
			}
			x.Raw("        </rule>\n")
		}
		if n == 0 {
			// The schema wants at least one rule: one that never breaks.
			x.Raw("        <rule break=\"no\"/>\n")
		}
		x.Raw("      </languagerule>\n")
	}
	x.Raw("    </languagerules>\n    <maprules>\n")
	for _, l := range langs {
		x.Raw("      <languagemap")
		x.Attr("languagepattern", languagePattern(l))
		x.Attr("languagerulename", l)
		x.Raw("/>\n")
	}
	x.Raw("    </maprules>\n  </body>\n</srx>\n")
	return x.Flush()
}

// languagePattern matches the code and its regional variants in either
// case without regex flags, which tools apply differently: en gives
// "[Ee][Nn](?:[-_].*)?".
func languagePattern(lang string) string {
	var b strings.Builder
	for _, r := range lang {
		lo, up := strings.ToLower(string(r)), strings.ToUpper(string(r))
		if lo == up {
			b.WriteString(regexp.QuoteMeta(lo))
			continue
		}
		b.WriteString("[" + up + lo + "]")
	}
	b.WriteString("(?:[-_].*)?")
	return b.String()
}

// srxRule is a rule read from a file, with where it was.
type srxRule struct {
	Rule
	offset int64
}

// srxMap is a languagemap read from a file.
type srxMap struct {
	pattern, name string
	offset        int64
}

// ReadSRX reads an SRX 2.0 document and returns the rule sets it gives the
// languages with built-in rules (en, ru, kk) and the languages more, chosen
// by its languagemap
// patterns: all matching maps in order when the header says
// cascade="yes", the first otherwise. Patterns are read as Java regular
// expressions: \uXXXX escapes and Java's \p{javaLowerCase}-style classes
// are translated; look-around and other constructs that Go's RE2 lacks are
// reported as a segment.rule error with the rule's line and column. A rule written
// by WriteSRX from an abbreviation list comes back as that list. What SRX
// cannot carry (starter words and joiners for headline detection) is taken
// from the built-in rules of the language (a language of more has none).
// Malformed XML and documents that are not SRX 2.0 give a segment.srx
// error.
func ReadSRX(r io.Reader, more ...string) (map[string]*Rules, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read srx: %w", err)
	}
	dec, err := xmlx.NewDecoder(data)
	if err != nil {
		return nil, scanError(err)
	}
	p := srxParser{dec: dec, sets: map[string][]srxRule{}}
	if err := p.parse(); err != nil {
		return nil, err
	}
	langs := Languages()
	for _, l := range more {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	return p.build(langs)
}

type srxParser struct {
	dec     *xmlx.Decoder
	cascade bool
	sets    map[string][]srxRule
	maps    []srxMap
}

// scanError turns the XML scanner's error into an SRX error.
func scanError(err error) error {
	var xe *xmlx.Error
	if !errors.As(err, &xe) {
		return err
	}
	if xe.Code == xmlx.CodeNoRoot {
		return srxError(locale.Pos{Line: 1, Column: 1}, "root", "empty document")
	}
	return srxError(locale.Pos{Line: xe.Line, Column: xe.Column}, "syntax", xe.Reason())
}

// position converts a byte offset into a 1-based line and column (in
// characters).
func (p *srxParser) position(off int64) (line, col int) { return p.dec.At(int(off)) }

func (p *srxParser) fail(off int64, code, detail string) error {
	line, col := p.position(off)
	return srxError(locale.Pos{Line: line, Column: col}, code, detail)
}

func (p *srxParser) parse() error {
	dec := p.dec
	root, err := dec.Root()
	if err != nil {
		return scanError(err)
	}
	off := int64(dec.Start())
	if root.Name.Local != "srx" {
		return p.fail(off, "root", "<"+root.Name.Local+">")
	}
	if v := attr(root, "version"); v != "2.0" {
		return p.fail(off, "version", v)
	}
	var (
		stack   []string
		set     string   // current languagerule name
		rule    *srxRule // current rule
		text    strings.Builder
		comment string // last comment before a rule
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return scanError(err)
		}
		off := int64(dec.Start())
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if t.Name.Space != "" && t.Name.Space != srxNamespace {
				if err := dec.Skip(); err != nil {
					return scanError(err)
				}
				continue
			}
			stack = append(stack, name)
			switch name {
			case "header":
				p.cascade = attr(t, "cascade") == "yes"
			case "languagerule":
				set = attr(t, "languagerulename")
				if _, ok := p.sets[set]; !ok {
					p.sets[set] = nil // defined, even if it holds no rule
				}
			case "rule":
				brk := attr(t, "break")
				if brk != "" && brk != "yes" && brk != "no" {
					return p.fail(off, "break", brk)
				}
				rule = &srxRule{Rule: Rule{Break: brk != "no", Name: comment}, offset: off}
			case "beforebreak", "afterbreak":
				text.Reset()
			case "languagemap":
				p.maps = append(p.maps, srxMap{pattern: attr(t, "languagepattern"), name: attr(t, "languagerulename"), offset: off})
			}
			comment = ""
		case xml.EndElement:
			if len(stack) == 0 {
				continue // the end of <srx>
			}
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case rule != nil && name == "beforebreak":
				rule.Before = text.String()
			case rule != nil && name == "afterbreak":
				rule.After = text.String()
			case rule != nil && name == "rule":
				p.sets[set] = append(p.sets[set], *rule)
				rule = nil
			}
		case xml.CharData:
			text.Write(t)
		case xml.Comment:
			comment = strings.TrimSpace(string(t))
		}
	}
	return nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// build turns the parsed sets and maps into Rules for langs.
func (p *srxParser) build(langs []string) (map[string]*Rules, error) {
	for _, m := range p.maps {
		if _, ok := p.sets[m.name]; !ok {
			return nil, p.fail(m.offset, "rule-set", m.name)
		}
	}
	out := map[string]*Rules{}
	for _, lang := range langs {
		var picked []string
		for _, m := range p.maps {
			if !matchLanguage(m.pattern, lang) {
				continue
			}
			picked = append(picked, m.name)
			if !p.cascade {
				break
			}
		}
		if len(picked) == 0 {
			continue
		}
		r := &Rules{Lang: lang}
		if slices.Contains(Languages(), lang) {
			def, err := DefaultRules(lang)
			if err != nil {
				return nil, err
			}
			r.Starters, r.Joiners = def.Starters, def.Joiners
		}
		for _, name := range picked {
			for i, x := range p.sets[name] {
				rule, err := p.convert(x, name, i+1)
				if err != nil {
					return nil, err
				}
				r.Rules = append(r.Rules, rule)
			}
		}
		out[lang] = r
	}
	if len(out) == 0 {
		return nil, srxError(locale.Pos{}, "no-languages", strings.Join(langs, ", "))
	}
	return out, nil
}

// convert translates one rule's patterns from Java syntax and checks them.
func (p *srxParser) convert(x srxRule, set string, index int) (Rule, error) {
	rule := x.Rule
	rule.Before, rule.After = fromJava(x.Before), fromJava(x.After)
	if words, ok := abbreviationsOf(rule.Before); ok {
		rule.Before, rule.Abbreviations = "", words
	}
	check := &Rules{Lang: set}
	if err := check.validateRule(rule, ""); err != nil {
		if field, cause, ok := asRuleError(err); ok {
			line, col := p.position(x.offset)
			pattern := x.Before
			if field == "afterbreak" {
				pattern = x.After
			}
			return rule, ruleError(locale.Pos{Line: line, Column: col}, fmt.Sprintf("languagerule %s, rule %d", set, index), field, pattern, cause)
		}
		return rule, err
	}
	return rule, nil
}

// matchLanguage reports whether an SRX languagepattern (a Java regular
// expression that must match the whole code) accepts lang, in lower or
// upper case.
func matchLanguage(pattern, lang string) bool {
	re, err := regexp.Compile("^(?:" + fromJava(pattern) + ")$")
	if err != nil {
		return false
	}
	return re.MatchString(lang) || re.MatchString(strings.ToUpper(lang))
}

// javaClasses maps Java-only character class names to RE2 ones.
var javaClasses = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer(
		`\p{javaLowerCase}`, `\p{Ll}`, `\p{javaUpperCase}`, `\p{Lu}`,
		`\p{javaLetter}`, `\p{L}`, `\p{javaDigit}`, `\p{Nd}`,
		`\p{javaLetterOrDigit}`, `[\p{L}\p{Nd}]`, `\p{javaWhitespace}`, `\s`,
		`\p{IsAlphabetic}`, `\p{L}`, `\p{IsLetter}`, `\p{L}`, `\p{IsDigit}`, `\p{Nd}`,
		`\p{IsUppercase}`, `\p{Lu}`, `\p{IsLowercase}`, `\p{Ll}`,
		`\p{Lower}`, `[a-z]`, `\p{Upper}`, `[A-Z]`, `\p{Alpha}`, `[A-Za-z]`,
		`\p{Digit}`, `[0-9]`, `\p{Alnum}`, `[A-Za-z0-9]`, `\p{Space}`, `\s`,
		`\p{Punct}`, "[!-/:-@\\[-`{-~]",
	)
}}

var (
	javaUnicodeEscape  = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`\\u([0-9A-Fa-f]{4})`) }}
	javaCategoryPrefix = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`\\([pP])\{(?:Is)?(L[ultmo]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?)\}`)
	}}
)

// fromJava rewrites the parts of a Java regular expression that RE2 spells
// differently and that SRX files commonly use.
func fromJava(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	s = javaUnicodeEscape.Get().ReplaceAllString(s, `\x{$1}`)
	s = javaClasses.Get().Replace(s)
	return javaCategoryPrefix.Get().ReplaceAllString(s, `\$1{$2}`)
}

// abbreviationsOf recognises a pattern written by AbbreviationPattern and
// returns its words.
func abbreviationsOf(before string) ([]string, bool) {
	inner, ok := strings.CutPrefix(before, abbrevPrefix+"(?:")
	if !ok || !strings.HasSuffix(inner, ")") {
		return nil, false
	}
	inner = strings.ReplaceAll(inner[:len(inner)-1], abbrevSpace, " ")
	var words []string
	var w strings.Builder
	for i := 0; i < len(inner); i++ {
		switch c := inner[i]; {
		case c == '\\' && i+1 < len(inner):
			i++
			w.WriteByte(inner[i])
		case c == '|':
			words = append(words, w.String())
			w.Reset()
		case strings.IndexByte(`.+*?()|[]{}^$`, c) >= 0:
			return nil, false // a real pattern, not a word list
		default:
			w.WriteByte(c)
		}
	}
	words = append(words, w.String())
	if AbbreviationPattern(words) != before {
		return nil, false
	}
	return words, true
}
