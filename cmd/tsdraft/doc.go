// Command tsdraft drafts trade-secret protection documents from a client profile.
package main
