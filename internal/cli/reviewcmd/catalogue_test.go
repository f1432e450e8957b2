package reviewcmd_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

// TestEveryMessageIsInTheCatalogue finds the review message ids the code
// names and checks each renders in English, Russian and Kazakh. Ids built
// at run time are listed by hand.
func TestEveryMessageIsInTheCatalogue(t *testing.T) {
	ids := map[string]bool{}
	for _, l := range []string{"aligned", "flagged", "confirmed"} {
		ids["review.status."+l] = true
	}
	for _, w := range []string{"range", "at", "direction", "group"} {
		ids["review.bad-"+w] = true
	}
	literal := regexp.MustCompile(`"(review\.[a-z0-9.-]*[a-z0-9])"`)
	for _, dir := range []string{".", "../../review"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
				ids[m[1]] = true
			}
		}
	}
	if len(ids) < 60 {
		t.Fatalf("found only %d ids: the pattern is wrong", len(ids))
	}
	for _, lang := range []string{"en", "ru", "kk"} {
		loc, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		for id := range ids {
			got := loc.N(id, 2, map[string]any{"Count": 2})
			if got == id {
				got = loc.T(id, map[string]any{"Count": 2})
			}
			if got == id {
				t.Errorf("%s: no message %s", lang, id)
			}
		}
	}
}

func TestRussianPlurals(t *testing.T) {
	loc, err := locale.New("ru")
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{
		1:  "подтверждена 1 группа из диапазона 1-30",
		3:  "подтверждены 3 группы из диапазона 1-30",
		5:  "подтверждено 5 групп из диапазона 1-30",
		21: "подтверждена 21 группа из диапазона 1-30",
	} {
		if got := loc.N("review.done.confirm", n, map[string]any{"Groups": "1-30"}); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int]string{
		1:  "ниже ещё 1 строка (пробел)",
		3:  "ниже ещё 3 строки (пробел)",
		11: "ниже ещё 11 строк (пробел)",
		21: "ниже ещё 21 строка (пробел)",
	} {
		if got := loc.N("review.page-more", n, nil); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
