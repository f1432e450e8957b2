package app

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/yamlx"
)

// TestManifestFastReadsEveryField: the line reader of manifests reads
// every field publish writes (a field it did not know would send every
// manifest through the YAML decoder), the same as the decoder.
func TestManifestFastReadsEveryField(t *testing.T) {
	digest := strings.Repeat("ab", 32)
	m := &manifest{Created: true, Files: []string{"doc1.tmx", "doc1.ru.md"}, Aligned: digest, Inputs: digest,
		Written: []writtenFile{{Name: "doc1.tmx", Size: 10, MTime: 1700000000000000001}, {Name: "doc1.ru.md", Size: 3, MTime: 2}},
		Gate:    &gateSummary{Groups: 4, Confirmed: 3, Flagged: 1, Findings: 2, Quiet: false, Unplaced: 5}}
	data, err := yamlx.Marshal(manifestHeader, m)
	if err != nil {
		t.Fatal(err)
	}
	fast, ok := parseManifestFast(data)
	if !ok {
		t.Fatalf("the line reader does not read:\n%s", data)
	}
	if !reflect.DeepEqual(fast, m) {
		t.Errorf("line reader: %+v %+v, want %+v %+v", fast, fast.Gate, m, m.Gate)
	}
	slow, err := parseManifest("m", append(data, "# hand-edited: no newline at the end"...))
	if err != nil || !reflect.DeepEqual(slow, m) {
		t.Errorf("YAML decoder: %+v, %v; want %+v", slow, err, m)
	}
}
