// Package law holds the law rules tsdraft checks a profile against: one table per jurisdiction,
// each rule an ID, a level, the statute it applies, a hint, the documents it concerns and a check
// over the typed profile. The facts come from the project's legal reference sheet only
// (shared/legal-reference.md, "LR" below); a rule never says more than the sheet does.
package law
