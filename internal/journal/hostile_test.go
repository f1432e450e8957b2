package journal

import (
	"errors"
	"testing"

	"github.com/tilmash/tilmash/internal/yamlx"
	"github.com/tilmash/tilmash/internal/yamlx/yamlxtest"
)

// TestParseEntryRefusesBombs: journal entries are read with the YAML
// limits of every file.
func TestParseEntryRefusesBombs(t *testing.T) {
	for _, b := range yamlxtest.Bombs() {
		_, err := ParseEntry("e.yaml", b.Data, func(string) bool { return true })
		var le *yamlx.LimitError
		if !errors.As(err, &le) || le.Code != b.Code || le.File != "e.yaml" {
			t.Errorf("%s: err = %v, want %s", b.Name, err, b.Code)
		}
	}
}

// FuzzParseEntry: any bytes give an entry or an error, never a panic, and
// an accepted entry names only files the validator allows. Its corpus holds
// the YAML bombs (self-merge, nested merge, alias amplification).
func FuzzParseEntry(f *testing.F) {
	// Two strings, as in the corpus this target inherited from the review
	// package; only the second is parsed.
	f.Add("", "step: 1\nmessage: m\nfiles:\n  - name: alignment.yaml\n    created: true\n    after_sum: x\n")
	f.Fuzz(func(t *testing.T, _, data string) {
		e, err := ParseEntry("e.yaml", []byte(data), func(n string) bool { return n == "alignment.yaml" })
		if err != nil {
			return
		}
		for _, f := range e.Files {
			if f.Name != "alignment.yaml" {
				t.Fatalf("accepted file %q", f.Name)
			}
		}
	})
}
