package reviewcmd

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// A translator who opens review to fix a confirmed group (review DOC
// --from 3) found only "nothing to review" and no way on: the message
// now has a hint naming group edit for that group, and unconfirm to put
// it back for review. It is said before the terminal is touched.
func TestNothingToReviewHint(t *testing.T) {
	tests := []struct {
		name    string
		from    int
		fromSet bool
		want    string
	}{
		{"from a group", 3, true, "hint: to correct a confirmed group: tilmash group edit demo 3 -l LANG --text '…'; tilmash group unconfirm demo 3 puts it back for review\n"},
		{"no group given", 0, false, "hint: to correct a confirmed group: tilmash group edit demo N -l LANG --text '…'; tilmash group unconfirm demo N puts it back for review\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, err := reviewtest.Workspace(t.TempDir(), "demo", reviewtest.OneToOne)
			if err != nil {
				t.Fatal(err)
			}
			d, err := document.Open(ws, "demo")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := review.Apply(d, review.SetStatus{Groups: []int{1, 2, 3, 4, 5, 6}, Confirm: true}, review.Options{}); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &bytes.Buffer{}, &stderr, func(string) string { return "" }, "en")
			if err != nil {
				t.Fatal(err)
			}
			s := &session{app: app.New("test"), env: env, ws: ws, d: d, screen: &bytes.Buffer{}, keys: &keyReader{r: strings.NewReader("")}}
			if err := s.run(tt.from, tt.fromSet); err != nil {
				t.Fatal(err)
			}
			got := stderr.String()
			if !strings.Contains(got, "tilmash: nothing to review in demo") || !strings.HasSuffix(got, tt.want) {
				t.Errorf("stderr:\n%s\nwant it to end with:\n%s", got, tt.want)
			}
		})
	}
}
