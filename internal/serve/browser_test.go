package serve_test

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/testenv"
)

// browser gives the test a tab of its own in the package's headless
// Chromium (see chromiumPath; as root: no sandbox, see chrome), in a
// browser context of its own while the test runs (an incognito profile:
// its own cookies, storage and cache, as the tests' servers all run on
// 127.0.0.1), or skips the test with one line when Chromium is not
// installed (fails under CI, which installs it). The tab is one a test
// before this one used and left clean (see sharedChromium.put), or a new
// one.
func browser(t testing.TB) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		path = testenv.Command(t, "chromium", "apt-get install chromium-headless-shell")
	}
	bctx, err := chrome.start(path)
	if err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	tb, err := chrome.get(bctx)
	if err != nil {
		t.Fatalf("opening a tab in %s: %v", path, err)
	}
	// The tab lives on after the test; the test's actions run under a
	// timeout of their own.
	tctx, cancelT := context.WithTimeout(tb.ctx, 180*time.Second)
	t.Cleanup(func() {
		cancelT()
		chrome.put(t, tb)
	})
	return tctx
}

// chromiumPath returns the Chromium the browser tests drive: Debian's
// chromium-headless-shell when installed, else its chromium, else "".
//
// The headless shell is the same Blink and V8 (the same source package
// and version) without the browser around them, where chromium
// --headless is the whole browser, its windows' tab strip and address
// bar included, off screen. Measured on the browser tests of this
// package (perf stat -e task-clock, which counts every process of the
// run: Chromium's renderers are not the test's children, and
// /usr/bin/time leaves them out): 27-28 s of CPU with chromium, 12-14 s
// with the shell.
func chromiumPath() string {
	for _, name := range []string{"chromium-headless-shell", "chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab is a tab of the shared Chromium, in a browser context of its own.
type tab struct {
	ctx   context.Context
	close func()
}

// chrome is the one headless Chromium of the package's browser tests
// (a start is a second or two of CPU, and seconds of waiting).
var chrome sharedChromium

// sharedChromium is a headless Chromium with a fresh profile, started by
// the first test that asks and stopped by TestMain.
type sharedChromium struct {
	once sync.Once
	ctx  context.Context
	stop func()
	err  error

	mu sync.Mutex
	// idle are the tabs the tests before left clean, for the next.
	idle []*tab
}

// get gives a test a tab: one a test before left clean, or a new one. A
// new tab is a new browser context, and that is a window of its own,
// with a renderer of its own: half a second of CPU or more, a second or
// two of waiting on a loaded machine, where a tab kept is ready at once.
func (c *sharedChromium) get(bctx context.Context) (*tab, error) {
	c.mu.Lock()
	if n := len(c.idle); n > 0 {
		tb := c.idle[n-1]
		c.idle = c.idle[:n-1]
		c.mu.Unlock()
		return tb, nil
	}
	c.mu.Unlock()
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	// The first run opens the tab, for the life of ctx.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, err
	}
	return &tab{ctx: ctx, close: cancel}, nil
}

// put takes back t's tab. It keeps it for the next test when it could
// leave it as a new one (see clean), and closes it when t failed (nothing
// of a failed test's tab is kept) or cleaning failed (t logs why).
func (c *sharedChromium) put(t testing.TB, tb *tab) {
	if t.Failed() {
		tb.close()
		return
	}
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	err := chromedp.Do(ctx, clean())
	cancel()
	if err != nil {
		t.Logf("the test's tab is closed, not kept: %v", err)
		tb.close()
		return
	}
	c.mu.Lock()
	c.idle = append(c.idle, tb)
	c.mu.Unlock()
}

// clean leaves a tab as a new one for the next test: no page (a blank
// one, the test's page closed without asking, a question about unsaved
// text answered), no cookies, nothing its page's origin kept in the
// browser (the next test's server may get the same port), the window's
// own size.
func clean() chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		origin, err := chromedp.Evaluate[string](`location.origin`)(ctx, tg)
		if err != nil {
			return chromedp.Void{}, err
		}
		if strings.HasPrefix(origin, "http") {
			if _, err := cdp.Call(ctx, tg, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: origin, StorageTypes: "all"}); err != nil {
				return chromedp.Void{}, err
			}
		}
		// A page that asks before it goes (a sentence typed, not saved)
		// is left all the same.
		lctx, stop := context.WithCancel(ctx)
		defer stop()
		if err := chromedp.Listen(lctx, func(ev any) {
			if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
				go cdp.Call(lctx, tg, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			}
		}); err != nil {
			return chromedp.Void{}, err
		}
		if _, err := chromedp.Navigate("about:blank")(ctx, tg); err != nil {
			return chromedp.Void{}, err
		}
		if _, err := cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
			return chromedp.Void{}, err
		}
		if _, err := cdp.Call(ctx, tg, emulation.ClearDeviceMetricsOverride, cdp.Empty{}); err != nil {
			return chromedp.Void{}, err
		}
		_, err = cdp.Call(ctx, tg, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{})
		return chromedp.Void{}, err
	}
}

// start starts Chromium (at path) once and returns its context.
func (c *sharedChromium) start(path string) (context.Context, error) {
	c.once.Do(func() {
		profile, err := os.MkdirTemp("", "tilmash-chromium-")
		if err != nil {
			c.err = err
			return
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(path),
			chromedp.UserDataDir(profile),
			chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			// Headless chromium (not the shell) is the whole browser,
			// its window's address bar included, whose suggestion list
			// is a web page of its own (chrome://omnibox-popup.top-chrome/) rendered in
			// advance in every window: a second or so of CPU at the
			// start and again for every test's browser context (a window
			// of its own), for a list no test opens. Measured on the
			// whole package: 42 s of CPU, 28 s without it.
			chromedp.Flag("disable-features", "WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup"),
			// One renderer for the pages of one site in a browser
			// context, as the tests' servers are all 127.0.0.1: a tab
			// kept for the next test (see get) keeps its renderer, where
			// every test started one (a new process, and its V8 and
			// Blink set up: the larger part of a test's start).
			chromedp.Flag("process-per-site", true),
			chromedp.WindowSize(1280, 900),
		}
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelB := chromedp.NewContext(actx)
		c.stop = func() { cancelB(); cancelA(); os.RemoveAll(profile) }
		// The first run starts the browser, for the life of ctx.
		if err := chromedp.Do(ctx); err != nil {
			c.err = err
			return
		}
		c.ctx = ctx
	})
	return c.ctx, c.err
}

// startEarly starts Chromium in the background when the whole package
// runs (no -run, -skip, -list or -short). The browser tests are parallel:
// they wait for every other test of the package to end, and only then did
// the first of them start Chromium, seconds of CPU over several
// processes, with the package's other tests over and a core idle. Started
// early, Chromium comes up beside those tests; the first browser test
// waits for it as before (sync.Once), and gets its error if it failed. A
// run of some tests only starts it when a browser test asks.
func (c *sharedChromium) startEarly() {
	flag.Parse()
	if testing.Short() {
		return
	}
	for _, name := range []string{"test.run", "test.skip", "test.list"} {
		if f := flag.Lookup(name); f == nil || f.Value.String() != "" {
			return
		}
	}
	if path := chromiumPath(); path != "" {
		go c.start(path)
	}
}

// close stops Chromium if it was started, after a start under way ends.
func (c *sharedChromium) close() {
	c.once.Do(func() {})
	if c.stop != nil {
		c.stop()
	}
}

// waitNote waits until the page shows a note (what the last change said)
// holding want.
func waitNote(want string) chromedp.Action[chromedp.Void] {
	expr := `(function(){var n=document.querySelector("ul.notes");return !!n && n.textContent.includes(` + jsString(want) + `)})()`
	return waitTrue(expr, fmt.Sprintf("the page never said %q", want))
}

// waitTrue waits until a script expression is true. The page may still be
// navigating, or its own script may not have run yet on a loaded machine:
// an evaluation that fails or is false on the way is tried again.
func waitTrue(expr, never string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		var last error
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			ok, err := chromedp.Evaluate[bool](expr)(ctx, t)
			if err == nil && ok {
				return chromedp.Void{}, nil
			}
			if ctx.Err() != nil {
				return chromedp.Void{}, ctx.Err()
			}
			last = err
		}
		return chromedp.Void{}, fmt.Errorf("%s (last error: %v)", never, last)
	}
}

func jsString(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

// TestBrowser drives the workbench in a real headless Chromium: it opens a
// document, confirms a group with the mouse, merges with the keyboard
// (the embedded script, allowed by the page's CSP), undoes, and checks
// the files on disk after each; then it reads the pages in Russian and
// Kazakh. The time to interactive of a 40-group document is
// BenchmarkBrowserFirstPage40's.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the browser test is left out")
	}
	t.Parallel() // a tab of its own in the shared Chromium, a server and workspace of its own
	// One Chromium for every step.
	ctx := browser(t)
	f := newFixture(t, serve.Options{})
	ts := httptest.NewServer(f.srv)
	defer ts.Close()
	groups := func() []*document.Group { return f.alignment("news").Groups }

	// Confirm group 2 with the mouse.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news"),
		chromedp.WaitVisible(chromedp.CSS(`#g2 button.confirm`)),
		click(`#g2 button.confirm`),
		waitNote("confirmed group 2"),
	); err != nil {
		t.Fatal(err)
	}
	if gs := groups(); gs[1].Status != document.Confirmed {
		t.Fatalf("group 2 is %s on disk after the click", gs[1].Status)
	}
	// The script ran (the CSP lets the page's own script run): it made
	// the group the redirect pointed at the current one. The note is in
	// the served page, so it can show before the script has run: wait.
	if err := chromedp.Do(ctx, waitTrue(`document.getElementById("g2").classList.contains("current")`,
		"the keyboard script did not run: group 2 never became the current group")); err != nil {
		t.Fatal(err)
	}

	// Merge group 2 with 3 with the key m, as in tilmash review.
	if err := chromedp.Do(ctx,
		keyThatNavigates("m"),
		waitNote("merged groups 2 and 3"),
	); err != nil {
		t.Fatal(err)
	}
	if gs := groups(); len(gs) != 5 || len(gs[1].Sents["en"]) != 2 {
		t.Fatalf("after the merge: %d groups on disk", len(gs))
	}

	// Undo takes the merge back.
	if err := chromedp.Do(ctx,
		click(`#undo`),
		waitNote("undid step"),
	); err != nil {
		t.Fatal(err)
	}
	if gs := groups(); len(gs) != 6 || gs[1].Status != document.Confirmed || len(gs[1].Sents["en"]) != 1 {
		t.Fatalf("after the undo: %d groups, group 2 %s", len(gs), gs[1].Status)
	}

	// The concordance: a search, and its hit's link to the group.
	m, _, err := serve.NewTestApp("test").RebuildMemory(context.Background(), f.ws, app.TMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/concordance"),
		chromedp.SendKeys(chromedp.CSS(`input[name=q]`), "Lawyers"),
		navigating(chromedp.Submit(chromedp.CSS(`input[name=q]`))),
		chromedp.WaitVisible(chromedp.CSS(`ol.concordance mark`)),
		click(`ol.concordance a[href="/doc/news?g=4"]`),
		chromedp.WaitVisible(chromedp.CSS(`#g4`)),
	); err != nil {
		t.Fatal(err)
	}
	if u := run(t, ctx, chromedp.Evaluate[string](`location.pathname + location.hash`)); u != "/doc/news#g4" {
		t.Errorf("the hit's link led to %s", u)
	}

	// The pages in Russian and Kazakh: the server's HTML, as the browser
	// gets it (two page loads in Chromium checked nothing the browser
	// adds).
	c := f.client()
	for _, tc := range []struct{ lang, nav, confirm string }{
		{"ru", "Рабочая папка", "Подтвердить"},
		{"kk", "Жұмыс қалтасы", "Растау"},
	} {
		res, page := c.get("/doc/news?lang=" + tc.lang)
		nav, button := "", ""
		if m := navMainRe.FindStringSubmatch(page); m != nil {
			nav = text(m[1])
		}
		if m := g3ConfirmRe.FindStringSubmatch(page); m != nil {
			button = text(m[1])
		}
		if res.StatusCode != http.StatusOK || !strings.Contains(page, `<html lang="`+tc.lang+`">`) || !strings.Contains(nav, tc.nav) || !strings.Contains(button, tc.confirm) {
			t.Errorf("%s: status %d, nav %q, button %q:\n%s", tc.lang, res.StatusCode, nav, button, text(page))
		}
	}
}

var (
	navMainRe   = regexp.MustCompile(`(?s)<nav class="main">(.*?)</nav>`)
	g3ConfirmRe = regexp.MustCompile(`(?s)<tr id="g3".*?<button[^>]*class="confirm"[^>]*>(.*?)</button>`)
)

// click clicks an element with the mouse. A button that submits a form
// navigates away while the click is still being reported; that is the
// expected end of the click, not an error.
func click(sel string) chromedp.Action[chromedp.Void] {
	return navigating(chromedp.Click(chromedp.CSS(sel)))
}

// keyThatNavigates types a key whose action submits a form.
func keyThatNavigates(key string) chromedp.Action[chromedp.Void] {
	return navigating(chromedp.KeyEvent(key))
}

// navigating runs an action that may make the page navigate. The page may
// also still be replacing itself from the step before (a form's redirect,
// then the page the redirect names): an action that found its node on the
// old page and lost it before it could act ("Could not find node with given
// id") did nothing, and is tried again on the new page.
func navigating(a chromedp.Action[chromedp.Void]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			v, err := a(ctx, t)
			if err != nil && strings.Contains(err.Error(), "navigated or closed") {
				err = nil
			}
			if err == nil || !strings.Contains(err.Error(), "Could not find node with given id") || time.Now().After(deadline) || ctx.Err() != nil {
				return v, err
			}
		}
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
