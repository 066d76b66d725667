package cli

import (
	"bytes"
	"strings"
	"testing"
)

// serve refuses, before listening, an address other computers can reach unless the user asks
// for it and gives a password, and names what to add.
func TestServeRefusesNetworkAddressWithoutFlagAndPassword(t *testing.T) {
	t.Setenv("TSDRAFT_PASSWORD", "")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--addr", "0.0.0.0:0", "--data", t.TempDir()}, "--allow-remote"},
		{[]string{"serve", "--addr", "0.0.0.0:0", "--allow-remote", "--data", t.TempDir()}, "password of at least 12 characters"},
		{[]string{"serve", "--addr", "nonsense", "--data", t.TempDir()}, "host:port"},
	} {
		var out, errb bytes.Buffer
		code := Main(tc.args, strings.NewReader(""), &out, &errb)
		if code != 1 || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", tc.args, code, errb.String(), tc.want)
		}
		if strings.Contains(out.String(), "token=") {
			t.Errorf("%v printed an address", tc.args)
		}
	}
	t.Setenv("TSDRAFT_PASSWORD", "a long enough password")
	var out, errb bytes.Buffer
	code := Main([]string{"serve", "--addr", "0.0.0.0:0", "--allow-remote", "--data", t.TempDir()}, strings.NewReader(""), &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "--host") {
		t.Errorf("all interfaces without --host: exit %d, %q", code, errb.String())
	}
}
