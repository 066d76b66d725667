// Package testbin builds the real tsdraft binary once per test process and runs it, for the
// few end-to-end tests that must run the real program (another PATH, a process of its own);
// every other command test runs in process through cli.Main. Under go test -cover the binary
// is built with -cover, so its runs count too (GOCOVERDIR).
package testbin
