package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/tsdraft/tsdraft/internal/usecase"
	"github.com/tsdraft/tsdraft/internal/web"
)

// ServeOptions are the inputs of `tsdraft serve`.
type ServeOptions struct {
	Addr         string
	Data         string
	Open         bool
	AllowRemote  bool
	PasswordFile string
	Hosts        []string
	MaxUploadMB  int
	MaxRows      int
}

func newServeCmd(ios *IO) *cobra.Command {
	o := &ServeOptions{}
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8765] [--data DIR] [--open]",
		Short: "Start the local web app: company profiles and exit pledges in the browser",
		Long: `Start tsdraft's web app on this computer, for people who do not use a terminal: legal
experts fill in a company profile in a form, check it and build the documents; HR staff upload
the leavers sheet and download every exit pledge in one zip. Everything runs locally and
offline, from this one program.

It prints an address with a one-time access key; open it in a browser (--open does that).
Company profiles are saved as ordinary TOML files in --data (default: a tsdraft folder in your
user configuration directory), which the command line reads as they are.

It listens on this computer only (127.0.0.1). Listening on a network address needs
--allow-remote and a password (--password-file FILE, or the TSDRAFT_PASSWORD environment
variable), and --host for each name the others type in their browser.`,
		Example: `  tsdraft serve --open
  tsdraft serve --data ~/clients --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return serveRun(ctx, ios, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Addr, "addr", "127.0.0.1:8765", "address to listen on (host:port; port 0 picks a free one)")
	f.StringVar(&o.Data, "data", "", "folder of company profiles and issued pledges (default: <user config dir>/tsdraft)")
	f.BoolVar(&o.Open, "open", false, "open the address in the default browser")
	f.BoolVar(&o.AllowRemote, "allow-remote", false, "allow an address other than loopback (needs a password)")
	f.StringVar(&o.PasswordFile, "password-file", "", "file whose first line is the password (or set TSDRAFT_PASSWORD)")
	f.StringArrayVar(&o.Hosts, "host", nil, "a host name the browser may use besides the listening address (repeatable)")
	f.IntVar(&o.MaxUploadMB, "max-upload-mb", web.DefaultMaxUpload>>20, "largest sheet accepted, in MB")
	f.IntVar(&o.MaxRows, "max-rows", web.DefaultMaxRows, "most people in one sheet")
	return cmd
}

func serveRun(ctx context.Context, ios *IO, o *ServeOptions) error {
	host, _, err := net.SplitHostPort(o.Addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %v (write host:port, e.g. 127.0.0.1:8765)", o.Addr, err)
	}
	ip := net.ParseIP(host)
	loopback := host == "localhost" || ip != nil && ip.IsLoopback()
	password := ""
	if !loopback {
		if !o.AllowRemote {
			return fmt.Errorf("--addr %s is reachable from other computers; add --allow-remote and a password (--password-file or TSDRAFT_PASSWORD) if that is what you want", o.Addr)
		}
		if password, err = readPassword(o.PasswordFile); err != nil {
			return err
		}
		if ip == nil || ip.IsUnspecified() {
			if len(o.Hosts) == 0 {
				return fmt.Errorf("--addr %s: give --host NAME for each name or address the browsers will use (the Host check refuses others)", o.Addr)
			}
		}
	}
	data := o.Data
	if data == "" {
		cfg, err := os.UserConfigDir()
		if err != nil {
			return fmt.Errorf("no user configuration folder (%v); give --data DIR", err)
		}
		data = filepath.Join(cfg, "tsdraft")
	}
	if host == "localhost" {
		o.Addr = net.JoinHostPort("127.0.0.1", strings.TrimPrefix(o.Addr, "localhost:"))
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (is tsdraft serve running already? try --addr 127.0.0.1:0)", o.Addr, err)
	}
	env := usecase.Env{Version: Version}
	srv, err := web.New(web.Options{DataDir: data, Password: password, Hosts: o.Hosts,
		MaxUpload: int64(o.MaxUploadMB) << 20, MaxRows: o.MaxRows, Env: env,
		Drafter: web.NewBatchDrafter(env), Version: Version}, ln.Addr())
	if err != nil {
		ln.Close()
		return err
	}
	url := fmt.Sprintf("http://%s/?token=%s", ln.Addr(), srv.Token())
	fmt.Fprintf(ios.Out, "tsdraft serve: open %s\n", url)
	fmt.Fprintf(ios.Out, "  profiles in %s; the link works once; stop with Ctrl+C\n", data)
	if o.Open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(ios.Err, "could not open a browser (%v): open the address above yourself\n", err)
		}
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
		if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		fmt.Fprintln(ios.Out, "tsdraft serve: stopped")
		return nil
	}
}

func readPassword(file string) (string, error) {
	var pw string
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("--password-file: %w", err)
		}
		pw = strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
	} else {
		pw = os.Getenv("TSDRAFT_PASSWORD")
	}
	if len([]rune(pw)) < 12 {
		return "", errors.New("a network address needs a password of at least 12 characters (--password-file FILE or TSDRAFT_PASSWORD)")
	}
	return pw, nil
}

func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	return cmd.Start()
}
