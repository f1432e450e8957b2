// Package lazy holds package-level values that are built the first time
// they are used, with nothing to run when the program starts.
//
// Every tilmash start pays for the package initialisation of every
// package linked into the binary, though most commands (and --version
// and --help) use few of their tables. A package-level map literal,
// regexp.MustCompile, strings.NewReplacer or even sync.OnceValue(f) is
// code that runs, and memory that is allocated and touched, at every
// start. A [Value] written as a composite literal,
//
//	var wordPattern = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
//		return regexp.MustCompile(`\w+`)
//	}}
//
// is static data the compiler lays out: its New function runs on the
// first Get, once, safely from many goroutines.
package lazy

import "sync"

// Value is a value built by New on first use. Its zero value (no New)
// must not be used. A Value must not be copied after first use.
type Value[T any] struct {
	once sync.Once
	v    T
	// New builds the value; Get calls it once.
	New func() T
}

// Get returns the value, building it on the first call.
func (l *Value[T]) Get() T {
	l.once.Do(func() { l.v = l.New() })
	return l.v
}
