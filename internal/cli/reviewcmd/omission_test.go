package reviewcmd

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// TestConfirmOmissionWarns: c on a group with no sentence in a language
// shows the warning tilmash group confirm gives (the omission it accepts)
// and its hint, in the message area under the groups.
func TestConfirmOmissionWarns(t *testing.T) {
	s := testSession(t, reviewtest.Uneven) // group 5: kk alone, not confirmed
	s.cur = 5
	s.msgs = ""
	if done, err := s.handle('c'); err != nil || done {
		t.Fatalf("c: done %v, err %v", done, err)
	}
	for _, want := range []string{"1 group just confirmed has no sentence in some language (en, ru): 5", "hint: confirming accepts that the en, ru text has nothing"} {
		if !strings.Contains(s.msgs, want) {
			t.Errorf("the screen says %q, want %q", s.msgs, want)
		}
	}
}
