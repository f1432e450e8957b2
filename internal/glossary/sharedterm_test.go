package glossary

import (
	"strings"
	"testing"
)

// TestLintSharedTerm: two entries that prefer the same form in one
// language are a warning at the later one's term, naming the first entry
// and where its term is; forms compare as the matcher compares them (case,
// ё). A term another entry only accepts as a variant, or a form one entry
// both prefers and lists again, is no warning. Warnings are neither
// blocking problems nor gaps: the glossary is enforced as it is.
func TestLintSharedTerm(t *testing.T) {
	entry := func(id, en, ru, kk string) string {
		return "  - id: " + id + "\n    kind: place\n    en: {term: " + en + "}\n    ru: {term: " + ru + "}\n    kk: {term: " + kk + "}\n"
	}
	tests := []struct {
		name  string
		files []File
		want  string
	}{
		{"kk term of two entries in two files",
			[]File{{"a.yaml", []byte("terms:\n" + entry("astana", "Astana", "Астана", "Астана"))},
				{"b.yaml", []byte("terms:\n" + entry("astana-city", "Astana city", "город Астана", "Астана"))}},
			`b.yaml:6:16: entry astana-city has the same kk term "Астана" as entry astana at a.yaml:6:16`},
		{"three entries: each later one names the first",
			[]File{{"a.yaml", []byte("terms:\n" + entry("a", "Astana", "Астана", "Астана") + entry("b", "Astana", "Нур-Султан", "Нұр-Сұлтан") + entry("c", "ASTANA", "Акмола", "Ақмола"))}},
			`a.yaml:9:16: entry b has the same en term "Astana" as entry a at a.yaml:4:16` + "\n" +
				`a.yaml:14:16: entry c has the same en term "ASTANA" as entry a at a.yaml:4:16`},
		{"ё folds to е in Russian",
			[]File{{"a.yaml", []byte("terms:\n" + entry("a", "Semenova", "Семенова", "Семенова") + entry("b", "Semyonova", "Семёнова", "Семёнова"))}},
			`a.yaml:10:16: entry b has the same ru term "Семёнова" as entry a at a.yaml:5:16`},
		{"a variant of another entry is no warning",
			[]File{{"a.yaml", []byte("terms:\n" + entry("a", "Astana", "Астана", "Астана") +
				"  - id: b\n    kind: place\n    en: {term: Nur-Sultan}\n    ru: {term: Нур-Султан, variants: [Астана]}\n    kk: {term: Нұр-Сұлтан}\n")}},
			``},
		{"a term an entry repeats as its own variant is no warning",
			[]File{{"a.yaml", []byte("terms:\n  - id: a\n    kind: place\n    en: {term: Astana, variants: [Astana]}\n    ru: {term: Астана}\n    kk: {term: Астана}\n")}},
			``},
	}
	for _, tt := range tests {
		_, probs := LoadFiles(tt.files, workspaceLangs)
		var got []string
		for _, p := range probs {
			if p.Code != CodeSharedTerm || !p.Warning() {
				t.Errorf("%s: %s is not a shared-term warning", tt.name, p.Error())
				continue
			}
			got = append(got, p.Error())
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, g, tt.want)
		}
		if blocking, gaps := SplitGaps(probs); len(blocking)+len(gaps) > 0 {
			t.Errorf("%s: a warning counted as blocking %v or a gap %v", tt.name, blocking, gaps)
		}
	}
}
