package xliff

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// MarkNS is the namespace of the attribute (tilmash:exported) a tilmash
// XLIFF 2.0 export puts on each <unit>; a 1.2 export writes the same mark
// in the <trans-unit>'s extradata, the attribute XLIFF 1.2 keeps for a
// tool's own data.
const MarkNS = "urn:tilmash:xliff"

// markPrefix starts every mark, so that another tool's extradata is not
// taken for one.
const markPrefix = "tilmash:"

// Mark is what an export records of a unit: the group's status and a
// fingerprint of the target text it wrote. When the file comes back, the
// mark tells what the translator changed from what tilmash changed since
// the export: a target whose fingerprint is still the mark's was not
// touched in the CAT tool, whatever the group holds now.
type Mark struct {
	Status string // the group's status at the export: aligned, flagged or confirmed
	Target string // Fingerprint of the target the export wrote ("" target too)
}

// String is the mark as written: tilmash:STATUS:FINGERPRINT.
func (m Mark) String() string { return markPrefix + m.Status + ":" + m.Target }

// ParseMark reads a mark as String writes it; ok is false for anything
// else (no mark, another tool's extradata).
func ParseMark(s string) (m Mark, ok bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), markPrefix)
	if !ok {
		return Mark{}, false
	}
	status, fp, ok := strings.Cut(rest, ":")
	if !ok || status == "" || len(fp) != 16 || strings.Trim(fp, "0123456789abcdef") != "" {
		return Mark{}, false
	}
	return Mark{Status: status, Target: fp}, true
}

// Fingerprint identifies a unit's text as a CAT tool may store it back:
// valid UTF-8 in NFC with white space collapsed, so that re-wrapping or
// re-spacing does not count as a change. It is the first 64 bits of the
// SHA-256 of that text, in hex.
func Fingerprint(text string) string {
	flat := strings.Join(strings.Fields(norm.NFC.String(strings.ToValidUTF8(text, "\uFFFD"))), " ")
	sum := sha256.Sum256([]byte(flat))
	return hex.EncodeToString(sum[:8])
}
