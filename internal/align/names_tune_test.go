//go:build aligntune

package align

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestNameMisses prints, for the dev half of the corpus in ALIGN_NAMES_CORPUS (documents at even
// positions of doc_ids.txt), each capitalised English word none of whose skeleton keys occurs in
// the keys of the Russian (or Kazakh) translation of its line, with the capitalised words of that
// line and their skeletons: the names the anchors miss.
func TestNameMisses(t *testing.T) {
	dir := os.Getenv("ALIGN_NAMES_CORPUS")
	if dir == "" {
		t.Skip()
	}
	read := func(n string) []string {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	}
	ids, en := read("doc_ids.txt"), read("en.txt")
	var order []string
	seen := map[string]bool{}
	for _, d := range ids {
		if !seen[d] {
			seen[d] = true
			order = append(order, d)
		}
	}
	dev := map[string]bool{}
	for k, d := range order {
		dev[d] = k%2 == 0
	}
	words := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' })
	}
	for _, lang := range []string{"ru", "kk"} {
		tgt := read(lang + ".txt")
		misses, total := 0, 0
		for i, line := range en {
			if !dev[ids[i]] {
				continue
			}
			have := map[uint32]bool{}
			var buf []byte
			var caps []string
			for _, w := range words(tgt[i]) {
				for _, p := range strings.Split(w, "-") {
					buf = cyrillicVariants(p, buf, func(sk []byte) {
						if len(sk) >= minSkeleton {
							have[hashKey(kindWord, sk)] = true
						}
					})
					if isUpperInitial(p) {
						sk, _ := skeleton(nil, p, 0)
						caps = append(caps, p+"/"+string(sk))
					}
				}
			}
			for k, w := range words(line) {
				for _, p := range strings.Split(w, "-") {
					if !isUpperInitial(p) || isStopword("en", strings.ToLower(p)) || k == 0 {
						continue
					}
					if _, ok := acronymKey(p); ok {
						continue
					}
					var sks []string
					hit := false
					buf = englishVariants(p, buf, func(sk []byte) {
						sks = append(sks, string(sk))
						if len(sk) >= minSkeleton && have[hashKey(kindWord, sk)] {
							hit = true
						}
					})
					if len(sks[0]) < minSkeleton {
						continue
					}
					total++
					if !hit {
						misses++
						t.Logf("%s MISS %s %v | %s", lang, p, sks, strings.Join(caps, " "))
					}
				}
			}
		}
		t.Logf("%s: %d of %d capitalised words missed", lang, misses, total)
	}
}
