// Package testbin builds the real tsdraft binary once per test process and runs it, for the
// tests of every package that check the command line as a user meets it.
package testbin
