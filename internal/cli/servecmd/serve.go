// Package servecmd holds the serve command: the review workbench in a
// browser (package serve).
package servecmd

import (
	"context"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/serve"
)

// TokenEnv is the environment variable that gives the token when --token
// does not.
const TokenEnv = "TILMASH_SERVE_TOKEN"

// DefaultAddr is where serve listens by default: loopback only.
const DefaultAddr = "127.0.0.1:8750"

// Commands are serve, over a.
func Commands(a *app.App) cli.Group {
	return func(env *console.Env) []*urfave.Command {
		return []*urfave.Command{serveCommand(a, env)}
	}
}

func serveCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "serve",
		Usage:       env.T("serve.usage", nil),
		Description: env.T("serve.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "addr", Value: DefaultAddr, Usage: env.T("serve.flag.addr", nil)},
			&urfave.BoolFlag{Name: "open", Usage: env.T("serve.flag.open", nil)},
			&urfave.StringFlag{Name: "token", Usage: env.T("serve.flag.token", map[string]any{"Env": TokenEnv})},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() != 0 {
				return env.Usage("app.want-args", map[string]any{"Command": "serve", "Args": ""}, "serve.hint")
			}
			addr := c.String("addr")
			if _, _, err := net.SplitHostPort(addr); err != nil {
				return env.Usage("serve.bad-addr", map[string]any{"Addr": addr}, "serve.bad-addr.hint")
			}
			token := c.String("token")
			if token == "" {
				token = env.Getenv(TokenEnv)
			}
			if !serve.IsLoopback(addr) && token == "" {
				return env.Usage("serve.needs-token", map[string]any{"Addr": addr, "Env": TokenEnv}, "serve.needs-token.hint")
			}
			if token != "" && strings.IndexFunc(token, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
				// A quoted variable that was empty or had a newline
				// ("$TOKEN   "), and a URL cannot carry it as typed.
				return env.Usage("serve.spaced-token", map[string]any{"Env": TokenEnv}, "serve.needs-token.hint")
			}
			if token != "" && utf8.RuneCountInString(token) < 16 {
				return env.Usage("serve.short-token", map[string]any{"Min": 16, "Env": TokenEnv}, "serve.needs-token.hint")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			tmOpt := app.TMFromEnv("", env.Getenv)
			tmOpt.LockWait = env.LockWait
			s, err := serve.New(serve.Options{App: a, WS: ws, Token: token, LockWait: env.LockWait, TM: tmOpt, UILang: env.Loc.Lang})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return env.Usage("serve.listen-failed", map[string]any{"Addr": addr, "Err": err.Error()}, "serve.bad-addr.hint")
			}
			ifaces, _ := net.InterfaceAddrs()
			hostname, _ := os.Hostname()
			u := url.URL{Scheme: "http", Host: serve.ShownHost(ln.Addr(), ifaces, hostname), Path: "/"}
			if token != "" {
				u.RawQuery = url.Values{"token": {token}}.Encode()
			}
			env.Say("serve.listening", map[string]any{"Root": ws.Root, "URL": u.String()})
			if c.Bool("open") {
				open(env, u.String())
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if err := serve.Serve(ctx, ln, s); err != nil {
				return err
			}
			env.Say("serve.stopped", nil)
			return nil
		},
	}
}

// open starts the desktop's browser on u; a machine without one is told
// to open the address by hand.
func open(env *console.Env, u string) {
	cmd := exec.Command("xdg-open", u)
	if err := cmd.Start(); err != nil {
		env.Warn("serve.open-failed", map[string]any{"URL": u})
		return
	}
	go func() { _ = cmd.Wait() }()
}
