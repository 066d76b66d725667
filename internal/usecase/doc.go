// Package usecase holds what tsdraft does for a user, once, for every face it has: check a
// profile (with the law rules, on what is actually built), build a set of documents, render a
// user's template, write outputs atomically, convert them to PDF and prepare a batch. The cobra
// commands (package cli) and the web app (package web) are thin faces over these functions,
// so a fix lands in both.
//
// Nothing here prints or words advice in terms of flags: results and typed errors go back to
// the caller (ExistError wraps fs.ErrExist; DraftError lists the documents that failed), and
// the face says what to do.
package usecase
