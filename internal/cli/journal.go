package cli

import (
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/journal"
)

// Describe renders what a journal step did, in the plural form of its
// Count when the message has plural forms.
func Describe(env *console.Env, e *journal.Entry) string {
	if n, ok := e.Data["Count"].(int); ok {
		if s := env.N(e.Message, n, e.Data); s != e.Message {
			return s
		}
	}
	return env.T(e.Message, e.Data)
}

// WarnRecovered tells that a change a crash had interrupted was rolled
// back before the command ran; e may be nil.
func WarnRecovered(env *console.Env, e *journal.Entry) {
	if e != nil {
		env.Warn("review.recovered", map[string]any{"What": Describe(env, e), "Step": e.Step})
	}
}
