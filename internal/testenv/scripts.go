package testenv

import (
	"os"
	"testing"
	"time"
)

// EveryScript calls fn with each character from U+0080 to U+07FF and every
// fifth from U+0800 to U+2FFF (every one with TILMASH_SCRIPTS_ALL=1), and
// fails the test if one call does not end: a liveness guard with a
// generous deadline, not a timing test. Text scanners have fast paths for
// ASCII and Cyrillic, and a scan that stops on a letter outside them
// without moving on loops for ever (Armenian capitals share the lead byte
// D4 with Cyrillic letters: `tilmash check` once hung on "Երևան").
func EveryScript(t testing.TB, fn func(r rune)) {
	t.Helper()
	all := os.Getenv("TILMASH_SCRIPTS_ALL") == "1"
	done := make(chan rune)
	go func() {
		defer close(done)
		for r := rune(0x80); r < 0x3000; r++ {
			if r >= 0x800 && r%5 != 0 && !all {
				continue
			}
			done <- r
			fn(r)
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

// ScriptWords places ch at the start, inside and at the end of words of a
// Kazakh, a Russian and an English sentence, beside numbers and
// abbreviations.
func ScriptWords(ch string) []string {
	return []string{
		ch + "ан Алматыға " + ch + ch + " келді, Тоқаевқа" + ch + ". Ол" + ch + " 12" + ch + "5 теңге.",
		"Министр " + ch + "Ереван " + ch + "12 прибыл" + ch + ch + ". Т." + ch + " Е. Ни" + ch + "на",
		ch + "The minister arrived" + ch + " in 2019 " + ch + ". Mr." + ch + " Sm" + ch + "ith",
	}
}
