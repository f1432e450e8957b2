package qa

import (
	"os"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestMain ends the hunspell processes of the spellers the tests share
// (see plainSpeller). The tests run with less garbage collection (see
// testenv.LessGC).
func TestMain(m *testing.M) {
	testenv.LessGC()
	code := m.Run()
	plain.mu.Lock()
	for lang, sp := range plain.m {
		if lang != "ru" {
			sp.ru = nil // the shared Russian one, closed once as itself
		}
		sp.Close()
	}
	plain.mu.Unlock()
	os.Exit(code)
}

// plain keeps a speller for each language, without session words, for the
// tests that check with one as NewSpeller makes it: each made its own, and
// each speller loads its dictionary twice (verdicts, then suggestions),
// 0.1 to 0.25 s of processor time a load. Its caches of suggestions and
// stems hold hunspell's answers, the same for every test; the tests take
// turns (none of this package's runs in parallel, and Check locks).
var plain struct {
	mu sync.Mutex
	m  map[string]*Speller
}

// plainSpeller is the shared speller for lang; the test is skipped, or
// fails in CI, without hunspell or the dictionary. Tests must not close it.
func plainSpeller(t testing.TB, lang string) *Speller {
	t.Helper()
	testenv.Command(t, "hunspell", hunspellInstall)
	sp := sharedSpeller(lang)
	if sp == nil {
		testenv.Missing(t, "the Hunspell dictionary for "+lang, hunspellInstall)
	}
	return sp
}

// sharedSpeller is the shared speller for lang, started on first use; nil
// when it cannot be. The Kazakh one judges loanwords with the shared
// Russian one, the speller it would start for them (NewSpeller("ru",
// nil)): one dictionary load less.
func sharedSpeller(lang string) *Speller {
	plain.mu.Lock()
	defer plain.mu.Unlock()
	return sharedSpellerLocked(lang)
}

func sharedSpellerLocked(lang string) *Speller {
	if sp := plain.m[lang]; sp != nil {
		return sp
	}
	sp, note := NewSpeller(lang, nil)
	if note != nil {
		return nil
	}
	if lang == "kk" {
		sp.ru, sp.ruTried = sharedSpellerLocked("ru"), true
	}
	if plain.m == nil {
		plain.m = map[string]*Speller{}
	}
	plain.m[lang] = sp
	return sp
}
