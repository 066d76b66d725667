// Package tplvalue holds what the template engine and the profile model must agree on about
// values, and nothing else: a text given per language (Localized, LangText) and the truth rule
// of {{#if}} (Truthy). It is a leaf, so the profile model does not import the engine: the
// profile hands out LangText, the engine resolves any Localized to the language being rendered.
package tplvalue
