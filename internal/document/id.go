package document

import "fmt"

// IDError is returned by ValidID for an id that is not a lowercase slug.
type IDError struct {
	ID     string
	Offset int // byte offset of the first bad character, -1 when the id is empty or too long
}

func (e *IDError) Error() string {
	if e.Offset < 0 {
		return fmt.Sprintf("invalid document id %q: it must be 1 to 64 characters", e.ID)
	}
	return fmt.Sprintf("invalid document id %q: bad character at byte %d", e.ID, e.Offset)
}

// MessageID names the localized message for e.
func (e *IDError) MessageID() string { return "document.bad-id" }

// TemplateData gives the values of the localized message.
func (e *IDError) TemplateData() map[string]any {
	return map[string]any{"ID": e.ID, "Offset": e.Offset}
}

// Hint suggests a fix.
func (e *IDError) Hint() string { return "document.bad-id.hint" }

// ValidID checks that id is a lowercase slug: letters a-z, digits and
// single inner hyphens, at most 64 bytes. Ids become folder and file names,
// so this check is what keeps "../x", "a/b" and "CON" out of the file system.
func ValidID(id string) error {
	if id == "" || len(id) > 64 {
		return &IDError{ID: id, Offset: -1}
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && i > 0 && i < len(id)-1 && id[i-1] != '-':
		default:
			return &IDError{ID: id, Offset: i}
		}
	}
	return nil
}
