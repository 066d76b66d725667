// Package profile reads the client profile (TOML): a strict decode that keeps every value's
// file position, overlays (`--set` values, a people sheet's cells: typed values laid over a
// profile parsed once, their problems placed at their argument or cell), the defaults of the
// jurisdiction, the checks that need no law (types, ranges, references between keys, what
// each document requires of the profile), the JSON Schema for editors, the init sample, and
// Data(), the values templates see.
//
// The key tree (Schema) is the single source for decoding, validation and the JSON Schema. The
// lists of languages, jurisdictions and documents, the defaults and the sample texts are the
// vocabulary's data (internal/vocab); what each document requires is read from its template
// (ShippedNeeds, CheckWith).
package profile
