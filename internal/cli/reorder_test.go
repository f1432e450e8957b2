package cli

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/console"
)

func TestReorder(t *testing.T) {
	app := &cli.App{
		Flags: []cli.Flag{&cli.StringFlag{Name: "C"}, &cli.StringFlag{Name: "lang"}},
		Commands: []*cli.Command{
			{Name: "export", Flags: []cli.Flag{&cli.StringFlag{Name: "format"}, &cli.BoolFlag{Name: "force"}, &cli.StringFlag{Name: "lang"}}},
			{Name: "group", Subcommands: []*cli.Command{{Name: "split", Flags: []cli.Flag{&cli.StringFlag{Name: "lang"}, &cli.IntFlag{Name: "at"}}}}},
		},
	}
	tests := []struct{ in, want string }{
		{"export DOC --format tmx", "export --format tmx DOC"},
		{"export --format tmx DOC", "export --format tmx DOC"},
		{"export DOC --force --format=csv", "export --force --format=csv DOC"},
		{"export DOC --force OTHER", "export --force DOC OTHER"},
		{"export DOC -- --weird", "export -- DOC --weird"},
		{"export --force DOC -- -x", "export --force -- DOC -x"},
		{"export DOC -- -", "export -- DOC -"},
		{"export - --format tmx", "export --format tmx -"},
		{"export DOC -C ws", "-C ws export DOC"},
		{"export DOC --lang kk", "export --lang kk DOC"},
		{"--lang ru export DOC", "--lang ru export DOC"},
		{"group split DOC 12 --lang ru --at 2", "group split --lang ru --at 2 DOC 12"},
		{"group split DOC 12 -C ws --at 2", "-C ws group split --at 2 DOC 12"},
		{"status", "status"},
		{"export DOC --format", "export --format"},
		// --help after the arguments of a command without subcommands is
		// its help: the arguments go (else the first is read as a help
		// topic); a command with subcommands keeps the argument.
		{"export DOC --format tmx --help", "export --format tmx --help"},
		{"group split DOC 12 -h", "group split -h"},
		{"group split DOC 12 --lang --help", "group split --lang --help DOC 12"},
		{"group frobnicate --help", "group --help frobnicate"},
		{"export DOC -- --help", "export -- DOC --help"},
		// A global flag with no value, last: left alone at the end, so the
		// parser says it needs one. "-C export" ran no command, printed the
		// help and exited 0 (-C took the command's name for its folder).
		{"export DOC -C", "-C"},
		{"--lang ru export DOC -C", "--lang ru -C"},
		{"group split DOC 12 --at 2 -C", "-C"},
		{"group split DOC 12 -C ws --at 2 --lang", "-C ws group split --at 2 --lang"},
	}
	for _, tt := range tests {
		got := Reorder(app, append([]string{"tilmash"}, strings.Fields(tt.in)...))
		want := append([]string{"tilmash"}, strings.Fields(tt.want)...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Reorder(%q) = %q, want %q", tt.in, got[1:], want[1:])
		}
	}
}

func TestUILangFlag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"--ui-lang kk status", "kk"},
		{"--ui-lang=ru status", "ru"},
		{"-C ws --ui-lang kk status", "kk"},
		{"--wait 1s --ui-lang kk status", "kk"},
		{"export --lang kk DOC", ""},
		{"--lang kk status", ""},
		{"status", ""},
	}
	for _, tt := range tests {
		if got := uiLangFlag(strings.Fields(tt.in)); got != tt.want {
			t.Errorf("uiLangFlag(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMisplacedLang: --lang is the content language of the commands that
// have one; anywhere else it is the old name of --ui-lang, which Main
// refuses with a message that says so.
func TestMisplacedLang(t *testing.T) {
	env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }, "en")
	if err != nil {
		t.Fatal(err)
	}
	// The real global flags; commands shaped as the command packages make
	// them.
	app := NewApp(env, "test")
	lang := &cli.StringFlag{Name: "lang"}
	app.Commands = append(app.Commands,
		&cli.Command{Name: "init"},
		&cli.Command{Name: "import", Flags: []cli.Flag{&cli.StringFlag{Name: "title"}, &cli.StringFlag{Name: "source"}, &cli.BoolFlag{Name: "force"}}},
		&cli.Command{Name: "status", Flags: []cli.Flag{&cli.StringFlag{Name: "format"}}},
		&cli.Command{Name: "export", Flags: []cli.Flag{lang, &cli.StringFlag{Name: "format"}}},
		&cli.Command{Name: "segment", Flags: []cli.Flag{lang}},
		&cli.Command{Name: "glossary", Subcommands: []*cli.Command{{Name: "list", Flags: []cli.Flag{lang}}, {Name: "lint"}}},
		&cli.Command{Name: "group", Subcommands: []*cli.Command{
			{Name: "split", Flags: []cli.Flag{&cli.StringFlag{Name: "language", Aliases: []string{"l", "lang"}}, &cli.StringSliceFlag{Name: "at"}}},
			{Name: "move", Flags: []cli.Flag{&cli.StringFlag{Name: "language", Aliases: []string{"l", "lang"}}, &cli.StringFlag{Name: "to"}}},
		}},
	)
	tests := []struct {
		in        string
		misplaced bool
		value     string
	}{
		{"--lang ru status", true, "ru"},
		{"--lang=kk status", true, "kk"},
		{"-C ws --lang kk status", true, "kk"},
		{"status --lang ru", true, "ru"},
		{"status -C ws --lang=ru", true, "ru"},
		{"--lang status", true, ""},
		{"status --lang", true, ""},
		{"--lang ru export DOC --format md", true, "ru"},
		{"export DOC --lang kk --format md", false, ""},
		{"glossary list --lang kk", false, ""},
		{"glossary lint --lang kk", true, "kk"},
		{"group split DOC 2 --lang ru --at 2", false, ""},
		{"group move DOC 2 -l ru --to prev", false, ""},
		{"segment --lang en -", false, ""},
		{"--ui-lang ru status", false, ""},
		{"status --ui-lang ru", false, ""},
		{"import DOC en -- --lang", false, ""},
	}
	for _, tt := range tests {
		m, v := misplacedLang(app, strings.Fields(tt.in))
		if m != tt.misplaced || v != tt.value {
			t.Errorf("misplacedLang(%q) = %v, %q; want %v, %q", tt.in, m, v, tt.misplaced, tt.value)
		}
	}
}

func TestHelpCommand(t *testing.T) {
	tests := []struct{ in, want string }{
		{"help status", "status --help"},
		{"help", "--help"},
		{"--ui-lang kk help glossary add", "--ui-lang kk glossary add --help"},
		{"-C help status", "-C help status"}, // a folder named help
		{"show help", "show help"},           // a document named help
		{"-- help", "-- help"},
		{"status", "status"},
	}
	for _, tt := range tests {
		if got := strings.Join(helpCommand(strings.Fields(tt.in)), " "); got != tt.want {
			t.Errorf("helpCommand(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
