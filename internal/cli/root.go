package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// Version is set at build time with -ldflags "-X github.com/tsdraft/tsdraft/internal/cli.Version=…".
var Version = "0.1.0-dev"

// IO is what a command reads and writes; tests pass buffers.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// ErrSilent means the command has already printed what the user needs (for example a list of
// problems); Main only sets the exit status.
var ErrSilent = errors.New("silent error")

// Main runs tsdraft with args and returns the process exit status.
func Main(args []string, in io.Reader, out, errw io.Writer) int {
	ios := &IO{In: in, Out: out, Err: errw}
	root := NewRootCmd(ios)
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errw)
	if err := root.Execute(); err != nil {
		if !errors.Is(err, ErrSilent) {
			fmt.Fprintf(errw, "tsdraft: %v%s\n", err, advice(err))
		}
		return 1
	}
	return 0
}

// advice is what the command line adds to an error of a lower package, which words no advice
// in terms of flags: a file that is there is replaced only with --force.
func advice(err error) string {
	var ee *docx.ErrExists
	if errors.As(err, &ee) {
		return "; use --force to overwrite it"
	}
	return ""
}

// NewRootCmd builds a fresh command tree (no package-level state, so tests can build many).
func NewRootCmd(ios *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "tsdraft",
		Short: "Draft trade-secret protection documents (NDAs, pledges, regulations) as DOCX",
		Long: `tsdraft turns one TOML profile of a client into the documents that protect its trade
secrets abroad: confidentiality pledges, NDAs, labour-contract clauses, non-compete agreements,
exit pledges, internal regulations, classification guidance and a register of secrets, per
jurisdiction (JP, CN, TH, VN, ID, DE, UK, EU), in one language or bilingually.

Every document is a draft to be reviewed by qualified counsel.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       Version,
	}
	root.SetVersionTemplate("tsdraft {{.Version}}\n")
	root.AddCommand(
		newVersionCmd(ios),
		newRenderCmd(ios, nil),
		newTemplateCmd(ios),
		newInitCmd(ios),
		newCheckCmd(ios),
		newSchemaCmd(ios),
		newBuildCmd(ios),
		newListCmd(ios),
		newLocaleCmd(ios),
		newBatchCmd(ios),
		newServeCmd(ios),
	)
	return root
}

func newVersionCmd(ios *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the tsdraft version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(ios.Out, "tsdraft %s\n", Version)
			return err
		},
	}
}
