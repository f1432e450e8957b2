package cli

import (
	"reflect"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
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
		{"export DOC -C", "-C export"},
	}
	for _, tt := range tests {
		got := Reorder(app, append([]string{"tilmash"}, strings.Fields(tt.in)...))
		want := append([]string{"tilmash"}, strings.Fields(tt.want)...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Reorder(%q) = %q, want %q", tt.in, got[1:], want[1:])
		}
	}
}

func TestLangFlag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"--lang kk status", "kk"},
		{"--lang=ru status", "ru"},
		{"-C ws --lang kk status", "kk"},
		{"export --lang kk DOC", ""},
		{"status", ""},
	}
	for _, tt := range tests {
		if got := langFlag(strings.Fields(tt.in)); got != tt.want {
			t.Errorf("langFlag(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
