package console

import (
	"fmt"
	"strings"
	"time"
)

// Progress draws a progress bar on standard error while a long job runs.
// It draws only when standard error is a terminal and the job has run for
// a moment, so short runs, pipes, CI logs and tests see nothing.
type Progress struct {
	env     *Env
	label   string
	total   int
	done    int
	start   time.Time
	last    time.Time
	drawn   bool
	enabled bool
}

// progressDelay is how long a job runs before its bar appears.
const progressDelay = 400 * time.Millisecond

// Progress starts a bar for total steps labelled with a localized text.
func (e *Env) Progress(total int, label string) *Progress {
	return &Progress{env: e, label: label, total: total, start: time.Now(), enabled: e.ErrTTY}
}

// Add records n more steps done.
func (p *Progress) Add(n int) {
	p.done += n
	if !p.enabled {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < progressDelay || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.draw()
}

func (p *Progress) draw() {
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = float64(min(p.done, p.total)) / float64(p.total)
	}
	full := int(frac * width)
	bar := strings.Repeat("█", full) + strings.Repeat("░", width-full)
	fmt.Fprintf(p.env.Stderr, "\r%s %s %3.0f%% %s", p.label, bar, frac*100, time.Since(p.start).Round(time.Second))
	p.drawn = true
}

// Done clears the bar.
func (p *Progress) Done() {
	if p.drawn {
		fmt.Fprintf(p.env.Stderr, "\r\x1b[K")
	}
}

// Busy runs f and, when standard error is a terminal and f takes longer
// than a moment, shows the label with a spinner and the elapsed time until
// f returns. It is for work that cannot count its steps (one large
// alignment); Progress is for work that can.
func (e *Env) Busy(label string, f func()) {
	if !e.ErrTTY {
		f()
		return
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		start := time.Now()
		frames := []rune("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		drawn := false
		for i := 0; ; i++ {
			select {
			case <-done:
				if drawn {
					fmt.Fprint(e.Stderr, "\r\x1b[K")
				}
				return
			case <-tick.C:
				if time.Since(start) < progressDelay {
					continue
				}
				fmt.Fprintf(e.Stderr, "\r%s %c %s", label, frames[i%len(frames)], time.Since(start).Round(time.Second))
				drawn = true
			}
		}
	}()
	f()
	close(done)
	<-stopped
}
