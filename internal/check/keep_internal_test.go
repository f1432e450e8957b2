package check

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/tilmash/tilmash/internal/qa"
)

// TestFindingKeep: keep passes every string a Finding holds (its fields,
// its editors' finding, that finding's data and places, its places)
// through the function given, so that a finding of a streamed row keeps
// none of the row's buffer: every string is set to a view of a buffer
// and, after keep, none is.
func TestFindingKeep(t *testing.T) {
	buffer := []byte(strings.Repeat("abcdefgh", 8))
	view := unsafe.String(&buffer[0], len(buffer))
	inBuffer := func(s string) bool {
		p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(&buffer[0]))
		return len(s) > 0 && p >= b && p < b+uintptr(len(buffer))
	}
	var f Finding
	f.qa = &qa.Finding{Data: map[string]any{"Text": view[1:4], "Variants": []string{view[2:5], view[3:9]}, "Count": 2}}
	f.Places = []Place{{}}
	f.qa.Places = []string{""}
	n := 0
	var set func(v reflect.Value)
	set = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(view[n%8 : n%8+3])
			n++
		case reflect.Struct:
			for i := range v.NumField() {
				fv := v.Field(i)
				fv = reflect.NewAt(fv.Type(), unsafe.Pointer(fv.UnsafeAddr())).Elem()
				set(fv)
			}
		case reflect.Pointer:
			if !v.IsNil() {
				set(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				set(v.Index(i))
			}
		}
	}
	set(reflect.ValueOf(&f).Elem())
	if n < 20 {
		t.Fatalf("only %d strings set", n)
	}
	f.keep(func(s string) string {
		if inBuffer(s) {
			return strings.Clone(s)
		}
		return s
	})
	var check func(path string, v reflect.Value)
	check = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if inBuffer(v.String()) {
				t.Errorf("%s still a view of the buffer after keep", path)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				check(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				check(path, v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				check(path, v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				check(path+"["+it.Key().String()+"]", it.Value())
			}
		}
	}
	check("Finding", reflect.ValueOf(f))
	for i := range buffer {
		buffer[i] = '#'
	}
	if d := f.qa.Data["Variants"].([]string); d[0] != "cde" || f.qa.Data["Text"] != "bcd" {
		t.Errorf("kept data %v changed with the buffer", f.qa.Data)
	}
}
