// Package textdist measures how far apart two words are, for "did you mean …?" hints.
package textdist
