package cli

import "github.com/spf13/cobra"

// PLACEHOLDER
func newRenderCmd(ios *IO, runF func() error) *cobra.Command {
	return &cobra.Command{Use: "render", Hidden: true}
}
