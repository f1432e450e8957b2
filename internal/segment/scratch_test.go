package segment

import (
	"os"
	"strings"
	"testing"
)

func TestScratch(t *testing.T) {
	in := os.Getenv("SEG_IN")
	if in == "" {
		t.Skip()
	}
	lang := os.Getenv("SEG_LANG")
	seg, err := ForLanguage(lang)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range seg.Segment(strings.ReplaceAll(in, `\n`, "\n")) {
		t.Logf("[%d %v] %s", s.Para, s.Heading, s.Text)
	}
}
