package profile

import (
	"encoding/json"
	"slices"
)

// JSONSchema returns the JSON Schema (draft 2020-12) of the profile, generated from Schema, for
// editors (Taplo / Even Better TOML) to complete and check profiles. TOML dates are described as
// strings of format "date", which is how those editors present them to a JSON Schema. The output
// is stable: keys are sorted.
func JSONSchema() []byte {
	langProps := map[string]any{}
	for _, l := range Languages {
		langProps[l] = map[string]any{"type": "string"}
	}
	root := fieldSchema(Schema)
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "urn:tsdraft:profile"
	root["title"] = "tsdraft profile"
	root["required"] = []string{"jurisdiction"}
	root["$defs"] = map[string]any{
		"language": map[string]any{
			"description": "A language tsdraft renders.",
			"enum":        Languages,
		},
		"text": map[string]any{
			"description": "A text: one string for every language, or a table by language such as { ja = \"…\", en = \"…\" }.",
			"oneOf": []any{
				map[string]any{"type": "string"},
				map[string]any{
					"type":                 "object",
					"properties":           langProps,
					"additionalProperties": false,
					"minProperties":        1,
				},
			},
		},
	}
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil { // only plain maps, slices and strings above: cannot happen
		panic(err)
	}
	return append(out, '\n')
}

func fieldSchema(f *Field) map[string]any {
	s := map[string]any{}
	if f.Desc != "" {
		s["description"] = f.Desc
	}
	switch f.Kind {
	case KindString:
		if slices.Equal(f.Enum, Languages) {
			s["$ref"] = "#/$defs/language"
			break
		}
		s["type"] = "string"
		if len(f.Enum) > 0 {
			s["enum"] = f.Enum
		}
		if f.Pattern != "" {
			s["pattern"] = f.Pattern
		}
	case KindText:
		s["$ref"] = "#/$defs/text"
	case KindBool:
		s["type"] = "boolean"
	case KindInt, KindNumber:
		s["type"] = "integer"
		if f.Kind == KindNumber {
			s["type"] = "number"
		}
		if f.Min != nil {
			s["minimum"] = *f.Min
		}
		if f.Max != nil {
			s["maximum"] = *f.Max
		}
	case KindDate:
		s["type"] = "string"
		s["format"] = "date"
	case KindStrings:
		s["type"] = "array"
		s["items"] = fieldSchema(&Field{Kind: KindString, Enum: f.Enum})
		if f.MinItems > 0 {
			s["minItems"] = f.MinItems
		}
		if f.MaxItems > 0 {
			s["maxItems"] = f.MaxItems
		}
		s["uniqueItems"] = true
	case KindTexts:
		s["type"] = "array"
		s["items"] = map[string]any{"$ref": "#/$defs/text"}
	case KindTable:
		s["type"] = "object"
		s["additionalProperties"] = false
		props := map[string]any{}
		for _, c := range f.Fields {
			props[c.Name] = fieldSchema(c)
		}
		s["properties"] = props
	case KindTables:
		s["type"] = "array"
		s["items"] = fieldSchema(&Field{Kind: KindTable, Fields: f.Fields})
	case KindAny:
		s["type"] = "object"
	}
	return s
}
