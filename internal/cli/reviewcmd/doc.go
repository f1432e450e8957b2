// Package reviewcmd holds the alignment review commands: show, group, undo
// and review.
//
// Every command that changes an alignment goes through [review.Apply]
// under the workspace lock, so each change is verified, journaled and
// undoable in the same way, whether it comes from `tilmash group …` or a
// key pressed in `tilmash review`.
//
// # Flag names
//
// The sentence language of an edit is given with --language (-l), not
// --lang: --lang is the global flag that picks the language tilmash speaks
// in, and it is read before the command line is parsed, wherever it
// appears.
package reviewcmd
