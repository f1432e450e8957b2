package review

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// Confirming a group with no sentence in some language accepts the
// omission: the language's version has nothing for it. SetStatus lists
// such groups it confirmed (not those confirmed already, nor any when it
// takes confirmations back), so that the commands can say so; a
// translator's "confirm all" used to pass over them in silence.
func TestSetStatusOmissions(t *testing.T) {
	tests := []struct {
		name   string
		shape  reviewtest.Shape
		op     SetStatus
		want   string // Change.Omissions as "5:en,ru"
		groups []int  // Change.Omitted's groups
		langs  []string
	}{
		// Uneven: c1-1-1 a2-2-2 f1-1-1 c1-1-0 a0-0-1 f1-1-1
		{name: "confirm all", shape: reviewtest.Uneven, op: SetStatus{Groups: []int{1, 2, 3, 4, 5, 6}, Confirm: true},
			want: "5:en,ru", groups: []int{5}, langs: []string{"en", "ru"}},
		{name: "a group confirmed already is not listed again", shape: reviewtest.Uneven, op: SetStatus{Groups: []int{4}, Confirm: true}},
		{name: "unconfirm lists none", shape: reviewtest.Uneven, op: SetStatus{Groups: []int{4, 5}}},
		{name: "every language present", shape: reviewtest.OneToOne, op: SetStatus{Groups: []int{1, 2, 3, 4, 5, 6}, Confirm: true}},
		{name: "one group", shape: reviewtest.Uneven, op: SetStatus{Groups: []int{5}, Confirm: true},
			want: "5:en,ru", groups: []int{5}, langs: []string{"en", "ru"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sample(t, tt.shape)
			c, err := tt.op.Apply(a, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, g := range c.Omissions {
				got = append(got, fmt.Sprintf("%d:%s", g.Group, strings.Join(g.Langs, ",")))
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("Omissions %q, want %q", s, tt.want)
			}
			groups, langs := c.Omitted()
			if !slices.Equal(groups, tt.groups) || !slices.Equal(langs, tt.langs) {
				t.Errorf("Omitted() = %v %v, want %v %v", groups, langs, tt.groups, tt.langs)
			}
		})
	}
}
