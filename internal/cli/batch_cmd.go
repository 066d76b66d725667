package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the real command; kept only so the tree builds meanwhile.
func newBatchCmd(ios *IO) *cobra.Command { return &cobra.Command{Use: "batch", Hidden: true} }
