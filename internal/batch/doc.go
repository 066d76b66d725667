// Package batch drafts documents for many people at once from a spreadsheet (CSV or XLSX):
// each row overrides the profile for one person, is checked like a profile, and is drafted
// under a safe, unique file name into an output folder, where an append-only issue log and a
// manifest (CSV and XLSX) record what was issued, when and from what input.
//
// # Using it from a program (the web app)
//
//   - RunSheet(ctx, r, name, opts) drafts from a sheet given as a stream (an upload; name is
//     the file name the user gave, .csv or .xlsx); Run does the same for a file on disk
//     (Options.People) or bytes (Options.PeopleData). Options.Profile is the company profile,
//     Options.OutDir the folder to write to, Options.NewRenderer builds the renderer (as the
//     CLI does), Options.Log receives the report as text. Options.Update redrafts rows that
//     changed since their pledge was issued; Options.Verbose adds rule codes to messages.
//   - A problem of the sheet as a whole (its header row: an unknown or misspelt column, no
//     name column) is returned as an error before anything is written; errors.As gives a
//     *SheetError whose Problems name row 1, the column letter and the header.
//   - Otherwise the *Report lists every row in Rows: its number (the header is row 1), ID,
//     name, Status (RowDrafted, RowKept, RowFailed, RowChanged), its Files in OutDir, and its
//     Problems, each with Row, Column (letter), Header (as written in the sheet) and Message
//     (English; no rule codes unless Verbose). Entries is the manifest.
//   - LeaversSheet(lang, nil) makes the XLSX sheet HR fills in: headers in the UI language
//     (from locales/<lang>/sheet.toml), date columns formatted as dates, one example row
//     whose ID (ExampleID) is refused if it is left in.
//   - LoadHeaderWords reads the header words once; pass them in Options.Headers to avoid
//     reading them per request. Limits: MaxSheetBytes per upload, MaxJobs workers,
//     MaxPDFWorkers LibreOffice processes. One batch at a time per output folder (a lock).
//
// # What it guarantees about untrusted sheets and output folders
//
// Encodings are never guessed into garbage (see guessEncoding); impossible values (NaN,
// absurd amounts, years outside 1900–2100, Buddhist-era years, Excel's 1900 leap-day serials,
// ambiguous day/month order) fail their row with the place and what to do; hidden sheets are
// only read when named; nothing in the output folder is followed if it is not a regular file;
// manifests are safe to open in a spreadsheet (no cell becomes a formula); every issued file
// is in the log, synced, before the next is drafted.
package batch
