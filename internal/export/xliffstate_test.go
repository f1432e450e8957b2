package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
)

// TestXLIFFNoTarget: a group with no text in the target language has,
// in XLIFF 1.2, an empty <target state="needs-translation"/>, as XLIFF
// 2.0 marks its segment "initial": XLIFF 1.2 keeps a state on <target>
// only, and without one the unit said nothing of its state. A unit with
// no source either (translate="no") gets none. The file is still valid
// against the strict schema.
func TestXLIFFNoTarget(t *testing.T) {
	texts := map[string]string{
		"en": "One.\n\nTwo.\n",
		"ru": "Один.\n",
		"kk": "Бір.\n\nЕкі.\n\nАртық.\n",
	}
	d, a := newDoc(t, "gap", texts, []groupSpec{
		{document.Aligned, "", [3][]string{{"One."}, {"Один."}, {"Бір."}}},
		{document.Aligned, "", [3][]string{{"Two."}, nil, {"Екі."}}},
		{document.Flagged, "", [3][]string{nil, nil, {"Артық."}}},
	})
	unit := func(out []byte, open, id string) string {
		t.Helper()
		m := regexp.MustCompile(`(?s)<` + open + ` id="` + id + `".*?</` + open + `>`).Find(out)
		if m == nil {
			t.Fatalf("no %s %s in\n%s", open, id, out)
		}
		return string(m)
	}
	x12 := render(t, "xliff12", d, a, Options{Target: "ru"})
	x20 := render(t, "xliff", d, a, Options{Target: "ru"})
	for _, c := range []struct {
		format, unit string
		want, not    []string
	}{
		{"xliff12", unit(x12, "trans-unit", "1"), []string{`<target state="translated">Один.</target>`}, nil},
		{"xliff12", unit(x12, "trans-unit", "2"), []string{`<target state="needs-translation"/>`}, []string{"approved="}},
		{"xliff12", unit(x12, "trans-unit", "3"), []string{`translate="no"`}, []string{"<target"}},
		{"xliff", unit(x20, "unit", "2"), []string{`state="initial"`}, []string{"<target"}},
	} {
		for _, w := range c.want {
			if !regexp.MustCompile(regexp.QuoteMeta(w)).MatchString(c.unit) {
				t.Errorf("%s: %s lacks %s", c.format, c.unit, w)
			}
		}
		for _, n := range c.not {
			if regexp.MustCompile(regexp.QuoteMeta(n)).MatchString(c.unit) {
				t.Errorf("%s: %s has %s", c.format, c.unit, n)
			}
		}
	}
	lint := xmllint(t)
	file := filepath.Join(t.TempDir(), "gap.en-ru.xliff")
	if err := os.WriteFile(file, x12, 0o644); err != nil {
		t.Fatal(err)
	}
	schema := filepath.Join(schemas(t), "xliff12", "xliff-core-1.2-strict.xsd")
	if out, err := exec.Command(lint, "--noout", "--nonet", "--schema", schema, file).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}
