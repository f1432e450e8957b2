package segment

import (
	"errors"
	"fmt"
	"io"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// streamTexts are texts whose cutting depends on what lies far ahead: a
// run-in headline whose evidence (the word in lower case) comes 40 KB
// later, open fences and long blocks, besides the fixtures and random
// text made of what the rules look at.
func streamTexts(t *testing.T) []string {
	filler := strings.Repeat("The council met on Monday. It said nothing new about the budget.\n\n", 600)
	texts := []string{
		"",
		"\n\n\n",
		"One line without end",
		"Volcano spews ash on Mexico City Ash spewing from the volcano has reached the capital. Schools closed.\n\n" +
			filler + "The ash covered the cars.\n",
		"Volcano spews ash on Mexico City Ash spewing from the volcano has reached the capital. Schools closed.\n\n" +
			filler + "The Ash covered the cars.\n",
		// A headline needs more text after its article: here it comes
		// after 200 KB of white space.
		"Floods hit the north of the country This year the rivers rose early and fast.\n" + strings.Repeat("   \n", 50000) + "More text. And more.",
		"```\ncode. Not. Cut.\n" + filler,
		"# Title\n\n- item one. Two.\n- item three\n\n> quoted. Text.\n" + filler + "```go\nx. y.\n```\nend. Done",
		strings.Repeat("Line one of a poem\nLine two of it\n", 5000),
	}
	texts = append(texts, fixtureTexts(t)...)
	alphabet := []string{"a", "The", "В", "г.", "т. е.", "Mr.", "U.S.", "J.", "Дж.", "ж.", "2019", "(...)", ". ", ".", "!", "?",
		"…", "»", "«", "\"", ")", "—", " ", "\u00a0", "\n", "\n\n", "# ", "- ", "> ", "```", "---", "said", "Бұл", "He", "No.", "5",
		"\r\n", "1)", "Ash", "ash", "x\xff"}
	rng := rand.New(rand.NewSource(2))
	for range 8 {
		var sb strings.Builder
		for k := rng.Intn(20000); k >= 0; k-- {
			sb.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		texts = append(texts, sb.String())
	}
	return texts
}

// TestEachReader checks that cutting a text as it is read, a chunk at a
// time and through readers that return little at once, gives exactly the
// segments of cutting it whole.
func TestEachReader(t *testing.T) {
	texts := streamTexts(t)
	for _, lang := range Languages() {
		seg, err := ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		for i, text := range texts {
			want := seg.Segment(text)
			readers := map[string]func() io.Reader{
				"whole": func() io.Reader { return strings.NewReader(text) },
				"half":  func() io.Reader { return iotest.HalfReader(strings.NewReader(text)) },
				"eof":   func() io.Reader { return iotest.DataErrReader(strings.NewReader(text)) },
			}
			if len(text) < 5000 {
				readers["byte"] = func() io.Reader { return iotest.OneByteReader(strings.NewReader(text)) }
			}
			for name, r := range readers {
				for _, chunk := range []int{1, 7, 4096, readChunk} {
					var got []Segment
					keep := func(s Segment) { // Text is only valid during the call
						s.Text = strings.Clone(s.Text)
						got = append(got, s)
					}
					if err := seg.eachReader(r(), keep, chunk); err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
						t.Fatalf("%s text %d, %s reader, chunk %d: %d segments, want %d\n%s", lang, i, name, chunk, len(got), len(want), firstDiff(got, want))
					}
				}
			}
		}
	}
}

func firstDiff(got, want []Segment) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("segment %d: %+v\nwant        %+v", i, got[i], want[i])
		}
	}
	return "one is a prefix of the other"
}

// TestEachReaderError passes on the reader's error.
func TestEachReaderError(t *testing.T) {
	seg, _ := ForLanguage("en")
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("One. Two.\n\nThree"), iotest.ErrReader(boom))
	if err := seg.EachReader(r, func(Segment) {}); err != boom {
		t.Fatalf("error %v, want %v", err, boom)
	}
}
