package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the real command; kept only so the tree builds meanwhile.
func newInitCmd(ios *IO) *cobra.Command { return &cobra.Command{Use: "init", Hidden: true} }
func newCheckCmd(ios *IO) *cobra.Command { return &cobra.Command{Use: "check", Hidden: true} }
func newSchemaCmd(ios *IO) *cobra.Command { return &cobra.Command{Use: "schema", Hidden: true} }
