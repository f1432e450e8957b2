package xmlx

import (
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
)

// Reason returns what is wrong as a catalogue message, for a reader to put
// in its own message ("file:line:column: {{.Reason}}") in the reader's
// language: e's Msg when its reader set one, else the message of its Code,
// and for a syntax error the one [SyntaxReason] finds for encoding/xml's
// words. Only a problem no message describes keeps the parser's English,
// said to be its words.
func (e *Error) Reason() locale.Msg {
	if e.Msg.ID != "" {
		return e.Msg
	}
	switch e.Code {
	case CodeSyntax:
		return SyntaxReason(e.Detail)
	case CodeBadUTF8:
		return locale.Msg{ID: "formats.xml.bad-byte", Data: map[string]any{"Byte": e.Value}}
	case CodeEncoding:
		if e.Value != "" {
			return locale.Msg{ID: "formats.xml.encoding", Data: map[string]any{"Encoding": e.Value}}
		}
	case CodeTooDeep:
		return locale.Msg{ID: "formats.xml.too-deep", Data: map[string]any{"Limit": MaxDepth}}
	case CodeTooLarge:
		return locale.Msg{ID: "formats.xml.too-large", Data: map[string]any{"Limit": MaxSize >> 20}}
	case CodeNoRoot:
		return locale.Msg{ID: "formats.xml.no-root"}
	}
	return rawReason(e.Detail)
}

// With sets the message that says what is wrong in the reader's words
// (see [Error.Reason]) and returns e.
func (e *Error) With(id string, data map[string]any) *Error {
	e.Msg = locale.Msg{ID: id, Data: data}
	return e
}

func rawReason(detail string) locale.Msg {
	return locale.Msg{ID: "formats.xml.parser", Data: map[string]any{"Detail": detail}}
}

// SyntaxReason returns the catalogue message for a well-formedness error
// in encoding/xml's words (which package docformat's scanner of DOCX
// parts uses too): what is wrong, with what to write instead where there
// is one fix (a lone & or <, an HTML entity). Words it does not know are
// kept, as the XML parser's.
func SyntaxReason(detail string) locale.Msg {
	msg := func(id string, kv ...string) locale.Msg {
		var data map[string]any
		if len(kv) > 0 {
			data = map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				data[kv[i]] = kv[i+1]
			}
		}
		return locale.Msg{ID: id, Data: data}
	}
	switch detail {
	case "unexpected EOF", "unexpected end of file", "unexpected EOF in CDATA section":
		return msg("formats.xml.eof")
	case "expected element name after <":
		return msg("formats.xml.lone-lt")
	case "expected attribute name in element", "attribute name without = in element", "unquoted or missing attribute value in element":
		return msg("formats.xml.attribute")
	case "unescaped < inside quoted string":
		return msg("formats.xml.lt-in-value")
	case "unescaped ]]> not in CDATA section":
		return msg("formats.xml.cdata-end")
	case "invalid UTF-8":
		return msg("formats.xml.utf8")
	}
	if rest, ok := strings.CutPrefix(detail, "invalid character entity "); ok {
		if ent, ok := strings.CutSuffix(rest, " (no semicolon)"); ok {
			return msg("formats.xml.ampersand", "Entity", ent)
		}
		return msg("formats.xml.entity", "Entity", rest)
	}
	if code, ok := strings.CutPrefix(detail, "illegal character code "); ok {
		return msg("formats.xml.char", "Char", code)
	}
	if name, ok := strings.CutPrefix(detail, "unexpected end element "); ok {
		return msg("formats.xml.unexpected-end", "Tag", name)
	}
	if rest, ok := strings.CutPrefix(detail, "element "); ok && !strings.Contains(rest, " in space ") {
		if open, closed, ok := strings.Cut(rest, " closed by "); ok {
			return msg("formats.xml.closed-by", "Open", open, "Close", closed)
		}
	}
	return rawReason(detail)
}
