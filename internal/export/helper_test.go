package export

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sample is a small article in three languages: a title, two paragraphs,
// a group whose Kazakh side is two sentences, and a flagged group.
var sample = map[string]string{
	"en": "# Videos from Zarechnoye\n\nForty videos appeared on 26 July. They showed beatings.\n\nPresident Tokayev said \"enough\". The inquiry began.\n",
	"ru": "# Видео из Заречного\n\nСорок видео появились 26 июля. На них избиения.\n\nПрезидент Токаев сказал \"хватит\". Началась проверка.\n",
	"kk": "# Заречныйдан видеолар\n\n26 шілдеде қырық видео жарияланды. Оларда ұрып-соғу бар.\n\nПрезидент Тоқаев \"жетер\" деді. Тексеру басталды.\n",
}

// sampleGroups lists, per group, status and the sentences in en, ru, kk.
var sampleGroups = []groupSpec{
	{document.Confirmed, "", [3][]string{{"Videos from Zarechnoye"}, {"Видео из Заречного"}, {"Заречныйдан видеолар"}}},
	{document.Aligned, "", [3][]string{{"Forty videos appeared on 26 July."}, {"Сорок видео появились 26 июля."}, {"26 шілдеде қырық видео жарияланды."}}},
	{document.Aligned, "", [3][]string{{"They showed beatings."}, {"На них избиения."}, {"Оларда ұрып-соғу бар."}}},
	{document.Flagged, "low score: check the quote", [3][]string{{"President Tokayev said \"enough\"."}, {"Президент Токаев сказал \"хватит\"."}, {"Президент Тоқаев \"жетер\" деді."}}},
	{document.Aligned, "", [3][]string{{"The inquiry began."}, {"Началась проверка."}, {"Тексеру басталды."}}},
}

// hostile holds text that must come out of every format intact and
// harmless: markup, entities, a CDATA end, both quotes, control characters.
var hostile = map[string]string{
	"en": "<script>alert(\"x\")</script> & ]]> 'one' \"two\" a\x01b\x0bc | *star* `code`.\n\n1. Not a list & <b>not bold</b>.\n",
	"ru": "Текст <i>курсив</i> & «ёлка» \x07 — конец.\n\n- Не список.\n",
	"kk": "Мәтін </td></tr><tr><td> & \"тырнақша\" --> соңы.\n\n# Тақырып <h1>\n",
}

var hostileGroups = []groupSpec{
	{document.Aligned, "note with <tags> & \"quotes\" -->", [3][]string{
		{"<script>alert(\"x\")</script> & ]]> 'one' \"two\" a\x01b\x0bc | *star* `code`."},
		{"Текст <i>курсив</i> & «ёлка» \x07 — конец."},
		{"Мәтін </td></tr><tr><td> & \"тырнақша\" --> соңы."}}},
	{document.Flagged, "", [3][]string{{"1. Not a list & <b>not bold</b>."}, {"- Не список."}, {"Тақырып <h1>"}}},
}

type groupSpec struct {
	status document.Status
	note   string
	sents  [3][]string
}

var langs3 = []string{"en", "ru", "kk"}

// newDoc builds a workspace in a temporary folder holding document id with
// texts and an alignment of groups, the sentences located in order.
func newDoc(t testing.TB, id string, texts map[string]string, groups []groupSpec) (*document.Document, *document.Alignment) {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2019, 7, 31, 12, 0, 0, 0, time.UTC)
	for _, l := range langs3 {
		if _, ok := texts[l]; !ok {
			continue
		}
		if _, err := document.Import(ws, id, l, []byte(texts[l]), l+".txt", document.ImportOptions{Now: now}); err != nil {
			t.Fatal(err)
		}
	}
	d, err := document.Open(ws, id)
	if err != nil {
		t.Fatal(err)
	}
	return d, saveGroups(t, d, groups)
}

// saveGroups aligns document d as groups says, the sentences located in
// order in its texts, and saves the alignment.
func saveGroups(t testing.TB, d *document.Document, groups []groupSpec) *document.Alignment {
	t.Helper()
	id := d.ID
	a := &document.Alignment{Document: id, Pivot: "en", Languages: langs3, Sources: map[string]string{}}
	pos := map[string]int{}
	stored := map[string]string{}
	for _, l := range langs3 {
		if s, err := d.Text(l); err == nil {
			stored[l] = s
			a.Sources[l] = document.Hash(s)
		}
	}
	for gi, gs := range groups {
		g := &document.Group{Status: gs.status, Score: 0.5 + float64(gi)/20, Note: gs.note, Sents: map[string][]document.Sentence{}}
		for li, l := range langs3 {
			for _, s := range gs.sents[li] {
				k := strings.Index(stored[l][pos[l]:], s)
				if k < 0 {
					t.Fatalf("group %d: %q not found in %s text", gi+1, s, l)
				}
				start := pos[l] + k
				g.Sents[l] = append(g.Sents[l], document.Sentence{Start: start, End: start + len(s), Text: s})
				pos[l] = start + len(s)
			}
		}
		a.Groups = append(a.Groups, g)
	}
	if errs := a.Verify("alignment.yaml", stored); len(errs) > 0 {
		t.Fatal(errs)
	}
	if err := d.SaveAlignment(a); err != nil {
		t.Fatal(err)
	}
	return a
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n--- got ---\n%s", name, got)
	}
}

// schemas finds the shared schema folder beside the repository, or skips.
func schemas(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("TILMASH_SCHEMAS"); dir != "" {
		return dir
	}
	dir, _ := os.Getwd()
	for {
		cand := filepath.Join(dir, "shared", "schemas")
		if _, err := os.Stat(filepath.Join(cand, "omegat-tmx14.dtd")); err == nil {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			testenv.Missing(t, "../shared/schemas", "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
		}
		dir = parent
	}
}

func xmllint(t *testing.T) string {
	t.Helper()
	return testenv.Command(t, "xmllint", "apt-get install libxml2-utils")
}

// python returns a Python that can import Translate Toolkit, or skips
// (testenv.Python looks for it once a test run).
func python(t *testing.T) string {
	t.Helper()
	return testenv.Python(t, "translate.storage.tmx", "apt-get install translate-toolkit")
}

// toolkitUnits reads files with Translate Toolkit in one Python process
// (its start and imports cost more than reading a file): each file with
// its reader, "tmx" (tmx.tmxfile) or "xliff" (xliff.xlifffile), and
// returns, file by file, the source and target text of each unit it read.
func toolkitUnits(t *testing.T, py string, files ...[2]string) [][][2]string {
	t.Helper()
	script := `import sys, json
from translate.storage import tmx, xliff
readers = {'tmx': tmx.tmxfile, 'xliff': xliff.xlifffile}
out = []
for reader, name in zip(sys.argv[1::2], sys.argv[2::2]):
    with open(name, 'rb') as f:
        store = readers[reader](f)
    out.append([[str(u.source), str(u.target)] for u in store.units])
print(json.dumps(out))`
	args := []string{"-c", script}
	for _, f := range files {
		args = append(args, f[0], f[1])
	}
	out, err := exec.Command(py, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var units [][][2]string
	if err := json.Unmarshal(out, &units); err != nil || len(units) != len(files) {
		t.Fatalf("%v (%d lists for %d files)\n%s", err, len(units), len(files), out)
	}
	return units
}

// news has the shapes the segmenter really produces: heading sentences
// that keep their Markdown marks ("# Title"), a 2-1-2 group, and a 1-1-2
// group.
var news = map[string]string{
	"en": "# Videos from Zarechnoye\n\nForty videos appeared online on 26 July 2019. They showed prisoners being beaten by guards. Five days later President Tokayev responded.\n\n## The inquiry\n\nSeven officers were dismissed on 2 August.\n",
	"ru": "# Видео из Заречного\n\n26 июля 2019 года в сети появились сорок видео, на которых охранники избивают заключённых. Через пять дней ответил президент Токаев.\n\n## Проверка\n\nСемь сотрудников уволили 2 августа.\n",
	"kk": "# Заречныйдан видеолар\n\n2019 жылғы 26 шілдеде интернетте қырық бейнежазба жарияланды. Оларда күзетшілер тұтқындарды ұрып-соғады. Бес күннен кейін Президент Тоқаев жауап берді.\n\n## Тексеру\n\nЖеті қызметкер 2 тамызда жұмыстан шығарылды. Бұл туралы прокуратура хабарлады.\n",
}

var articleGroups = []groupSpec{
	{document.Confirmed, "", [3][]string{{"# Videos from Zarechnoye"}, {"# Видео из Заречного"}, {"# Заречныйдан видеолар"}}},
	{document.Confirmed, "", [3][]string{
		{"Forty videos appeared online on 26 July 2019.", "They showed prisoners being beaten by guards."},
		{"26 июля 2019 года в сети появились сорок видео, на которых охранники избивают заключённых."},
		{"2019 жылғы 26 шілдеде интернетте қырық бейнежазба жарияланды.", "Оларда күзетшілер тұтқындарды ұрып-соғады."}}},
	{document.Aligned, "", [3][]string{{"Five days later President Tokayev responded."}, {"Через пять дней ответил президент Токаев."}, {"Бес күннен кейін Президент Тоқаев жауап берді."}}},
	{document.Confirmed, "", [3][]string{{"## The inquiry"}, {"## Проверка"}, {"## Тексеру"}}},
	{document.Aligned, "", [3][]string{{"Seven officers were dismissed on 2 August."}, {"Семь сотрудников уволили 2 августа."}, {"Жеті қызметкер 2 тамызда жұмыстан шығарылды.", "Бұл туралы прокуратура хабарлады."}}},
}
