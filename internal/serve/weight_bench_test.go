package serve_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// BenchmarkBrowserPageWeight is what a document page weighs (a document
// of 40 groups, and the first page, 100 groups, of one of 300) in headless Chromium: its bytes, its elements (all, form
// fields, text boxes, forms) and the main thread's time to load it (the
// renderer's TaskDuration, CPU of parsing, style, layout and the script,
// not the wall clock of a shared machine), a page load an iteration.
func BenchmarkBrowserPageWeight(b *testing.B) {
	for _, n := range []int{40, 300} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchWeight(b, n) })
	}
}

func benchWeight(b *testing.B, n int) {
	ctx := browser(b)
	h := benchServer(b, n)
	ts := httptest.NewServer(h)
	defer ts.Close()
	page := ts.URL + "/doc/doc?page=1"
	enable := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, performance.Enable, performance.EnableParams{})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, enable); err != nil {
		b.Fatal(err)
	}
	task := func() float64 {
		res, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (performance.GetMetricsResult, error) {
			return cdp.Call(ctx, tg, performance.GetMetrics, cdp.Empty{})
		})
		if err != nil {
			b.Fatal(err)
		}
		if os.Getenv("WEIGHT_ALL") != "" {
			for _, m := range res.Metrics {
				println(m.Name, int(m.Value*1e6))
			}
		}
		for _, m := range res.Metrics {
			if m.Name == "TaskDuration" {
				return m.Value
			}
		}
		b.Fatal("no TaskDuration")
		return 0
	}
	load := func() {
		if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS(`#keys`))); err != nil {
			b.Fatal(err)
		}
	}
	load()
	type counts struct{ Bytes, Elements, Inputs, Textareas, Forms, Groups int }
	c, err := chromedp.Run(ctx, chromedp.Evaluate[counts](`({Bytes: new TextEncoder().encode(document.documentElement.outerHTML).length,
		Elements: document.getElementsByTagName("*").length, Inputs: document.querySelectorAll("input").length,
		Textareas: document.querySelectorAll("textarea").length, Forms: document.forms.length,
		Groups: document.querySelectorAll("tr.group").length})`))
	if err != nil {
		b.Fatal(err)
	}
	res := benchGet(b, h, page[len(ts.URL):])
	b.Logf("%d groups shown: %d bytes sent, %d elements, %d inputs, %d text boxes, %d forms", c.Groups, res, c.Elements, c.Inputs, c.Textareas, c.Forms)
	var ms []float64
	cpu0 := childrenCPU(b)
	for b.Loop() {
		load()
		ms = append(ms, task()*1000) // counted from the page's start: a navigation starts it again
	}
	b.ReportMetric(float64(childrenCPU(b)-cpu0)/float64(time.Millisecond)/float64(b.N), "chromium-cpu-ms/op")
	// The median and the least: on a machine shared with other work the
	// mean says more about the others.
	slices.Sort(ms)
	b.ReportMetric(ms[len(ms)/2], "main-thread-ms/op")
	b.ReportMetric(ms[0], "least-main-thread-ms")
	b.ReportMetric(float64(res)/1024, "page-KiB")
	b.ReportMetric(float64(c.Elements), "elements")
	b.ReportMetric(float64(c.Inputs+c.Textareas), "fields")
	b.ReportMetric(float64(c.Forms), "forms")
}

// childrenCPU is the user and system time of the processes below this
// one that run now: Chromium's browser, renderers and helpers (the
// package's Chromium is started by the test process; its processes are
// not waited for, so getrusage's children do not count them).
func childrenCPU(b *testing.B) time.Duration {
	b.Helper()
	procs, err := os.ReadDir("/proc")
	if err != nil {
		b.Skip("no /proc: ", err)
	}
	parent := map[int]int{}
	ticks := map[int]int64{}
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + p.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ... utime(14) stime(15)
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+2:]))
		if len(f) < 13 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		parent[pid], ticks[pid] = ppid, ut+st
	}
	self := os.Getpid()
	var sum int64
	for pid, t := range ticks {
		for p := parent[pid]; p > 1; p = parent[p] {
			if p == self {
				sum += t
				break
			}
		}
	}
	return time.Duration(sum) * time.Second / 100 // USER_HZ
}
