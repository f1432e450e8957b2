package review

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

func ExampleMerge() {
	a, _ := reviewtest.Alignment("demo", reviewtest.OneToOne)
	c, err := Merge{Group: 2}.Apply(a, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	g := a.Groups[1]
	fmt.Println(c.Message, c.Old, "→", c.New)
	fmt.Println(len(a.Groups), "groups; group 2 is", g.Kind(a.Languages), g.Status)
	// Output:
	// review.done.merge [2 3] → [2]
	// 5 groups; group 2 is 2-2-2 aligned
}
