//go:build benchfloor && benchused

package main

// With -tags benchfloor,benchused the floor program also calls, on a path
// that never runs, the entry points of every library tilmash uses the way
// tilmash uses them. A blank import (the benchdeps build) lets the linker
// drop what nothing reads: a package's map tables (golang.org/x/net/html's
// 2,231 entities), the interface tables of pgx's type map (about 500),
// net/http's server, the SQL driver's statements. A call keeps them, so
// this build's start-up is what those libraries cost any program that
// uses them, before it does anything: the floor under tilmash --version.

import (
	"archive/zip"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"regexp"

	"github.com/cespare/xxhash/v2"
	"github.com/gofrs/flock"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/mattn/go-runewidth"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/term"
	"golang.org/x/text/cases"
	"golang.org/x/text/collate"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
	_ "modernc.org/sqlite"
)

// useDeps calls each library once; main calls it only when given more
// arguments than any run gives, so the linker keeps it and it never runs.
func useDeps(args []string) {
	ctx := context.Background()
	db, _ := sql.Open("sqlite", args[0])
	var n int
	_ = db.QueryRowContext(ctx, "SELECT ?", 1).Scan(&n)
	pool, _ := pgxpool.New(ctx, args[1])
	rows, _ := pool.Query(ctx, "SELECT $1::text, similarity($1, $2)", args[2], args[3])
	_, _ = pgx.CollectRows(rows, pgx.RowTo[string])
	doc, _ := html.Parse(os.Stdin)
	_ = html.Render(os.Stdout, doc)
	_, _, _ = charset.DetermineEncoding([]byte(args[4]), "text/html")
	_, _ = htmlindex.Get(args[5])
	var node yaml.Node
	_ = yaml.Unmarshal([]byte(args[6]), &node)
	_, _ = yaml.Marshal(&node)
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	_, _ = bundle.ParseMessageFileBytes([]byte(args[7]), "active.en.yaml")
	_, _ = i18n.NewLocalizer(bundle, args[8]).Localize(&i18n.LocalizeConfig{MessageID: args[9], PluralCount: 2})
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = template.Must(template.New("p").Parse(args[10])).Execute(w, r.URL.Query())
	})
	_ = http.ListenAndServe(args[11], mux)
	dec := xml.NewDecoder(os.Stdin)
	tok, _ := dec.Token()
	_ = xml.NewEncoder(os.Stdout).EncodeToken(tok)
	_ = json.NewEncoder(os.Stdout).Encode(tok)
	zr, _ := zip.OpenReader(args[12])
	zw := zip.NewWriter(os.Stdout)
	for _, f := range zr.File {
		_, _ = zw.Create(f.Name)
	}
	_, _ = csv.NewReader(os.Stdin).ReadAll()
	_ = collate.New(language.Kazakh).CompareString(args[13], args[14])
	_ = cases.Fold().String(args[15])
	_ = norm.NFC.String(args[16])
	_ = runewidth.StringWidth(args[17])
	_ = term.IsTerminal(int(os.Stdout.Fd()))
	_, _ = flock.New(args[18]).TryLock()
	_ = xxhash.Sum64String(args[19])
	_ = regexp.MustCompile(args[20]).FindAllStringIndex(args[21], -1)
	_ = exec.Command(args[22]).Run()
}
