package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the real command; kept only so the tree builds meanwhile.
func newBuildCmd(ios *IO) *cobra.Command { return &cobra.Command{Use: "build", Hidden: true} }
func newListCmd(ios *IO) *cobra.Command { return &cobra.Command{Use: "list", Hidden: true} }
func newTemplateCmd(ios *IO) *cobra.Command { return &cobra.Command{Use: "template", Hidden: true} }
