package serve

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

//go:embed templates/*.html static/*
var assets embed.FS

// Options configure a [Server].
type Options struct {
	App *app.App
	WS  *workspace.Workspace
	// Token, when not empty, is required on every request.
	Token string
	// PageSize is how many groups a document page shows; 100 when 0.
	PageSize int
	// LockWait is how long an edit waits for the workspace lock held by
	// another tilmash process; 10 s when 0.
	LockWait time.Duration
	// MaxBody is the largest request body accepted; 256 KiB when 0.
	MaxBody int64
	// TM says where the translation memory the concordance page searches
	// is (the workspace's own when zero).
	TM app.TMOptions
	// UILang (en, ru or kk) is the language of the pages for a browser
	// that asks for none of those (no Accept-Language, or other
	// languages only), until a person picks one: tilmash serve gives the
	// one it runs in. English when empty.
	UILang string
}

// Server serves one workspace. Build it with [New]; it is an
// http.Handler.
type Server struct {
	opt     Options
	app     *app.App
	ws      *workspace.Workspace
	locs    map[string]*locale.Localizer
	pages   *pageSet
	key     []byte // the HMAC key of CSRF tokens, new for every server
	handler http.Handler

	// edits serializes the changes this server makes: they take the
	// workspace lock one at a time instead of polling for it.
	edits sync.Mutex

	// cache keeps parsed documents and their summaries (cache.go).
	cache docCache

	// checking bounds the document checks run at once (see
	// Server.checkAligned) to the processors: more gain nothing, and
	// each holds hunspell processes, which the app's pool keeps a few of
	// (50 editors opening pages at once started a hundred).
	checking chan struct{}

	flashMu sync.Mutex
	flashes map[string]flash
	order   []string
}

// New builds the server of opt.WS.
func New(opt Options) (*Server, error) {
	if opt.PageSize <= 0 {
		opt.PageSize = 100
	}
	if opt.LockWait <= 0 {
		opt.LockWait = 10 * time.Second
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = 256 << 10
	}
	if _, ok := knownLang(opt.UILang); !ok {
		opt.UILang = "en"
	}
	s := &Server{opt: opt, app: opt.App, ws: opt.WS, locs: map[string]*locale.Localizer{}, flashes: map[string]flash{},
		checking: make(chan struct{}, runtime.GOMAXPROCS(0))}
	for _, l := range uiLangs {
		loc, err := locale.New(l.Code)
		if err != nil {
			return nil, err
		}
		s.locs[l.Code] = loc
	}
	var err error
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	s.key = make([]byte, 32)
	if _, err := rand.Read(s.key); err != nil {
		return nil, err
	}
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.workspacePage)
	mux.HandleFunc("GET /doc/{id}", s.documentPage)
	mux.HandleFunc("GET /doc/{id}/findings", s.findingsPage)
	mux.HandleFunc("GET /doc/{id}/findings.json", s.findingsJSON)
	mux.HandleFunc("POST /doc/{id}/edit", s.edit)
	mux.HandleFunc("POST /doc/{id}/words", s.addWord)
	mux.HandleFunc("GET /glossary", s.glossaryPage)
	mux.HandleFunc("POST /glossary/add", s.glossaryAdd)
	mux.HandleFunc("GET /concordance", s.concordancePage)
	mux.HandleFunc("GET /static/{name}", s.static)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { s.unrouted(mux, w, r) })
	return s.guard(mux)
}

// HTTPServer wraps h in an http.Server with the timeouts and header
// limit a server facing a network needs.
func HTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// Serve answers on ln until ctx is done, then shuts down gracefully,
// letting requests under way finish (an edit is never cut in half).
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := HTTPServer(h)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// IsLoopback reports whether addr (host:port) listens on loopback only:
// 127.0.0.0/8, ::1 or localhost. An empty host (all interfaces) is not.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	return loopbackHost(host)
}

func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ShownHost is the host:port of the address serve prints for a listener
// at addr. A listener on every interface (--addr 0.0.0.0:8750 or :8750,
// which Go reports as [::]:8750) printed http://[::]:8750/, an address no
// colleague can open: the machine's first global IPv4 address stands for
// it (then its first global IPv6 address, then its hostname), taken from
// ifaces (net.InterfaceAddrs). Any other address is printed as it is.
func ShownHost(addr net.Addr, ifaces []net.Addr, hostname string) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return addr.String()
	}
	port := strconv.Itoa(tcp.Port)
	var v6 net.IP
	for _, a := range ifaces {
		ipn, ok := a.(*net.IPNet)
		if !ok || !ipn.IP.IsGlobalUnicast() {
			continue
		}
		if ipn.IP.To4() != nil {
			return net.JoinHostPort(ipn.IP.String(), port)
		}
		if v6 == nil {
			v6 = ipn.IP
		}
	}
	switch {
	case v6 != nil:
		return net.JoinHostPort(v6.String(), port)
	case hostname != "":
		return net.JoinHostPort(hostname, port)
	}
	return net.JoinHostPort("localhost", port)
}

// flash is what an edit said, shown once by the page it redirects to.
type flash struct {
	Notes []note
	// Draft is what a refused change carried (a corrected sentence, a
	// note, a range), put back into its field by the page, so that a
	// refusal never loses what a person typed.
	Draft *draft
	at    time.Time
}

// draft is the text of a refused change and the field it came from: the
// sentence (Group, Lang, Sentence) of an edit, the note of Group, or the
// range of confirm-range and unconfirm-range.
type draft struct {
	Op       string
	Group    int
	Lang     string
	Sentence int
	Text     string
	// Version is the version of the document the change was made on: the
	// draft goes back into its field only on a page of that version (the
	// same group numbers); on another, the page says it in a note.
	Version string
}

// note is one line of a flash: a message and its kind (ok, warn, error).
type note struct{ Kind, Text string }

const maxFlashes = 4096

// putFlash keeps notes (and the draft of a refused change, if any) for
// the next page and returns their key.
func (s *Server) putFlash(notes []note, d *draft) string {
	if len(notes) == 0 && d == nil {
		return ""
	}
	var b [12]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	s.flashMu.Lock()
	defer s.flashMu.Unlock()
	for len(s.order) >= maxFlashes {
		delete(s.flashes, s.order[0])
		s.order = s.order[1:]
	}
	s.flashes[id] = flash{Notes: notes, Draft: d, at: time.Now()}
	s.order = append(s.order, id)
	return id
}

// takeFlash returns the flash of key once.
func (s *Server) takeFlash(key string) flash {
	if key == "" {
		return flash{}
	}
	s.flashMu.Lock()
	defer s.flashMu.Unlock()
	f, ok := s.flashes[key]
	if !ok {
		return flash{}
	}
	delete(s.flashes, key)
	return f
}
