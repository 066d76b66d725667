package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

// checkProfile checks a profile for what is built (b: documents, languages, layout; the law
// rules run on that, not on the profile as written) and prints its diagnostics; it fails (after
// printing every problem) when any of them is an error.
func checkProfile(ios *IO, env usecase.Env, path string, sets []string, b law.Build) (*usecase.Checked, error) {
	c, err := env.CheckFile(path, sets, b)
	if err != nil {
		return nil, err
	}
	if len(c.Diags) > 0 {
		if err := c.Diags.Write(ios.Err); err != nil {
			return nil, err
		}
	}
	if !c.OK() {
		errs, warns := c.Diags.Count()
		fmt.Fprintf(ios.Err, "%s: %d error(s), %d warning(s); nothing written. Fix the profile (tsdraft check %s) and run again.\n", path, errs, warns, path)
		return nil, ErrSilent
	}
	return c, nil
}

// splitList accepts "a,b" and repeated flags alike.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// registerDocumentCompletions completes --doc with the document IDs and --layout with the layouts.
func registerDocumentCompletions(cmd *cobra.Command) {
	_ = cmd.RegisterFlagCompletionFunc("doc", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var ids []string
		for _, d := range render.Documents {
			ids = append(ids, d.ID+"\t"+d.Description)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("layout", cobra.FixedCompletions(usecase.Layouts, cobra.ShellCompDirectiveNoFileComp))
}
