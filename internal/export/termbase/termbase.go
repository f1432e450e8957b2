// Package termbase writes the workspace glossary as a term base other
// tools open, and reads such term bases back into glossary entries.
//
// Formats:
//
//   - tbx: TBX v3 in the TBX-Basic dialect (style dca), valid against the
//     TBX core structure schema TBXcoreStructV03.rng. Each entry is a
//     conceptEntry; each form a termSec whose administrativeStatus says
//     what it is: the term is preferredTerm-admn-sts, variants and extra
//     forms admittedTerm-admn-sts, forbidden forms deprecatedTerm-admn-sts.
//   - tbx2: TBX 2 (the martif format of ISO 30042:2008) that OmegaT and
//     Translate Toolkit read, valid against OmegaT's martif schema. OmegaT
//     offers every term of a langSet as a translation whatever its status,
//     so forbidden forms are not terms here: each is a langSet-level
//     <descrip type="forbidden">, which OmegaT shows in the comment.
//   - csv, tsv: the glossary files OmegaT reads: one language pair, the
//     columns source term, target term, comment. tilmash adds columns
//     after those three (OmegaT ignores them) so that nothing is lost:
//     id, kind, then variants, forbidden forms, extra forms and the
//     inflection hint of each language, lists separated by "; ". A first
//     line starting with "#" (a comment to OmegaT) names the columns.
//
// What TBX has no data category for travels in notes that start with
// "tilmash:": "tilmash: kind=person" on the entry, "tilmash: inflect=…"
// on a term, "tilmash: form" on an extra form. Other tools show them as
// comments; [Read] turns them back into fields.
package termbase

import (
	"io"
	"regexp"
	"strings"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/locale"
)

// Formats lists the term base formats, in the order help shows them.
var Formats = []string{"tbx", "tbx2", "csv", "tsv"}

// Extension returns the extension of the files of a format, "" for no
// format. Both TBX versions use .tbx, so a TBX 2 file is named
// NAME.tbx2.tbx.
func Extension(format string) string {
	switch format {
	case "tbx", "csv", "tsv":
		return "." + format
	case "tbx2":
		return ".tbx2.tbx"
	}
	return ""
}

// PairFormat reports the formats that hold one language pair.
func PairFormat(format string) bool { return format == "csv" || format == "tsv" }

// Options tune Write.
type Options struct {
	// Langs are the languages to write, in order. Empty means the
	// glossary's languages. CSV and TSV need exactly two: source and
	// target.
	Langs []string
	// Version is the tilmash version, named in the header.
	Version string
}

// badFormat is the error for an unknown term base format.
func badFormat(format string) error {
	return locale.NewError("app.bad-format", map[string]any{"Format": format, "Formats": strings.Join(Formats, ", ")})
}

// notAPair is the error for a CSV or TSV export without exactly two
// languages.
func notAPair(format string, langs []string) error {
	return locale.NewError("glossary-export.pair", map[string]any{"Format": format, "Count": len(langs), "Langs": strings.Join(langs, ", ")}).
		WithHint("glossary-export.pair.hint")
}

// empty is the error for a glossary with no entries: a term base body must
// hold at least one.
func empty() error { return locale.NewError("glossary-export.empty", nil) }

// Write writes the entries of g in format.
func Write(w io.Writer, format string, g *glossary.Glossary, opt Options) error {
	langs := opt.Langs
	if len(langs) == 0 {
		langs = g.Langs
	}
	if len(g.Entries) == 0 {
		return empty()
	}
	if opt.Version == "" {
		opt.Version = "dev"
	}
	switch format {
	case "tbx":
		return writeTBX3(w, g.Entries, langs, opt)
	case "tbx2":
		return writeTBX2(w, g.Entries, langs, opt)
	case "csv", "tsv":
		if len(langs) != 2 {
			return notAPair(format, langs)
		}
		return writeTable(w, format, g.Entries, langs)
	}
	return badFormat(format)
}

// Detect guesses the format of a term base from its name and first bytes:
// .csv is csv; .tsv, .tab, .txt and .utf8 (OmegaT's names) are tsv; XML is
// tbx2 when its root is <martif>, tbx when it is <tbx>.
func Detect(name string, data []byte) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".csv"):
		return "csv"
	case strings.HasSuffix(lower, ".tsv"), strings.HasSuffix(lower, ".tab"), strings.HasSuffix(lower, ".txt"), strings.HasSuffix(lower, ".utf8"):
		return "tsv"
	}
	head := string(data[:min(len(data), 4096)])
	if m := rootElement.Get().FindStringSubmatch(head); m != nil {
		switch m[1] {
		case "martif":
			return "tbx2"
		case "tbx":
			return "tbx"
		}
	}
	return ""
}

var rootElement = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`<([A-Za-z][\w.-]*)[\s>/]`) }}

// xmlID makes an XML ID (an NCName) of a glossary id: glossary ids may
// start with a digit, which an ID may not, so those get a "_" in front.
// Glossary ids never start with "_", so Read can take it off again.
func xmlID(id string) string {
	if id != "" && id[0] >= '0' && id[0] <= '9' {
		return "_" + id
	}
	return id
}

// tilmashNote is the prefix of the notes that carry tilmash's own fields.
const tilmashNote = "tilmash:"
