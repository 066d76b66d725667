// Package testsupport holds what the tests of several packages share and must not copy: the
// rule for tests that need external tools (LibreOffice, poppler, translate-toolkit …) and a
// language added as data (Korean). It is imported by tests only.
package testsupport
