package qa

import "github.com/tilmash/tilmash/internal/glossary"

// Options choose and tune the checks of a [Checker].
type Options struct {
	// Checks lists the checks to run; nil runs every check, spelling only
	// when Spellers has one for the language.
	Checks []Kind
	// Severity changes the severity of a check's findings.
	Severity map[Kind]Severity
	// Typography configures the typography check.
	Typography TypographyOptions
	// Glossary gives the names whose Kazakh endings are checked.
	Glossary *glossary.Glossary
	// Endings is the index of Glossary's names when the caller keeps one
	// ([NewEndingsIndex]; check keeps one per glossary); nil builds it.
	Endings *EndingsIndex
	// Spellers by language (en, ru, kk), from [NewSpeller].
	Spellers map[string]*Speller
}

// Checker runs the checks that look at one source text and one translation
// at a time (all but consistency, which needs the whole workspace: see
// [ConsistencyIndex]). It is safe for concurrent use.
type Checker struct {
	opt     Options
	on      map[Kind]bool
	endings *EndingsIndex
	// the checks CheckSource runs, looked up once rather than per text
	untranslated, numbers, links, typography, spelling bool
}

// NewChecker returns a checker for opt.
func NewChecker(opt Options) *Checker {
	c := &Checker{opt: opt, on: map[Kind]bool{}}
	if opt.Checks == nil {
		for _, k := range Kinds {
			c.on[k] = true
		}
	}
	for _, k := range opt.Checks {
		c.on[k] = true
	}
	if c.on[Endings] {
		c.endings = opt.Endings
		if c.endings == nil {
			c.endings = NewEndingsIndex(opt.Glossary)
		}
	}
	c.untranslated, c.numbers, c.links, c.typography, c.spelling = c.on[Untranslated], c.on[Numbers], c.on[Links], c.on[Typography], c.on[Spelling]
	return c
}

// Enabled reports whether the checker runs check k.
func (c *Checker) Enabled(k Kind) bool { return c.on[k] }

// CheckPair runs the enabled checks on the source text src (in srcLang)
// and its translation tgt (in lang). A blank translation is not checked:
// an untranslated group is the workflow's business, not a finding. The
// error is hunspell's, when it fails mid-way; the findings so far are
// returned with it.
func (c *Checker) CheckPair(srcLang, src, lang, tgt string) ([]Finding, error) {
	return c.CheckSource(NewSource(srcLang, src), lang, tgt)
}

// Source is a source text prepared for checking against each of its
// translations: what the checks read from it (its numbers, its links) is
// read once. It is for one goroutine at a time.
type Source struct {
	Lang, Text string
	nums       []Value
	numsRead   bool
	links      []Link
	linksRead  bool
}

// NewSource prepares text, written in lang, for [Checker.CheckSource].
func NewSource(lang, text string) *Source { return &Source{Lang: lang, Text: text} }

func (s *Source) numbers() []Value {
	if !s.numsRead {
		s.nums, s.numsRead = ExtractNumbers(s.Lang, s.Text), true
	}
	return s.nums
}

func (s *Source) linkList() []Link {
	if !s.linksRead {
		s.links, s.linksRead = ExtractLinks(s.Text), true
	}
	return s.links
}

// CheckSource is [Checker.CheckPair] for a prepared source: check each
// translation of one source through one Source.
func (c *Checker) CheckSource(s *Source, lang, tgt string) ([]Finding, error) {
	return c.AppendSource(nil, s, lang, tgt)
}

// AppendSource is [Checker.CheckSource] appending the findings to dst: a
// caller that copies them elsewhere reuses one slice for every text.
func (c *Checker) AppendSource(dst []Finding, s *Source, lang, tgt string) ([]Finding, error) {
	srcLang, src := s.Lang, s.Text
	if isBlank(tgt) {
		return dst, nil
	}
	start := len(dst)
	out := dst
	if c.untranslated {
		out = append(out, CheckUntranslated(srcLang, src, lang, tgt)...)
	}
	if c.numbers {
		out = append(out, checkNumbers(srcLang, s.numbers(), lang, tgt)...)
	}
	if c.links {
		out = append(out, checkLinks(srcLang, s.linkList(), lang, tgt)...)
	}
	if c.typography {
		out = appendTypography(out, srcLang, src, lang, tgt, c.opt.Typography)
	}
	if c.endings != nil {
		out = append(out, c.endings.Check(lang, tgt)...)
	}
	var err error
	if c.spelling {
		if sp := c.opt.Spellers[baseLang(lang)]; sp != nil {
			var fs []Finding
			fs, err = sp.Check(tgt)
			out = append(out, fs...)
		}
	}
	if len(c.opt.Severity) > 0 {
		for i := start; i < len(out); i++ {
			if s, ok := c.opt.Severity[out[i].Kind]; ok {
				out[i].Severity = s
			}
		}
	}
	return out, err
}

// HasError reports whether any finding has severity error.
func HasError(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}
