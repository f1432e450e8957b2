package qa

import (
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkCheckPair runs every check but spelling (numbers, untranslated,
// typography, Kazakh endings with the workspace glossary, and the
// consistency index) over ntrex-dev's EN–RU and EN–KK rows; the figure is
// bytes of source plus translation per second on one core.
func BenchmarkCheckPair(b *testing.B) {
	rows := loadNTREX(b)
	c := corpusChecker(b)
	var size int64
	for _, r := range rows {
		size += int64(2*len(r.en) + len(r.targets["ru"]) + len(r.targets["kk"]))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		n++
		var x ConsistencyIndex
		for _, r := range rows {
			src := NewSource("en", r.en)
			for _, lang := range []string{"ru", "kk"} {
				c.CheckSource(src, lang, r.targets[lang])
				x.Add("p", "en", r.en, lang, r.targets[lang])
			}
		}
		x.Findings()
	}
	// The machine may be shared: bytes per second of this process's CPU
	// time is the figure per core that load does not change.
	b.ReportMetric(float64(size)*float64(n)/(cpuTime()-cpu0).Seconds()/1e6, "cpu-MB/s")
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLongLine checks one line of growing size (the corpus repeated
// with no line break): the time per byte must stay flat.
func BenchmarkLongLine(b *testing.B) {
	rows := loadNTREX(b)
	var en, kk strings.Builder
	for _, r := range rows {
		en.WriteString(r.en + " ")
		kk.WriteString(r.targets["kk"] + " ")
	}
	c := corpusChecker(b)
	for _, size := range []int{100 << 10, 1 << 20, 10 << 20} {
		src := strings.Repeat(en.String(), size/en.Len()+1)[:size]
		tgt := strings.Repeat(kk.String(), size/kk.Len()+1)[:size]
		b.Run(byteSize(size), func(b *testing.B) {
			b.SetBytes(int64(len(src) + len(tgt)))
			for b.Loop() {
				c.CheckPair("en", src, "kk", tgt)
			}
		})
	}
}

func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return itoa(n>>20) + "MB"
	default:
		return itoa(n>>10) + "KB"
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
