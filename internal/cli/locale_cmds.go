package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the real command; kept only so the tree builds meanwhile.
func newLocaleCmd(ios *IO) *cobra.Command { return &cobra.Command{Use: "locale", Hidden: true} }
