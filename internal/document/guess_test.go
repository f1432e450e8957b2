package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestGuessLanguage: the letters of a text tell English, Russian and
// Kazakh apart (import warns when a file's letters are not those of the
// language it was imported as: a Kazakh file imported as ru).
func TestGuessLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The river rose overnight and farmers moved their herds to the hills.", "en"},
		{"Ночью река поднялась, и фермеры перегнали скот на холмы за селом.", "ru"},
		{"Түнде өзен тасыды, фермерлер малды ауылдың сыртындағы төбелерге айдады.", "kk"},
		// A Russian article may quote a Kazakh name or an English one;
		// in one sentence that is too close to tell, in a paragraph not.
		{"Президент Қасым-Жомарт Тоқаев заявил, что реформа полиции продолжится в следующем году, сообщает Reuters.", ""},
		{"Президент Қасым-Жомарт Тоқаев заявил, что реформа полиции продолжится в следующем году, сообщает Reuters. " +
			"По словам министра, в первую очередь изменится порядок приёма жалоб граждан на действия сотрудников.", "ru"},
		// Too few letters to tell.
		{"Итоги.", ""},
		{"2019 — 12:30", ""},
	}
	for _, tt := range tests {
		if got := GuessLanguage(tt.text); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestGuessLanguageCorpora: every document of the ntrex-dev news corpus
// is told right in its three languages (skipped without ../shared).
func TestGuessLanguageCorpora(t *testing.T) {
	dir := testenv.Shared(t, "corpora", "ntrex-dev")
	ids, err := os.ReadFile(filepath.Join(dir, "doc_ids.txt"))
	if err != nil {
		t.Skip(err)
	}
	for _, lang := range []string{"en", "ru", "kk"} {
		data, err := os.ReadFile(filepath.Join(dir, lang+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		docs := map[string]*strings.Builder{}
		lines := strings.Split(string(data), "\n")
		for i, id := range strings.Split(string(ids), "\n") {
			if id == "" || i >= len(lines) {
				continue
			}
			if docs[id] == nil {
				docs[id] = &strings.Builder{}
			}
			docs[id].WriteString(lines[i] + "\n")
		}
		for id, b := range docs {
			if got := GuessLanguage(b.String()); got != lang {
				t.Errorf("%s %s: guessed %q", id, lang, got)
			}
		}
	}
}
