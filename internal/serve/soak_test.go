package serve_test

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/workspace"
)

var soak = flag.Duration("serve.soak", time.Second, "how long TestConcurrentEditors runs (the issue's target: 30s)")

// TestConcurrentEditors: 50 browsers edit 50 documents at once over
// loopback for -serve.soak. Each notes what it expects every change to
// leave; at the end every accepted change is on disk, in the document
// it was made on, and no stale change (made on an old version, which the
// server must refuse, answering with the current page) is anywhere.
// Nothing but 303 is answered.
func TestConcurrentEditors(t *testing.T) {
	const clients = 50
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	id := func(i int) string { return fmt.Sprintf("doc-%02d", i) }
	for i := range clients {
		if err := reviewtest.Add(ws, id(i), reviewtest.OneToOne); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := serve.New(serve.Options{App: serve.NewTestApp("test"), WS: ws})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv) // 127.0.0.1
	defer ts.Close()

	type want struct {
		notes  [6]string
		status [6]document.Status
	}
	wants := make([]want, clients)
	for i := range clients {
		d, err := document.Open(ws, id(i))
		if err != nil {
			t.Fatal(err)
		}
		a, err := d.Alignment()
		if err != nil {
			t.Fatal(err)
		}
		for k, g := range a.Groups {
			wants[i].notes[k], wants[i].status[k] = g.Note, g.Status
		}
	}
	var accepted, stale atomic.Int64
	deadline := time.Now().Add(*soak)
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- editor(ts.URL, id(i), i, deadline, &wants[i].notes, &wants[i].status, &accepted, &stale)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	for i := range clients {
		d, err := document.Open(ws, id(i))
		if err != nil {
			t.Fatal(err)
		}
		a, err := d.Alignment()
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Groups) != 6 {
			t.Fatalf("%s has %d groups", id(i), len(a.Groups))
		}
		for k, g := range a.Groups {
			if strings.Contains(g.Note, "stale") {
				t.Errorf("%s group %d: a stale change was applied: %q", id(i), k+1, g.Note)
			}
			if w := wants[i].notes[k]; g.Note != w {
				t.Errorf("%s group %d: note %q, want %q (a change lost or misapplied)", id(i), k+1, g.Note, w)
			}
			if w := wants[i].status[k]; g.Status != w {
				t.Errorf("%s group %d: %s, want %s", id(i), k+1, g.Status, w)
			}
		}
	}
	t.Logf("%d clients for %v: %d changes applied and found on disk, %d stale changes refused (%.0f changes/s)",
		clients, *soak, accepted.Load(), stale.Load(), float64(accepted.Load())/soak.Seconds())
	if accepted.Load() < clients {
		t.Errorf("only %d changes were applied", accepted.Load())
	}
}

// editor is one browser editing document id until deadline: it reads the
// page, makes a change on the version it read, and now and then replays a
// change on a version it knows is old.
func editor(base, id string, n int, deadline time.Time, notes *[6]string, status *[6]document.Status, accepted, stale *atomic.Int64) error {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func() (csrf, version string, err error) {
		res, err := c.Get(base + "/doc/" + id)
		if err != nil {
			return "", "", err
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			return "", "", fmt.Errorf("%s: GET status %d", id, res.StatusCode)
		}
		m, v := csrfRe.FindSubmatch(body), versionRe.FindSubmatch(body)
		if m == nil || v == nil {
			return "", "", fmt.Errorf("%s: no form", id)
		}
		return string(m[1]), string(v[1]), nil
	}
	post := func(form url.Values) (int, error) {
		res, err := c.PostForm(base+"/doc/"+id+"/edit", form)
		if err != nil {
			return 0, err
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode, nil
	}
	old := ""
	// Two rounds at least, so that every client also sends a stale change.
	for k := 0; k < 2 || time.Now().Before(deadline); k++ {
		csrf, version, err := get()
		if err != nil {
			return err
		}
		g := k%6 + 1
		form := url.Values{"csrf": {csrf}, "version": {version}, "group": {fmt.Sprint(g)}}
		note := ""
		switch k % 3 {
		case 0:
			form.Set("op", "confirm")
			if status[g-1] == document.Confirmed {
				form.Set("op", "unconfirm")
			}
		default:
			note = fmt.Sprintf("client %d change %d", n, k)
			form.Set("op", "note")
			form.Set("note", note)
		}
		code, err := post(form)
		if err != nil {
			return err
		}
		if code != http.StatusSeeOther {
			return fmt.Errorf("%s: change %d (%s): status %d", id, k, form.Get("op"), code)
		}
		accepted.Add(1)
		if form.Get("op") == "note" {
			notes[g-1] = note
		} else if form.Get("op") == "confirm" {
			status[g-1] = document.Confirmed
		} else {
			status[g-1] = document.Aligned // one sentence per language: no gap
		}
		if old != "" && k%4 == 1 {
			// The page of an earlier round: the server must refuse it.
			code, err := post(url.Values{"csrf": {csrf}, "version": {old}, "op": {"note"}, "group": {fmt.Sprint(g%6 + 1)}, "note": {"stale change"}})
			if err != nil {
				return err
			}
			if code != http.StatusSeeOther {
				return fmt.Errorf("%s: a change on an old version: status %d, want 303", id, code)
			}
			stale.Add(1)
		}
		old = version
	}
	return nil
}
