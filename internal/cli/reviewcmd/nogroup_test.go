package reviewcmd

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// TestGoToNoGroupHint: g to a group past the last says how the groups are
// numbered. Before, the hint was "tilmash show DOC lists the groups", the
// literal DOC, in a review of the document.
func TestGoToNoGroupHint(t *testing.T) {
	s := testSession(t, reviewtest.OneToOne) // 6 groups
	s.keys = &keyReader{r: strings.NewReader("g99\r")}
	for k, err := s.keys.next(); err == nil; k, err = s.keys.next() {
		if done, err := s.handle(k); err != nil || done {
			t.Fatalf("key %q: done %v, err %v", k, done, err)
		}
	}
	if !strings.Contains(s.msgs, "there is no group 99: the alignment has 6") || !strings.Contains(s.msgs, "hint: the groups are numbered 1 to 6") {
		t.Errorf("the screen says %q", s.msgs)
	}
	if strings.Contains(s.msgs, "DOC") {
		t.Errorf("the screen names DOC: %q", s.msgs)
	}
}
