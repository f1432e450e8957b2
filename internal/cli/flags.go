package cli

import (
	"errors"
	"flag"
	"strings"

	"github.com/urfave/cli/v2"
)

// Two rules hold for the options of every command, so they are kept here,
// once, rather than by each command:
//
//   - an option that takes one value (a string, a number, a duration)
//     may be given once: "--format tmx --format csv" is a usage error
//     (exit 2), never "the last one wins", which would silently ignore
//     what a person typed. Repeatable options are slice flags and stay
//     repeatable;
//   - the value of --format is case-insensitive: TMX is tmx, as file
//     extensions are. Every command's format names are lowercase.
//
// [strict] applies both by wrapping the flags of every command and of the
// application: the wrapped flag registers its value through [once].

// errRepeated is the error a single-value option gives on its second
// value. Go's flag package reports it as "invalid value … for flag -NAME:
// given more than once"; usageError turns that into the localized message.
var errRepeated = errors.New("given more than once")

// strict returns flags with every single-value flag wrapped so that it
// refuses a second value, and --format folded to lower case.
func strict(flags []cli.Flag) []cli.Flag {
	for i, f := range flags {
		switch f := f.(type) {
		case *cli.StringFlag:
			flags[i] = &onceString{f}
		case *cli.IntFlag:
			flags[i] = &onceInt{f}
		case *cli.DurationFlag:
			flags[i] = &onceDuration{f}
		}
	}
	return flags
}

// foldedFlag names the flag whose values are case-insensitive.
const foldedFlag = "format"

type onceString struct{ *cli.StringFlag }

func (f *onceString) Apply(set *flag.FlagSet) error {
	return applyOnce(f.StringFlag, set, f.Name == foldedFlag)
}

type onceInt struct{ *cli.IntFlag }

func (f *onceInt) Apply(set *flag.FlagSet) error { return applyOnce(f.IntFlag, set, false) }

type onceDuration struct{ *cli.DurationFlag }

func (f *onceDuration) Apply(set *flag.FlagSet) error { return applyOnce(f.DurationFlag, set, false) }

// applyOnce lets inner register its names and values in a scratch set, then
// registers each in set behind a [once]. Each name (--format, -f) has its
// own value, as urfave/cli expects: it refuses two forms of one flag
// itself, and copies the value given to the other names.
func applyOnce(inner cli.Flag, set *flag.FlagSet, fold bool) error {
	scratch := flag.NewFlagSet("", flag.ContinueOnError)
	if err := inner.Apply(scratch); err != nil {
		return err
	}
	scratch.VisitAll(func(f *flag.Flag) {
		set.Var(&once{Value: f.Value, fold: fold}, f.Name, f.Usage)
	})
	return nil
}

// once is a flag value that takes one value.
type once struct {
	flag.Value
	fold bool
	set  bool
}

func (o *once) Set(s string) error {
	if o.set {
		return errRepeated
	}
	o.set = true
	if o.fold {
		s = strings.ToLower(s)
	}
	return o.Value.Set(s)
}

// Get returns the value's own Get, for urfave/cli's Context.Value.
func (o *once) Get() any {
	if g, ok := o.Value.(flag.Getter); ok {
		return g.Get()
	}
	return o.Value.String()
}
