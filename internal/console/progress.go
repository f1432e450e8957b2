package console

import (
	"fmt"
	"sync"
	"time"
)

// progressDelay is how long a job runs before its indicator appears, so
// short runs, pipes, CI logs and tests see nothing; Env.ProgressDelay
// starts at it.
const progressDelay = 400 * time.Millisecond

// Busy runs f and, when standard error is a terminal and f takes longer
// than a moment, shows the label with a spinner and the elapsed time until
// f returns. It is for work that cannot count its steps, such as one large
// alignment.
func (e *Env) Busy(label string, f func()) {
	if !e.progressOn() {
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
				if time.Since(start) < e.ProgressDelay {
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

// progressOn says whether a progress indicator may be drawn: standard
// error is a terminal that understands "\r" and erasing a line (not
// TERM=dumb), and the user has not asked for plain output (NO_COLOR).
func (e *Env) progressOn() bool {
	if !e.ErrTTY {
		return false
	}
	if e.Getenv != nil && (e.Getenv("TERM") == "dumb" || e.Getenv("NO_COLOR") != "") {
		return false
	}
	return true
}

// Steps is a counting progress line for a job of countable steps, such as
// the documents of publish or status: "label ⠋ 3/40 DOC 12s" on standard
// error, drawn as each step starts and redrawn ten times a second so the
// time moves during a long step. Like Busy it draws only on a terminal and
// only once the job has run for Env.ProgressDelay. Messages the command
// prints meanwhile (Say, Warn, Printf) erase the line first, and it comes
// back under them.
type Steps struct {
	e     *Env
	label string
	total int
	start time.Time

	mu    sync.Mutex
	n     int
	name  string
	frame int
	drawn bool

	done, stopped chan struct{}
}

// Steps starts a progress line for total steps. Call Step as each step
// starts and Done when the job ends; off a terminal both do nothing.
func (e *Env) Steps(label string, total int) *Steps {
	s := &Steps{e: e, label: label, total: total, start: time.Now()}
	if !e.progressOn() {
		return s
	}
	s.done, s.stopped = make(chan struct{}), make(chan struct{})
	e.progress = s
	go s.run()
	return s
}

// SetTotal sets the number of steps, for a job that counts them only
// once it has started (status lists the documents itself).
func (s *Steps) SetTotal(n int) {
	s.mu.Lock()
	s.total = n
	s.mu.Unlock()
}

func (s *Steps) run() {
	defer close(s.stopped)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-tick.C:
			s.mu.Lock()
			s.draw()
			s.mu.Unlock()
		}
	}
}

var spinner = []rune("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

// draw draws the line once the job has run long enough. The caller holds
// s.mu.
func (s *Steps) draw() {
	if time.Since(s.start) < s.e.ProgressDelay {
		return
	}
	line := fmt.Sprintf("\r\x1b[K%s %c", s.label, spinner[s.frame%len(spinner)])
	s.frame++
	if s.total > 1 {
		line += fmt.Sprintf(" %d/%d", s.n, s.total)
	}
	if s.name != "" {
		line += " " + Visible(s.name)
	}
	fmt.Fprintf(s.e.Stderr, "%s %s", line, time.Since(s.start).Round(time.Second))
	s.drawn = true
}

// Step records that the next step, called name, has started, and shows it.
func (s *Steps) Step(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	s.name = name
	if s.done != nil {
		s.draw()
	}
}

// Done stops the line and erases it. It may be called more than once.
func (s *Steps) Done() {
	if s.done == nil {
		return
	}
	close(s.done)
	<-s.stopped
	s.done = nil
	if s.e.progress == s {
		s.e.progress = nil
	}
	s.mu.Lock()
	s.clear()
	s.mu.Unlock()
}

// clear erases the line if it is drawn. The caller holds s.mu.
func (s *Steps) clear() {
	if s.drawn {
		fmt.Fprint(s.e.Stderr, "\r\x1b[K")
		s.drawn = false
	}
}

// quiet runs write, which prints something, with the progress line (if
// any) erased and held off until it is done.
func (e *Env) quiet(write func()) {
	s := e.progress
	if s == nil {
		write()
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clear()
	write()
}
