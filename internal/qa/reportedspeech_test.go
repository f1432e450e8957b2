package qa

import "testing"

// TestTypographyFinalReportedSpeech: a source ending in a quoted question
// or exclamation, translated with the quotation first and the reporting
// words after it (Ол: «Неге?» — деп сұрады.), keeps the mark inside the
// quote: no final-punctuation warning. A translation that drops the
// mark, or a source whose question is not quoted, is still reported.
func TestTypographyFinalReportedSpeech(t *testing.T) {
	final := func(src, lang, tgt string) bool {
		for _, f := range CheckTypography("en", src, lang, tgt, TypographyOptions{}) {
			if f.Message == "qa.typography.final" {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct {
		src, lang, tgt string
		want           bool
	}{
		{`He asked: "Why?"`, "kk", "Ол: «Неге?» — деп сұрады.", false},
		{`He asked: "Why?"`, "ru", "«Почему?» — спросил он.", false},
		{`She shouted: "Stop!"`, "ru", "«Стойте!» — крикнула она.", false},
		{`He asked: "Why?"`, "kk", "Ол: «Неге» — деп сұрады.", true},
		{`Why did he ask?`, "ru", "«Почему?» — спросил он.", true},
	} {
		if got := final(tt.src, tt.lang, tt.tgt); got != tt.want {
			t.Errorf("%q / %q: final-punctuation warning %v, want %v", tt.src, tt.tgt, got, tt.want)
		}
	}
}
