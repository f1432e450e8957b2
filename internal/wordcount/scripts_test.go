package wordcount

import (
	"flag"
	"testing"
	"time"
)

var everyChar = flag.Bool("scripts.all", false, "TestEveryScriptEnds: every character from U+0800 to U+2FFF, not every fifth")

// everyScript calls fn with each character from U+0080 to U+07FF and
// every fifth from U+0800 to U+2FFF (each with -scripts.all), as a
// string, and fails if one call does not end: a liveness guard with a
// generous deadline, not a timing test. The scanners have fast paths for
// ASCII and Cyrillic, and a scan that stops on a letter outside them
// without moving on loops for ever.
func everyScript(t *testing.T, fn func(ch string)) {
	t.Helper()
	done := make(chan rune)
	go func() {
		defer close(done)
		for r := rune(0x80); r < 0x3000; r++ {
			if r >= 0x800 && r%5 != 0 && !*everyChar {
				continue
			}
			done <- r
			fn(string(r))
		}
	}()
	last := rune(0)
	for {
		select {
		case r, ok := <-done:
			if !ok {
				return
			}
			last = r
		case <-time.After(20 * time.Second):
			t.Fatalf("the scan did not end on a text with %U (%q)", last, last)
		}
	}
}

// words places ch at the start, inside and at the end of words of a
// Kazakh, a Russian and an English sentence.
func words(ch string) []string {
	return []string{
		ch + "ан Алматыға " + ch + ch + " келді, Тоқаевқа" + ch + ". Ол" + ch + " 12" + ch + "5 теңге.",
		"Министр " + ch + "Ереван " + ch + "12 прибыл" + ch + ch + ". Т." + ch + " Е. Ни" + ch + "на",
		ch + "The minister arrived" + ch + " in 2019 " + ch + ". Mr." + ch + " Sm" + ch + "ith",
	}
}

// TestEveryScriptEnds counts words of texts holding each character from
// U+0080 to U+07FF and every fifth to U+2FFF, in every language: each
// count ends.
func TestEveryScriptEnds(t *testing.T) {
	everyScript(t, func(ch string) {
		for _, text := range words(ch) {
			for _, lang := range []string{"kk", "ru", "en", "zh", "ja"} {
				Count(lang, text)
			}
		}
	})
}
