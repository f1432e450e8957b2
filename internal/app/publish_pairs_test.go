package app

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
)

// pairsTMX is a document of three languages whose group 2 is 2-1-2: the
// English and Kazakh sentences pair up, the Russian is one sentence.
const pairsTMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="tilmash" creationtoolversion="0.1.0" segtype="sentence" o-tmf="tilmash" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <prop type="x-status">confirmed</prop>
      <tuv xml:lang="en"><seg>Night buses run in Taraz.</seg></tuv>
      <tuv xml:lang="ru"><seg>В Таразе ходят ночные автобусы.</seg></tuv>
      <tuv xml:lang="kk"><seg>Таразда түнгі автобустар жүреді.</seg></tuv>
    </tu>
    <tu tuid="2">
      <prop type="x-status">confirmed</prop>
      <tuv xml:lang="en"><prop type="x-sentences">35 24</prop><seg>Six buses started running on 3 May. They carried 950 people.</seg></tuv>
      <tuv xml:lang="ru"><seg>Шесть автобусов вышли на линию 3 мая и перевезли 950 человек.</seg></tuv>
      <tuv xml:lang="kk"><prop type="x-sentences">35 21</prop><seg>Алты автобус 3 мамырда жолға шықты. Олар 950 адам тасыды.</seg></tuv>
    </tu>
    <tu tuid="3">
      <prop type="x-status">confirmed</prop>
      <tuv xml:lang="en"><seg>Fares stay at 90 tenge &amp; "free" for &lt;pupils&gt; ]]&gt; here.</seg></tuv>
      <tuv xml:lang="ru"><seg>Проезд стоит 90 тенге &amp; «бесплатно» для &lt;школьников&gt; ]]&gt; здесь.</seg></tuv>
      <tuv xml:lang="kk"><seg>Жол ақысы 90 теңге &amp; &lt;оқушыларға&gt; «тегін» ]]&gt; осында.</seg></tuv>
    </tu>
  </body>
</tmx>
`

// TestPublishPairMemories: publish writes a memory of each language pair
// beside the TMX of every language, which leaves out a sentence whose
// Russian is partial; the English–Kazakh memory keeps its clean pair. The
// files are valid TMX 1.4b (xmllint, OmegaT's schema), and Translate
// Toolkit reads the pair from the English–Kazakh one.
func TestPublishPairMemories(t *testing.T) {
	ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := tmx.Read(strings.NewReader(pairsTMX), "story.tmx")
	if err != nil {
		t.Fatal(err)
	}
	ap := New("test")
	if _, err := ap.ImportTMX(ws, m, "story.tmx", ImportTMXOptions{ID: "story"}); err != nil {
		t.Fatal(err)
	}
	publish(t, ap, ws, false)
	dir := ws.Path(ws.Config.Export, "story")
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	const enSent, kkSent = "<seg>Six buses started running on 3 May.</seg>", "<seg>Алты автобус 3 мамырда жолға шықты.</seg>"
	if all := read("story.tmx"); strings.Contains(all, enSent) {
		t.Errorf("story.tmx holds the sentence whose Russian is partial:\n%s", all)
	}
	enkk := read("story.en-kk.tmx")
	for _, want := range []string{enSent, kkSent, `<tu tuid="2.1">`} {
		if !strings.Contains(enkk, want) {
			t.Errorf("story.en-kk.tmx lacks %s:\n%s", want, enkk)
		}
	}
	if strings.Contains(enkk, `xml:lang="ru"`) || strings.Contains(enkk, "x-partial") {
		t.Errorf("story.en-kk.tmx holds Russian or partial units:\n%s", enkk)
	}
	if enru := read("story.en-ru.tmx"); strings.Contains(enru, enSent) || strings.Contains(enru, `xml:lang="kk"`) {
		t.Errorf("story.en-ru.tmx holds the partial sentence or Kazakh:\n%s", enru)
	}
	if part := read("story.en-ru.partial.tmx"); !strings.Contains(part, enSent) {
		t.Errorf("story.en-ru.partial.tmx lacks the partial sentence:\n%s", part)
	}
	if _, err := os.Stat(filepath.Join(dir, "story.en-kk.partial.tmx")); !os.IsNotExist(err) {
		t.Errorf("story.en-kk.partial.tmx, with no partial unit: %v", err)
	}

	names := []string{"story.tmx", "story.partial.tmx", "story.en-ru.tmx", "story.en-kk.tmx", "story.en-ru.partial.tmx"}
	xsd := testenv.Shared(t, "schemas", "omegat-tmx14.xsd")
	lint := testenv.Command(t, "xmllint", "apt-get install libxml2-utils")
	for _, name := range names {
		if out, err := exec.Command(lint, "--noout", "--nonet", "--schema", xsd, filepath.Join(dir, name)).CombinedOutput(); err != nil {
			t.Errorf("xmllint %s: %v\n%s", name, err, out)
		}
	}

	py := testenv.Python(t, "translate.storage.tmx", "apt-get install translate-toolkit")
	script := `import sys, json
from translate.storage import tmx
with open(sys.argv[1], 'rb') as f:
    store = tmx.tmxfile(f)
print(json.dumps([[str(u.source), str(u.target)] for u in store.units]))`
	out, err := exec.Command(py, "-c", script, filepath.Join(dir, "story.en-kk.tmx")).CombinedOutput()
	if err != nil {
		t.Fatalf("Translate Toolkit: %v\n%s", err, out)
	}
	var units [][2]string
	if err := json.Unmarshal(out, &units); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range [][2]string{
		{"Six buses started running on 3 May.", "Алты автобус 3 мамырда жолға шықты."},
		{"They carried 950 people.", "Олар 950 адам тасыды."},
		{`Fares stay at 90 tenge & "free" for <pupils> ]]> here.`, "Жол ақысы 90 теңге & <оқушыларға> «тегін» ]]> осында."},
	} {
		if !slices.Contains(units, want) {
			t.Errorf("Translate Toolkit does not read %q from story.en-kk.tmx: %q", want, units)
		}
	}
}
