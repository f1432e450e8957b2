package review

import (
	"strconv"
	"strings"
)

// FormatRange writes group numbers compactly, as ParseRange reads them:
// 1, 2, 3, 7 becomes "1-3,7". The numbers must be ascending.
func FormatRange(groups []int) string {
	var b strings.Builder
	for i := 0; i < len(groups); {
		j := i
		for j+1 < len(groups) && groups[j+1] == groups[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(groups[i]))
		if j > i {
			b.WriteByte('-')
			b.WriteString(strconv.Itoa(groups[j]))
		}
		i = j + 1
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
