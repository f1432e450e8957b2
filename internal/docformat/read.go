package docformat

import (
	"github.com/tilmash/tilmash/internal/locale"
)

// Read converts data, in format html or docx, into a Doc. Text and
// Markdown need the stored-text normalization first (package document),
// then [ReadMarkdown]; Read refuses them. name is the input's name for
// errors.
func Read(format Format, name string, data []byte) (*Doc, error) {
	switch format {
	case HTML:
		return ReadHTML(name, data)
	case DOCX:
		return ReadDOCX(name, data)
	}
	return nil, BadFormat(string(format))
}

// BadFormat is the error for a --format value that names no import
// format.
func BadFormat(f string) error {
	return locale.NewError("formats.bad-format", map[string]any{"Format": f, "Formats": "txt, md, html, docx"}).
		WithHint("formats.bad-format.hint").OfKind(locale.Usage)
}

// NotText is the error for a binary file read as text or Markdown: kind
// is what [Binary] found.
func NotText(name, kind string) error {
	return locale.NewError("formats.binary", map[string]any{"Kind": kind}).
		WithHint("formats.binary.hint").At(locale.Pos{File: name})
}
