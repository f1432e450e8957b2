package app

import (
	"bytes"
	"errors"
	"strings"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/lexicon"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/segment"
)

// Input is the content of a file a command reads, with the name its errors give for it.
type Input struct {
	Name string
	Data []byte
}

// FileSentences is one side of align-files: with presegmented, one sentence a line (empty lines
// count, so indices match line numbers), else the text cut by the built-in segmenter, with its
// paragraphs. Either way bad UTF-8 is refused with its offset, as import does. in.Data is the
// caller's no longer: the sentences keep its text rather than a copy (see NormalizeOwned).
func (app *App) FileSentences(in Input, lang string, presegmented bool) ([]align.Sentence, error) {
	text, err := document.NormalizeOwned(in.Name, in.Data)
	if err != nil {
		return nil, err
	}
	var out []align.Sentence
	if presegmented {
		t := strings.TrimSuffix(text, "\n")
		if t == "" {
			return nil, nil
		}
		out = make([]align.Sentence, 0, strings.Count(t, "\n")+1)
		for line := range strings.SplitSeq(t, "\n") {
			out = append(out, align.Sentence{Text: line})
		}
		return out, nil
	}
	seg, err := app.Segmenter(nil, lang)
	if err != nil {
		return nil, err
	}
	segs := seg.Segment(text)
	out = make([]align.Sentence, 0, len(segs))
	for _, s := range segs {
		out = append(out, align.Sentence{Text: s.Text, Para: s.Para})
	}
	return out, nil
}

// ReadLexicon reads a lexicon file (TSV: source word, target word, weight), as align-files
// --lexicon and lexicon show take it; a bad line is refused (exit 2) with its position.
func ReadLexicon(in Input, srcLang, tgtLang string) (*lexicon.Lexicon, error) {
	lex, err := lexicon.Read(bytes.NewReader(in.Data), srcLang, tgtLang)
	var se *lexicon.SyntaxError
	if errors.As(err, &se) {
		return nil, locale.NewError("lexicon.bad-line", map[string]any{"File": in.Name, "Line": se.Line, "Column": se.Column, "Offset": se.Offset, "Text": se.Text}).
			WithHint("lexicon.bad-line.hint").OfKind(locale.Usage)
	}
	return lex, err
}

// LexiconEntries is lexicon show on a file: its entries, or with word those of its stem only.
func LexiconEntries(lex *lexicon.Lexicon, word string) []lexicon.Entry {
	all := lex.Entries()
	if word == "" {
		return all
	}
	stem := lexicon.Stem(lex.SrcLang, word)
	var out []lexicon.Entry
	for _, e := range all {
		if e.Src == stem {
			out = append(out, e)
		}
	}
	return out
}

// AlignFilesOptions are align-files' choices beyond its two sides.
type AlignFilesOptions struct {
	SrcLang, TgtLang string
	// Glossary is a folder of glossary files whose terms anchor the pairs ("" for none).
	Glossary string
	// Lexicon is a lexicon file (see ReadLexicon), nil for none.
	Lexicon *Input
	// NoRealign skips the second pass; NoSeed leaves out the shipped seed lexicon.
	NoRealign, NoSeed bool
}

// AlignFiles is align-files: it pairs the sentences of two texts outside any workspace, with the
// terms of a glossary folder and a lexicon file if o gives them.
func (app *App) AlignFiles(src, tgt []align.Sentence, o AlignFilesOptions) ([]align.Bead, error) {
	opt := align.Options{SrcLang: o.SrcLang, TgtLang: o.TgtLang, NoRealign: o.NoRealign, NoSeed: o.NoSeed}
	var err error
	if o.Glossary != "" {
		if opt.Terms, err = app.TermsFromDir(o.Glossary, []string{o.SrcLang, o.TgtLang}); err != nil {
			return nil, err
		}
	}
	if o.Lexicon != nil {
		if opt.Lexicon, err = ReadLexicon(*o.Lexicon, o.SrcLang, o.TgtLang); err != nil {
			return nil, err
		}
	}
	return align.Pair(src, tgt, opt), nil
}

// SegmenterFromSRX is segment --srx: the rules of lang in an SRX file, compiled.
func SegmenterFromSRX(in Input, lang string) (*segment.Segmenter, error) {
	sets, err := segment.ReadSRXFile(in.Name, in.Data)
	if err != nil {
		return nil, err
	}
	r, ok := sets[lang]
	if !ok {
		return nil, locale.NewError("segment.srx-no-lang", map[string]any{"File": in.Name, "Lang": lang}).OfKind(locale.Usage)
	}
	return segment.Compile(r)
}
