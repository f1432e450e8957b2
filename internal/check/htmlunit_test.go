package check_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
)

// TestWriteHTMLUnitNominative: each finding of the HTML report names its
// row (or group) on its own, between dots, so in the nominative: Russian
// "строка 1", Kazakh "1-жол". It used the genitive of "bytes … of row 1"
// (строки 1, 1-жолдың), which reads as a sentence cut short.
func TestWriteHTMLUnitNominative(t *testing.T) {
	for _, tt := range []struct{ lang, want, not string }{
		{"en", " · row 1 · ", ""},
		{"ru", " · строка 1 · ", "строки 1"},
		{"kk", " · 1-жол · ", "1-жолдың"},
	} {
		var b bytes.Buffer
		if err := check.WriteHTML(&b, htmlReports(t), check.HTMLOptions{Lang: tt.lang, Labels: labels(t, tt.lang), Workspace: "house"}); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		if !strings.Contains(page, tt.want) {
			t.Errorf("%s: the report does not name the row as %q", tt.lang, tt.want)
		}
		if tt.not != "" && strings.Contains(page, tt.not) {
			t.Errorf("%s: the report names the row as %q", tt.lang, tt.not)
		}
	}
}
