package numword

import (
	"fmt"
	"strings"
	"testing"
)

func TestScale(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want float64
		ok   bool
	}{
		{"тыс", 1e3, true}, {"тысячи", 1e3, true}, {"мыңнан", 1e3, true}, {"мыңдаған", 0, false},
		{"млн", 1e6, true}, {"million", 1e6, true}, {"millions", 1e6, true}, {"bn", 1e9, true},
		{"bnb", 0, false}, {"млрд", 1e9, true}, {"миллиарда", 1e9, true}, {"trillion", 1e12, true},
		{"people", 0, false}, {"тыся", 0, false}, {"", 0, false},
	} {
		got, ok := Scale(tt.w)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Scale(%q) = %v, %v; want %v, %v", tt.w, got, ok, tt.want, tt.ok)
		}
	}
}

func TestImperial(t *testing.T) {
	for _, tt := range []struct {
		w      string
		metric string
		ok     bool
	}{
		{"miles", "km", true}, {"mph", "km/h", true}, {"feet", "m", true}, {"inches", "cm", true},
		{"pounds", "kg", true}, {"°f", "°C", true}, {"degrees", "°C", true}, {"metres", "", false},
	} {
		i, ok := Imperial(tt.w)
		if ok != tt.ok || ok && ImperialAt(i).Metric != tt.metric {
			t.Errorf("Imperial(%q) = %d, %v; want %s, %v", tt.w, i, ok, tt.metric, tt.ok)
		}
	}
	if i, _ := Imperial("mile"); ImperialAt(i).Factor*100 < 160.9 || ImperialAt(i).Factor*100 > 161 {
		t.Errorf("a mile is %v km", ImperialAt(i).Factor)
	}
}

func TestMeridiem(t *testing.T) {
	for _, tt := range []struct {
		s  string
		pm bool
		n  int
		ok bool
	}{
		{"pm", true, 2, true}, {"p.m. on", true, 4, true}, {"a.m.", false, 4, true}, {"AM,", false, 2, true},
		{"PM.", true, 3, true}, {"a.m", false, 3, true},
		{"AMs", false, 0, false}, {"amid", false, 0, false}, {"am2", false, 0, false}, {"a", false, 0, false},
		{"an", false, 0, false}, {"apm", false, 0, false}, {"amé", false, 0, false},
	} {
		pm, n, ok := Meridiem(tt.s)
		if pm != tt.pm || n != tt.n || ok != tt.ok {
			t.Errorf("Meridiem(%q) = %v, %d, %v; want %v, %d, %v", tt.s, pm, n, ok, tt.pm, tt.n, tt.ok)
		}
	}
}

func ExampleScale() {
	v, _ := Scale("млн")
	fmt.Println(v * 1.5)
	// Output: 1.5e+06
}

// FuzzMeridiem: what Meridiem reads is one of am, pm, a.m., p.m. (any case, the last dot
// optional), never past the end of s.
func FuzzMeridiem(f *testing.F) {
	for _, s := range []string{"pm", "a.m.", "AMs", "p.m", "amid", "p.", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pm, n, ok := Meridiem(s)
		if !ok {
			return
		}
		w := strings.ToLower(s[:n])
		switch w {
		case "am", "a.m", "a.m.", "am.":
		case "pm", "p.m", "p.m.", "pm.":
		default:
			t.Fatalf("Meridiem(%q) read %q", s, w)
		}
		if pm != (w[0] == 'p') {
			t.Fatalf("Meridiem(%q): pm %v", s, pm)
		}
	})
}
