package workspace

import (
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/locale"
)

// configError is an error of ParseConfig at line and col of file: message
// id with data, and the hint id.
func configError(file string, line, col int, id, hint string, data map[string]any) error {
	if line < 1 {
		line, col = 1, 1
	}
	if col < 1 {
		col = 1
	}
	return locale.NewError(id, data).WithHint(hint).At(locale.Pos{File: file, Line: line, Column: col})
}

// configType is the Go type tilmash.yaml decodes into by the name a
// yaml.v3 error gives it ("field x not found in type workspace.Publish"),
// so that an unknown key is answered with the keys its section knows; nil
// for another name. A switch, not a map: nothing is built at start.
func configType(name string) reflect.Type {
	switch name {
	case "workspace.Config":
		return reflect.TypeOf(Config{})
	case "workspace.Publish":
		return reflect.TypeOf(Publish{})
	case "workspace.Checks":
		return reflect.TypeOf(Checks{})
	case "workspace.CheckSetting":
		return reflect.TypeOf(CheckSetting{})
	case "workspace.TM":
		return reflect.TypeOf(TM{})
	}
	return nil
}

// yamlKeys lists the keys a section of tilmash.yaml knows: the yaml names
// of the fields of its Go type.
func yamlKeys(t reflect.Type) []string {
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

// decodeError turns an error of decoding tilmash.yaml (syntax, an unknown
// key, a value of the wrong shape) into a located error in the user's
// language. yaml.v3 gives only the line; the column is found in the
// parsed document when it parses.
func decodeError(file string, data []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	msg, _, _ = strings.Cut(msg, "\n")
	line, reason := YAMLError(err)
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		line, col, detail := YAMLProblem(file, data, err)
		return configError(file, line, col, "workspace.bad-config.yaml", "workspace.bad-config.yaml.hint", map[string]any{"Detail": detail})
	}
	// field NAME not found in type workspace.T
	if rest, ok := strings.CutPrefix(reason, "field "); ok && strings.HasSuffix(reason, " not found") {
		key := strings.TrimSuffix(rest, " not found")
		t := configType("workspace.Config")
		if _, typ, ok := strings.Cut(msg, " in type "); ok && configType(strings.TrimSpace(typ)) != nil {
			t = configType(strings.TrimSpace(typ))
		}
		keys := yamlKeys(t)
		k, _ := keyAt(&root, line, func(k, _ *yaml.Node) bool { return k.Value == key })
		l, c := line, 1
		if k != nil {
			l, c = k.Line, k.Column
		}
		return configError(file, l, c, "workspace.bad-config.unknown-key", "workspace.bad-config.unknown-key.hint",
			map[string]any{"Key": key, "Keys": strings.Join(keys, ", ")})
	}
	// cannot unmarshal !!str `x` into []string
	if i := strings.LastIndex(reason, " into "); strings.HasPrefix(reason, "cannot unmarshal ") && i >= 0 {
		into := reason[i+len(" into "):]
		id := "workspace.bad-config.want-mapping"
		switch {
		case strings.HasPrefix(into, "[]"):
			id = "workspace.bad-config.want-list"
		case into == "string":
			id = "workspace.bad-config.want-text"
		case into == "bool":
			id = "workspace.bad-config.want-bool"
		}
		if k, v := keyAt(&root, line, func(_, v *yaml.Node) bool { return v.Line == line }); k != nil {
			return configError(file, v.Line, v.Column, id, "workspace.bad-config.shape.hint", map[string]any{"Key": k.Value})
		}
	}
	line, col, detail := YAMLProblem(file, data, err)
	return configError(file, line, col, "workspace.bad-config.yaml", "workspace.bad-config.yaml.hint", map[string]any{"Detail": detail})
}

// keyAt finds the key, and its value, of a mapping in n whose key or
// value starts on line and that ok accepts; the innermost one wins. An
// item of a list is found through the key of its list.
func keyAt(n *yaml.Node, line int, ok func(k, v *yaml.Node) bool) (key, val *yaml.Node) {
	if n == nil {
		return nil, nil
	}
	if n.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(n.Content); j += 2 {
			k, v := n.Content[j], n.Content[j+1]
			if ik, iv := keyAt(v, line, ok); ik != nil {
				return ik, iv
			}
			if (k.Line == line || v.Line == line) && ok(k, v) {
				return k, v
			}
			if v.Kind == yaml.SequenceNode {
				for _, item := range v.Content {
					if item.Line == line && ok(k, item) {
						return k, item
					}
				}
			}
		}
		return nil, nil
	}
	for _, c := range n.Content {
		if k, v := keyAt(c, line, ok); k != nil {
			return k, v
		}
	}
	return nil, nil
}
