package app

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TMOptions say where the translation memory of a workspace is kept.
type TMOptions struct {
	// URL is a PostgreSQL database (--tm, or $TILMASH_TM); "" takes
	// tm.url of tilmash.yaml, and without one the memory is the embedded
	// file in the workspace's .tilmash folder. [LocalMemory] is that file
	// whatever tm.url says: a translator offline, or the server down.
	URL string
	// Password is the server's password, from the environment
	// (TILMASH_TM_PASSWORD, then PGPASSWORD); a URL given with --tm may
	// carry its own.
	Password string
	// LockWait is how long an update of a memory on a server waits for
	// another translator's (--wait); 0 tries once.
	LockWait time.Duration
}

// LocalMemory, as --tm or $TILMASH_TM, is the workspace's own embedded
// memory even where tilmash.yaml names a shared one (tm.url).
const LocalMemory = "local"

// TMEnvVar is the environment variable that gives --tm's value to every
// command that uses the memory (import, serve, tm): a PostgreSQL URL, or
// [LocalMemory].
const TMEnvVar = "TILMASH_TM"

// ServerURL is the address of the memory on a server that opt and ws
// name, "" for the embedded file.
func (o TMOptions) ServerURL(ws *workspace.Workspace) string {
	switch o.URL {
	case LocalMemory:
		return ""
	case "":
		return ws.Config.TM.URL
	}
	return o.URL
}

// TMPasswordVars are the environment variables the password of a shared
// memory is read from, the first set one wins.
var TMPasswordVars = []string{"TILMASH_TM_PASSWORD", "PGPASSWORD"}

// TMFromEnv is the options for a memory at url (--tm, or "") with the
// password from the environment getenv reads.
func TMFromEnv(url string, getenv func(string) string) TMOptions {
	if url == "" {
		url = strings.TrimSpace(getenv(TMEnvVar))
	}
	opt := TMOptions{URL: url}
	for _, v := range TMPasswordVars {
		if p := getenv(v); p != "" {
			opt.Password = p
			break
		}
	}
	return opt
}

// MemoryStores open the stores a translation memory is kept in. The
// program (cmd/tilmash) gives its App the real ones, internal/tm/sqlitestore
// and internal/tm/pgstore, so that the application layer, and every test
// that never opens a memory, links neither database; a test that does
// gives its App the store it uses.
type MemoryStores struct {
	// File opens the embedded memory at path, creating it when missing.
	File func(path string) (tm.Store, error)
	// Server connects to the memory in the PostgreSQL database at url.
	// What kept it from the memory is a [*tm.StoreError] ([tm.ProblemOf]),
	// in the errors of the store's commands as well, and an update that
	// another session held for longer than opt.LockWait a [*tm.BusyError].
	Server func(ctx context.Context, url string, opt ServerOptions) (tm.Store, error)
}

// ServerOptions steer a memory's store on a server.
type ServerOptions struct {
	// LockWait is how long an update waits for another's; 0 tries once.
	LockWait time.Duration
	// Name names the session to the others (such as "tilmash@HOST").
	Name string
}

// ErrNoMemoryStore is the error of opening a memory with an App that was
// not given the store it needs ([App.Stores]): a mistake of the code that
// built the App, never of a person.
var ErrNoMemoryStore = errors.New("app: the App has no store for this translation memory (App.Stores)")

// Memory is an opened translation memory.
type Memory struct {
	*tm.Memory
	// Where names the memory for messages: the embedded file relative to
	// the workspace, or the server's URL without a password.
	Where string
	// Server is set for a memory on a PostgreSQL server.
	Server bool
}

// Close closes the memory's store.
func (m *Memory) Close() error { return m.Store.Close() }

// memoryFile is the embedded memory of ws.
func memoryFile(ws *workspace.Workspace) string { return ws.Path(tm.Folder, tm.DBName) }

// OpenMemory opens the translation memory of ws, creating the embedded one
// when missing. It does not bring it up to date: see [App.UpdateMemory].
func (a *App) OpenMemory(ctx context.Context, ws *workspace.Workspace, opt TMOptions) (*Memory, error) {
	raw := opt.ServerURL(ws)
	if raw == "" {
		file := memoryFile(ws)
		rel := filepath.Join(tm.Folder, tm.DBName)
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return nil, locale.NewError("tm.cannot-open", map[string]any{"Where": rel, "Err": err.Error()}).WithHint("tm.cannot-open.file-hint").Wrap(err)
		}
		if a.Stores.File == nil {
			return nil, ErrNoMemoryStore
		}
		st, err := a.Stores.File(file)
		if err != nil {
			return nil, locale.NewError("tm.cannot-open", map[string]any{"Where": rel, "Err": err.Error()}).WithHint("tm.cannot-open.file-hint").Wrap(err)
		}
		mem := tm.New(ws, st)
		mem.Now = a.now
		return &Memory{Memory: mem, Where: rel}, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, locale.NewError("tm.bad-url", map[string]any{"URL": redact(raw)}).WithHint("tm.config.url.hint").OfKind(locale.Usage)
	}
	if a.Stores.Server == nil {
		return nil, ErrNoMemoryStore
	}
	if _, has := u.User.Password(); !has && opt.Password != "" {
		user := ""
		if u.User != nil {
			user = u.User.Username()
		}
		u.User = url.UserPassword(user, opt.Password)
	}
	where := redact(raw)
	cctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	name := "tilmash"
	if host, err := os.Hostname(); err == nil && host != "" {
		name += "@" + host
	}
	st, err := a.Stores.Server(cctx, u.String(), ServerOptions{LockWait: opt.LockWait, Name: name})
	if err != nil {
		user := "ROLE"
		if u.User != nil && u.User.Username() != "" {
			user = u.User.Username()
		}
		schema := tm.FirstSchema(u.Query().Get("search_path"))
		data := map[string]any{"Where": where, "Err": scrub(err.Error(), opt.Password, u, where), "Host": u.Host, "DB": strings.TrimPrefix(u.Path, "/"), "User": user,
			"Schema": schema}
		var se *tm.StoreError
		if errors.As(err, &se) && se.Schema != "" {
			if schema == "" {
				schema = "public"
			}
			data["ExtSchema"] = se.Schema
			data["SearchPath"] = searchPathParam(schema, se.Schema)
		}
		// the stores' own words for what tilmash itself found
		switch tm.ProblemOf(err) {
		case tm.NoSchema:
			data["Err"] = locale.Msg{ID: "tm.cannot-open.no-schema", Data: map[string]any{"Schema": data["Schema"]}}
		case tm.ExtensionOutOfPath:
			data["Err"] = locale.Msg{ID: "tm.cannot-open.trgm-path", Data: map[string]any{"ExtSchema": data["ExtSchema"], "Path": rawParam(u, "search_path")}}
		}
		return nil, locale.NewError("tm.cannot-open", data).WithHint(serverHint(err)).Wrap(err)
	}
	mem := tm.New(ws, st)
	mem.Now = a.now
	mem.Shared = true // other workspaces update it too
	return &Memory{Memory: mem, Where: where, Server: true}, nil
}

// serverHint says what to do when a memory on a server cannot be opened,
// by what went wrong.
func serverHint(err error) string {
	switch tm.ProblemOf(err) {
	case tm.Unreachable:
		return "tm.cannot-open.unreachable-hint"
	case tm.AuthFailed:
		return "tm.cannot-open.auth-hint"
	case tm.NoDatabase:
		return "tm.cannot-open.no-database-hint"
	case tm.NoExtension:
		return "tm.cannot-open.no-trgm-hint"
	case tm.Denied:
		return "tm.cannot-open.denied-hint"
	case tm.NoSchema:
		return "tm.cannot-open.no-schema-hint"
	case tm.ExtensionOutOfPath:
		return "tm.cannot-open.trgm-path-hint"
	}
	return "tm.cannot-open.server-hint"
}

// rawParam is the value of the query parameter key of u as PostgreSQL's
// clients read it: a + stays a plus sign (url.Values would make it a
// space, and hide the mistake the value is shown for).
func rawParam(u *url.URL, key string) string {
	for _, kv := range strings.Split(u.RawQuery, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if k != key {
			continue
		}
		if s, err := url.PathUnescape(v); err == nil {
			return s
		}
		return v
	}
	return ""
}

// searchPathParam is a URL's ?search_path= value naming schemas in
// order: a name the server would fold to lower case is quoted, and the
// whole escaped for a URL's query, without spaces (a postgres:// URL
// reads a + as a plus sign, not as a space).
func searchPathParam(schemas ...string) string {
	parts := make([]string, len(schemas))
	for i, s := range schemas {
		if s != strings.ToLower(s) || strings.ContainsAny(s, ` ,"+`) {
			s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
		parts[i] = strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
	}
	return strings.Join(parts, ",")
}

// redact is a URL without its password.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// scrub takes a password out of a driver's message, unless it is a
// word the message shows anyway, the user's or the database's name
// (where, the address without its password, is printed beside it): a
// password the same as the role's, common on a test server, turned
// "user=newsroom database=newsroom" into "user=xxxxx database=xxxxx".
func scrub(msg, password string, u *url.URL, where string) string {
	if p, ok := u.User.Password(); ok && p != "" && !strings.Contains(where, p) {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
	}
	if password != "" && !strings.Contains(where, password) {
		msg = strings.ReplaceAll(msg, password, "xxxxx")
	}
	return msg
}

// UpdateMemory brings the memory up to date with the documents: only those
// changed since the last update are read again.
func (a *App) UpdateMemory(ctx context.Context, m *Memory) (tm.UpdateReport, error) {
	rep, err := m.Update(ctx)
	return rep, memoryError(m, err)
}

// SharedNotes is what a person is told of the documents an update of a
// shared memory left as the memory has them: another machine's newer
// versions this workspace has not pulled, and those changed on both sides
// since the two last agreed. The command line writes them as warnings; the
// workbench shows them above the concordance.
func SharedNotes(rep tm.UpdateReport) []locale.Msg {
	names := func(shown []string, n int) string {
		s := strings.Join(shown, ", ")
		if n > len(shown) {
			s += ", …"
		}
		return s
	}
	var out []locale.Msg
	if rep.Newer > 0 {
		out = append(out, locale.Msg{ID: "tm.shared.newer", Data: map[string]any{"Count": rep.Newer, "Names": names(rep.NewerDocs, rep.Newer)}})
	}
	if rep.Conflicts > 0 {
		out = append(out, locale.Msg{ID: "tm.shared.conflict", Data: map[string]any{"Count": rep.Conflicts, "Names": names(rep.ConflictDocs, rep.Conflicts)}})
	}
	return out
}

// RebuildMemory derives the memory again from every document and every
// imported TMX. An embedded memory that cannot even be opened (a damaged
// file) is removed and made anew: it holds nothing the workspace does not.
func (a *App) RebuildMemory(ctx context.Context, ws *workspace.Workspace, opt TMOptions) (*Memory, tm.UpdateReport, error) {
	m, err := a.OpenMemory(ctx, ws, opt)
	if err != nil && !errors.Is(err, ErrNoMemoryStore) && opt.ServerURL(ws) == "" {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(memoryFile(ws) + suffix)
		}
		m, err = a.OpenMemory(ctx, ws, opt)
	}
	if err != nil {
		return nil, tm.UpdateReport{}, err
	}
	rep, err := m.Rebuild(ctx)
	if err != nil {
		m.Close()
		return nil, rep, memoryError(m, err)
	}
	return m, rep, nil
}

// memoryError says which memory an error of the store is about; errors
// that already say what to do (a document that cannot be read, a broken
// TMX) are returned as they are.
func memoryError(m *Memory, err error) error {
	if err == nil {
		return nil
	}
	var le *locale.Error
	var msg locale.Message
	if errors.As(err, &le) || errors.As(err, &msg) || errors.Is(err, context.Canceled) {
		return err
	}
	var busy *tm.BusyError
	if errors.As(err, &busy) {
		since := "?"
		if !busy.Since.IsZero() {
			since = busy.Since.Local().Format("15:04:05")
		}
		return locale.NewError("tm.busy", map[string]any{"Where": m.Where, "Holder": busy.Name, "PID": busy.PID, "Since": since, "Wait": busy.Wait.String()}).WithHint("tm.busy.hint").Wrap(err)
	}
	hint := "tm.store-failed.hint"
	if m.Server && tm.ProblemOf(err) == tm.Unreachable {
		// The server went away: a rebuild is no remedy.
		hint = "tm.store-failed.server-hint"
	}
	return locale.NewError("tm.store-failed", map[string]any{"Where": m.Where, "Err": err.Error()}).WithHint(hint).Wrap(err)
}

// MemoryBusy reports whether err is a shared memory that another
// translator's update held for longer than --wait: a command that only
// reads it can go on with the memory as it is.
func MemoryBusy(err error) bool {
	var busy *tm.BusyError
	return errors.As(err, &busy)
}

// SearchMemory is a concordance search; a query that names an entry of
// the workspace glossary also finds that entry's forms in every language.
// The hits are as a person reads them ([tm.Shown]).
func (a *App) SearchMemory(ctx context.Context, m *Memory, q tm.Query) ([]tm.Hit, error) {
	if m.Glossary == nil && a.Glossary != nil {
		if chk, err := a.Glossary(m.WS); err == nil && chk != nil {
			m.Glossary = chk.Glossary
		}
	}
	hits, err := m.Search(ctx, q)
	for i := range hits {
		hits[i].Unit, hits[i].Marks = tm.Shown(hits[i].Unit, hits[i].Marks)
	}
	return hits, memoryError(m, err)
}

// LookupText is the new text tm lookup looks up: a document's text in a
// language, or a file's.
type LookupText struct {
	Document string // the document it is, or ""
	Name     string // for messages
	Text     string
	// Formatting is a file's formatting (bold, links… of an HTML,
	// Markdown or DOCX article); nil for none, and for a document, whose
	// formatting [App.SegmentMatches] reads when it needs it.
	Formatting *document.Formatting
}

// LooksLike is the language of en, ru and kk that t's letters say it is
// in, when that is not lang (one of them); "" when they agree or it cannot
// tell (see document.GuessLanguage). A text looked up as the wrong
// language matches nothing, and lookup says why.
func (t LookupText) LooksLike(lang string) string {
	if !slices.Contains(guessed, lang) {
		return ""
	}
	if g := document.GuessLanguage(t.Text[:min(len(t.Text), guessBytes)]); g != lang {
		return g
	}
	return ""
}

// DocumentText returns the text of document id in lang as a [LookupText];
// found is false when the workspace has no such document.
func DocumentText(ws *workspace.Workspace, id, lang string) (t LookupText, found bool, err error) {
	if document.ValidID(id) != nil {
		return t, false, nil
	}
	if _, err := os.Stat(ws.Path(document.Folder, id, "meta.yaml")); err != nil {
		return t, false, nil
	}
	d, err := document.Open(ws, id)
	if err != nil {
		return t, true, err
	}
	text, err := d.Text(lang)
	if err != nil {
		return t, true, err
	}
	return LookupText{Document: id, Name: filepath.Join(document.Folder, id, lang+".txt"), Text: text}, true, nil
}

// FileText makes a file's bytes (named name) a [LookupText] as import
// reads and stores it: the text of an HTML page, a Markdown file or a
// DOCX with its formatting (the format found as import finds it,
// docformat.Detect), a plain text as UTF-8 without a byte order mark and
// with LF line ends.
func FileText(name string, data []byte) (LookupText, error) {
	f := docformat.Detect(name, data)
	doc, err := readArticle(f, name, data)
	if err != nil {
		return LookupText{}, err
	}
	if doc != nil {
		return LookupText{Name: name, Text: doc.Text, Formatting: &document.Formatting{From: string(f), Spans: doc.Spans}}, nil
	}
	text, err := document.Normalize(name, data)
	if err != nil {
		return LookupText{}, err
	}
	return LookupText{Name: name, Text: string(text)}, nil
}

// LookupMemory finds the fuzzy matches of every sentence of t in lang. The
// units of t's own document are left out: what the rest of the memory
// offers is what a translator can reuse.
func (a *App) LookupMemory(ctx context.Context, m *Memory, t LookupText, lang string, min int) ([]tm.Result, error) {
	seg, err := a.Segmenter(m.WS, lang)
	if err != nil {
		return nil, err
	}
	var sents []string
	for _, s := range lookupSentences(seg, t.Text) {
		sents = append(sents, s.Text)
	}
	opt := tm.LookupOptions{Lang: lang, Min: min, Split: func(l, text string) []string {
		// A unit holding several sentences that no document cuts (an
		// import's paragraph segment) is cut as its language's texts are;
		// a language without a segmenter leaves it whole.
		seg, err := a.Segmenter(m.WS, l)
		if err != nil {
			return []string{text}
		}
		var out []string
		for _, s := range seg.Segment(text) {
			if strings.TrimSpace(s.Text) != "" {
				out = append(out, s.Text)
			}
		}
		return out
	}}
	if t.Document != "" {
		opt.Exclude = tm.DocPrefix + t.Document
	}
	res, err := m.Lookup(ctx, sents, opt)
	return res, memoryError(m, err)
}

// lookupSentences are the sentences of text that [App.LookupMemory] looks
// up, with their place in text.
func lookupSentences(seg *segment.Segmenter, text string) []document.Sentence {
	var out []document.Sentence
	for _, s := range seg.Segment(text) {
		if strings.TrimSpace(s.Text) != "" {
			out = append(out, document.Sentence{Start: s.Start, End: s.End, Text: s.Text})
		}
	}
	return out
}

// SegmentMatches gives each result of [App.LookupMemory] of t in lang its
// sentence as the new article's segment shows it (tm.Result.Segment),
// with the codes of t's formatting (a document's, when t is one) numbered
// in its paragraph, so that the TMX of the matches numbers their codes as
// OmegaT will number the new article's tags. Only the TMX needs it.
func (a *App) SegmentMatches(ws *workspace.Workspace, res []tm.Result, t LookupText, lang string) error {
	f := t.Formatting
	if f == nil && t.Document != "" {
		d, err := document.Open(ws, t.Document)
		if err != nil {
			return err
		}
		if f, err = d.FormattingFor(lang, t.Text); err != nil {
			return err
		}
	}
	seg, err := a.Segmenter(ws, lang)
	if err != nil {
		return err
	}
	located := lookupSentences(seg, t.Text)
	if len(located) != len(res) {
		return nil // not t's results: no segments
	}
	in := export.NewTextInline(lang, t.Text, f)
	for i := range res {
		if res[i].Sentence == located[i].Text {
			res[i].Segment = in.Sentence(lang, located[i])
		}
	}
	return nil
}

// ImportMatches says how much of a newly imported text the memory already
// holds.
type ImportMatches struct {
	Sentences int
	// Exact and Fuzzy count as tm lookup's summary counts ([tm.Tally.Counts]):
	// every 100% match is in Exact, Within of them sentences of a longer
	// group whose translation also covers the group's other sentences.
	Exact, Fuzzy int
	Within       int
}

// importMatchDocs is the most documents a workspace may hold for import
// to build a memory that does not exist yet, to count matches.
const importMatchDocs = 200

// CountImportMatches counts the sentences of document id's text in lang,
// the workspace's source language, with a 100% and with a fuzzy (≥ 70%)
// match among the other documents of the memory, for import to report.
// It works only with a memory that exists, or that a small workspace
// builds in a moment, and within a few seconds; ok is false when it did
// not, or lang is not the source language (an import never fails because
// of the memory).
func (a *App) CountImportMatches(ws *workspace.Workspace, id, lang string, opt TMOptions) (r ImportMatches, ok bool) {
	if lang != ws.Config.Source {
		return r, false
	}
	if opt.ServerURL(ws) == "" {
		if _, err := os.Stat(memoryFile(ws)); err != nil {
			entries, err := os.ReadDir(ws.Path(document.Folder))
			if err != nil || len(entries) > importMatchDocs || !othersAligned(ws, entries, id) {
				return r, false
			}
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	m, err := a.OpenMemory(ctx, ws, opt)
	if err != nil {
		return r, false
	}
	defer m.Close()
	if _, err := m.Update(ctx); err != nil {
		return r, false
	}
	// An empty memory (the first document) has nothing to say.
	srcs, err := m.Store.Sources(ctx)
	others := false
	for _, s := range srcs {
		others = others || (s.Name != tm.DocPrefix+id && s.Units > 0)
	}
	if err != nil || !others {
		return r, false
	}
	t, found, err := DocumentText(ws, id, lang)
	if err != nil || !found {
		return r, false
	}
	res, err := a.LookupMemory(ctx, m, t, lang, 0)
	if err != nil {
		return r, false
	}
	r.Sentences = len(res)
	tally := tm.TallyOf(res)
	r.Exact, r.Fuzzy = tally.Counts()
	r.Within = tally.Within
	return r, true
}

// othersAligned reports whether a document of entries (the documents
// folder) other than id has an alignment. A memory that does not exist
// yet would be built from the documents' alignments alone (see
// [tm.Memory.Update]; imported memories live in the memory): without
// another one there is nothing to match, and import neither builds the
// memory nor opens SQLite, on the first imports of every workspace.
func othersAligned(ws *workspace.Workspace, entries []os.DirEntry, id string) bool {
	for _, e := range entries {
		if e.Name() == id || !e.IsDir() {
			continue
		}
		if _, err := os.Lstat(ws.Path(document.Folder, e.Name(), document.AlignmentName)); !errors.Is(err, fs.ErrNotExist) {
			return true // there, or it cannot be told: build as before
		}
	}
	return false
}

// ImportMemory adds a TMX (data, read from the file shown) to the memory
// as name.
func (a *App) ImportMemory(ctx context.Context, m *Memory, data []byte, shown, name string) (tm.ImportReport, error) {
	rep, err := m.ImportTMX(ctx, bytes.NewReader(data), shown, name)
	return rep, memoryError(m, err)
}

// memoryExportOptions are the options of the memory's TMX, dated by its
// content (tm.ExportOptions.Dated), in the cut units (export.UnitsSentences or export.UnitsGroups, "" for the
// default) and the languages langs (nil for every one), with the
// workspace glossary's terms as anchors of the cut.
func (a *App) memoryExportOptions(m *Memory, units string, langs []string) tm.ExportOptions {
	opt := tm.ExportOptions{Version: a.Version, Dated: true, Units: units, Langs: langs}
	if units != export.UnitsGroups && a.Glossary != nil {
		if chk, err := a.Glossary(m.WS); err == nil && chk != nil {
			opt.Terms = chk
		}
	}
	return opt
}

// ExportMemory writes the whole memory as one TMX 1.4b file to o, cut in
// units, in langs (see [App.memoryExportOptions]), and returns the file
// written ("" for standard output) and the number of units.
func (a *App) ExportMemory(ctx context.Context, m *Memory, o *Output, units string, langs []string) (string, int, error) {
	var buf bytes.Buffer
	n, err := m.Export(ctx, &buf, a.memoryExportOptions(m, units, langs))
	if err != nil {
		return "", 0, memoryError(m, err)
	}
	file, err := o.Write("memory.tmx", buf.Bytes())
	return file, n, err
}

// WriteMatches writes lookup results as a TMX to o, cut in units, in
// langs (nil for every language); it returns the file written, the number
// of units and of partial matches left out ([tm.Memory.WriteMatches]).
func (a *App) WriteMatches(m *Memory, res []tm.Result, o *Output, units string, langs []string) (string, int, int, error) {
	var buf bytes.Buffer
	n, left, err := m.WriteMatches(&buf, res, a.memoryExportOptions(m, units, langs))
	if err != nil {
		return "", 0, 0, memoryError(m, err)
	}
	file, err := o.Write("matches.tmx", buf.Bytes())
	return file, n, left, err
}
