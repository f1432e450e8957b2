package qa

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestSpellers: a speller given back is given again to a check of the
// same language and session words, and answers as a new one (its session
// word still known), its dictionary copy made
// in the new check's cache; other words or another language get a new
// one; one whose hunspell failed is not kept; the pool keeps at most its
// bound, closing the least recently used; a nil pool keeps nothing.
func TestSpellers(t *testing.T) {
	testenv.Command(t, "hunspell", hunspellInstall)
	p := NewSpellers(2)
	defer p.Close()
	get := func(lang string, known []string, cache string) *Speller {
		t.Helper()
		s, note := p.Get(lang, known, cache, "")
		if note != nil {
			testenv.Missing(t, "the Hunspell dictionary for "+lang, hunspellInstall)
		}
		return s
	}
	check := func(s *Speller, text string, want int) {
		t.Helper()
		fs, err := s.Check(text)
		if err != nil || len(fs) != want {
			t.Errorf("%q: %d findings %+v, %v; want %d", text, len(fs), fs, err, want)
		}
	}
	words := []string{"ашибкой"}
	a := get("ru", words, "")
	check(a, "Вторая строка с ашибкой.", 0)
	p.Put(a)
	cache := filepath.Join(t.TempDir(), "hunspell")
	if b := get("ru", words, cache); b != a {
		t.Error("the speller given back was not given again for the same words")
	} else {
		check(b, "Вторая строка с ашибкой.", 0)
		if kept, _ := filepath.Glob(filepath.Join(cache, "ru_RU-*", "ru_RU.aff")); len(kept) != 1 {
			t.Errorf("the new check's cache holds %v, want the quick copy", kept)
		}
		p.Put(b)
	}
	// A speller whose hunspell failed is not kept.
	c := get("ru", nil, "")
	if c == a {
		t.Fatal("a speller with session words was given to a check without them")
	}
	c.verdicts.cmd.Process.Kill()
	c.verdicts.cmd.Wait()
	if _, err := c.Check("Строка.\nЕщё строка."); err == nil {
		t.Fatal("no error from a dead hunspell")
	}
	p.Put(c)
	g := get("ru", nil, "")
	if g == c || g == a {
		t.Fatal("a speller whose hunspell failed was given again")
	}
	k := get("en", words, "")
	if k == a || k == g {
		t.Fatal("a Russian speller was given to an English check")
	}
	p.Put(g)
	p.Put(k)
	if n := p.Idle(); n != 2 {
		t.Errorf("%d kept, want the bound, 2", n)
	}
	if a.verdicts.cmd.ProcessState == nil {
		t.Error("the least recently used speller beyond the bound was not closed")
	}

	var none *Spellers
	n, note := none.Get("ru", nil, "", "")
	if note != nil || n == nil {
		t.Fatalf("nil pool: %v, %v", n, note)
	}
	none.Put(n)
	if n.verdicts.cmd.ProcessState == nil {
		t.Error("a nil pool kept the speller")
	}
}

// TestSpellerKey: the key changes with the language, the session words
// and the installed dictionary (another $DICPATH, an upgraded affix
// file), and is "" without the dictionary.
func TestSpellerKey(t *testing.T) {
	testenv.Command(t, "hunspell", hunspellInstall)
	installed := t.TempDir()
	key := func(lang string, known []string) string { return spellerKey(lang, known, installed) }
	write := func(name, s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(installed, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ru_RU.aff", "SET UTF-8\n")
	write("ru_RU.dic", "1\nслово\n")
	base := key("ru", []string{"a"})
	if base == "" || key("ru-KZ", []string{"a"}) != base {
		t.Fatalf("key %q; ru-KZ %q", base, key("ru-KZ", []string{"a"}))
	}
	if key("ru", []string{"b"}) == base || key("ru", nil) == base || key("ru", []string{"a", ""}) == base {
		t.Error("the key does not follow the session words")
	}
	write("ru_RU.aff", "SET UTF-8\nTRY а\n")
	if key("ru", []string{"a"}) == base {
		t.Error("the key does not follow the affix file")
	}
	if key("xx", nil) != "" {
		t.Error("a key for a language without a dictionary")
	}
	os.Remove(filepath.Join(installed, "ru_RU.aff"))
	for _, d := range dictionaryDirs {
		if _, err := os.Stat(filepath.Join(d, "ru_RU.aff")); err == nil {
			return // the installed one is found instead
		}
	}
	if spellerKey("ru", nil, t.TempDir()) != "" {
		t.Error("a key without the dictionary")
	}
}
