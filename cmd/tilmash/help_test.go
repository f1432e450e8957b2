package main

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/locales"
)

// TestHelpEveryCommandEveryLanguage renders the help of every command and
// subcommand of the full binary in English, Russian and Kazakh. It fails
// when a help page does not render, when a catalogue id shows through
// instead of its text, or when a Russian or Kazakh page still carries the
// English usage line.
func TestHelpEveryCommandEveryLanguage(t *testing.T) {
	t.Parallel()
	ids, err := locale.IDs(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	var allIDs []string
	for _, id := range ids["en"] {
		_, bare, _ := strings.Cut(id, ":")
		if strings.Count(bare, ".") >= 1 {
			allIDs = append(allIDs, bare)
		}
	}
	english := map[string]string{}
	for _, lang := range []string{"en", "ru", "kk"} {
		env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }, lang)
		if err != nil {
			t.Fatal(err)
		}
		paths := commandPaths(env)
		if len(paths) < 5 {
			t.Fatalf("only %d commands registered", len(paths))
		}
		for _, p := range paths {
			var out, errOut bytes.Buffer
			args := append(append([]string{"--ui-lang", lang}, p...), "--help")
			code := mainArgs(args, strings.NewReader(""), &out, &errOut, func(string) string { return "" })
			name := lang + " " + strings.Join(p, " ")
			if code != 0 || out.Len() == 0 {
				t.Errorf("%s --help: exit %d, stdout %q, stderr %q", name, code, out.String(), errOut.String())
				continue
			}
			page := out.String()
			for _, id := range allIDs {
				if strings.Contains(page, id) {
					t.Errorf("%s --help shows the message id %q", name, id)
				}
			}
			first := firstLines(page, 2)
			key := strings.Join(p, " ")
			if lang == "en" {
				english[key] = first
			} else if first == english[key] && len(p) > 0 {
				t.Errorf("%s --help is not translated: %q", name, first)
			}
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// TestHelpFlagPlaceholdersTranslated renders every command's help in
// Russian and Kazakh and fails on a flag whose value placeholder is still
// an English word in Latin capitals (--format FORMAT, --en-variant
// EN_VARIANT), or the English page's own placeholder: so a flag added
// later without a placeholder in the catalogues (flag.value.NAME, or a
// back-quoted word in its usage) fails here. Literal values (en|ru|kk,
// prev|next) and one-letter variables (N, ЯЗЫК:K) are no English words.
func TestHelpFlagPlaceholdersTranslated(t *testing.T) {
	t.Parallel()
	env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }, "en")
	if err != nil {
		t.Fatal(err)
	}
	paths := commandPaths(env)
	placeholders := func(lang string, p []string) map[string]string {
		var out, errOut bytes.Buffer
		args := append(append([]string{"--ui-lang", lang}, p...), "--help")
		if code := mainArgs(args, strings.NewReader(""), &out, &errOut, func(string) string { return "" }); code != 0 {
			t.Fatalf("%s %s --help: exit %d: %s", lang, strings.Join(p, " "), code, errOut.String())
		}
		phs := map[string]string{}
		for _, line := range strings.Split(out.String(), "\n") {
			if m := flagLine.FindStringSubmatch(line); m != nil && m[2] != "" {
				phs[m[1]] = m[2]
			}
		}
		return phs
	}
	english := regexp.MustCompile(`[A-Z]{2,}`)
	flags := 0
	for _, p := range paths {
		en := placeholders("en", p)
		flags += len(en)
		for _, lang := range []string{"ru", "kk"} {
			for names, ph := range placeholders(lang, p) {
				if english.MatchString(ph) || ph == en[names] && strings.ContainsAny(ph, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && len(ph) > 1 {
					t.Errorf("tilmash --ui-lang %s %s --help: %s %s: the placeholder is English (add flag.value.%s to the catalogues)",
						lang, strings.Join(p, " "), names, ph, strings.TrimLeft(strings.Split(names, ",")[0], "-"))
				}
			}
		}
	}
	if flags < 50 {
		t.Fatalf("only %d flags with a value found: the help's layout changed?", flags)
	}
}

// flagLine is a flag's line in a help page: its names, then its value's
// placeholder when it takes one, then two spaces or more and its usage.
var flagLine = regexp.MustCompile(`^   (-{1,2}[\w-]+(?:, -{1,2}[\w-]+)*)(?: (\S+))?\s{2,}`)

// commandPaths lists every command and subcommand of the wired app, as the
// words that name it, the app itself ([]) first.
func commandPaths(env *console.Env) [][]string {
	paths := [][]string{{}}
	var walk func(prefix []string, cmds []*urfave.Command)
	walk = func(prefix []string, cmds []*urfave.Command) {
		for _, c := range cmds {
			p := append(append([]string{}, prefix...), c.Name)
			paths = append(paths, p)
			walk(p, c.Subcommands)
		}
	}
	walk(nil, cli.NewApp(env, version, groups(app.New(version))...).Commands)
	return paths
}

// TestHelpTextPlaceholdersMatchFlags renders every command's help in every
// UI language and fails when its text names a flag's value with another
// placeholder than its flag list does: export's help said "--lang L" above
// "--lang ЯЗЫК" (en: LANG). Only long flags of the command itself, followed
// by a word in capitals, are compared; a value spelled out in parts
// (--langs SOURCE,TARGET) and one part of a placeholder in parts (--at K
// for --at LANG:K) are no other names.
func TestHelpTextPlaceholdersMatchFlags(t *testing.T) {
	t.Parallel()
	env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }, "en")
	if err != nil {
		t.Fatal(err)
	}
	mention := regexp.MustCompile(`(--[\w-]+) (\p{Lu}[\p{Lu}_:,]*)(?:[^\p{L}_]|$)`)
	compared := 0
	for _, p := range commandPaths(env) {
		for _, lang := range []string{"en", "ru", "kk"} {
			var out, errOut bytes.Buffer
			args := append(append([]string{"--ui-lang", lang}, p...), "--help")
			if code := mainArgs(args, strings.NewReader(""), &out, &errOut, func(string) string { return "" }); code != 0 {
				t.Fatalf("%s %s --help: exit %d: %s", lang, strings.Join(p, " "), code, errOut.String())
			}
			phs := map[string]string{}
			var text []string
			for _, line := range strings.Split(out.String(), "\n") {
				m := flagLine.FindStringSubmatch(line)
				if m == nil {
					text = append(text, line)
					continue
				}
				for _, name := range strings.Split(m[1], ", ") {
					phs[name] = m[2]
				}
			}
			for _, line := range text {
				for _, m := range mention.FindAllStringSubmatch(line, -1) {
					ph, ok := phs[m[1]]
					value := strings.TrimRight(m[2], ":,")
					if !ok || ph == "" || strings.Contains(value, ",") || slices.Contains(strings.Split(ph, ":"), value) && value != ph {
						continue
					}
					compared++
					if value != ph {
						t.Errorf("tilmash --ui-lang %s %s --help: the text says %s %s, the flag list %s %s",
							lang, strings.Join(p, " "), m[1], value, m[1], ph)
					}
				}
			}
		}
	}
	if compared == 0 {
		t.Fatal("no flag with a placeholder named in any help text: the help's layout changed?")
	}
}
