package docformat

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
)

// Limits of the ZIP archives read. A DOCX past them is refused before a
// byte is unpacked (from the sizes its central directory declares) or as
// soon as a part unpacks to more than it declared.
const (
	// MaxPart is the largest unpacked size of one entry, in bytes.
	MaxPart = 512 << 20
	// MaxUnpacked is the largest unpacked size of all entries together.
	MaxUnpacked = 1 << 30
	// MaxRatio is the highest compression ratio of an entry of more than
	// ratioFloor bytes: XML text packs 5 to 20 times; a zip bomb a
	// thousand times.
	MaxRatio   = 200
	ratioFloor = 1 << 20
	// MaxEntries is the most entries an archive may hold.
	MaxEntries = 10000
)

// archive is a ZIP archive checked against the limits.
type archive struct {
	name  string
	files map[string]*zip.File
}

// openZip opens data as a ZIP archive and checks every entry's path and
// declared sizes.
func openZip(name string, data []byte) (*archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, brokenZip(name, err)
	}
	if len(zr.File) > MaxEntries {
		return nil, locale.NewError("formats.zip.too-many", map[string]any{"Count": len(zr.File), "Limit": MaxEntries}).
			WithHint("formats.zip.hostile.hint").At(locale.Pos{File: name})
	}
	a := &archive{name: name, files: map[string]*zip.File{}}
	var total uint64
	for _, f := range zr.File {
		if !safeEntry(f.Name) {
			return nil, locale.NewError("formats.zip.bad-path", map[string]any{"Entry": fmt.Sprintf("%q", f.Name)}).
				WithHint("formats.zip.hostile.hint").At(locale.Pos{File: name})
		}
		size := f.UncompressedSize64
		if size > MaxPart {
			return nil, tooLarge(name, f.Name, int64(min(size, 1<<62)), MaxPart)
		}
		total += size
		if total > MaxUnpacked {
			return nil, tooLarge(name, "", int64(total), MaxUnpacked)
		}
		if size > ratioFloor && (f.CompressedSize64 == 0 || size/max(f.CompressedSize64, 1) > MaxRatio) {
			return nil, locale.NewError("formats.zip.ratio", map[string]any{"Entry": f.Name, "Ratio": size / max(f.CompressedSize64, 1), "Limit": MaxRatio}).
				WithHint("formats.zip.hostile.hint").At(locale.Pos{File: name})
		}
		a.files[f.Name] = f
	}
	return a, nil
}

// safeEntry reports whether an entry's name is a relative path that stays
// inside the archive: no leading slash or drive, no "..", no backslash,
// no NUL.
func safeEntry(n string) bool {
	if n == "" || strings.ContainsAny(n, "\\\x00") || strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') {
		return false
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return false
		}
	}
	return path.Clean(n) == strings.TrimSuffix(n, "/") || strings.HasSuffix(n, "/")
}

// open returns a reader of an entry (nil when there is none) that fails
// once it has read more than the entry declared or MaxPart.
func (a *archive) open(entry string) (io.ReadCloser, error) {
	f := a.files[entry]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, brokenZip(a.name, err)
	}
	return &limited{rc: rc, left: int64(f.UncompressedSize64), archive: a.name, entry: entry}, nil
}

// limited reads an entry and refuses to read past its declared size.
type limited struct {
	rc      io.ReadCloser
	left    int64
	archive string
	entry   string
}

func (l *limited) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// One byte more than declared is enough to know.
		var one [1]byte
		if n, err := l.rc.Read(one[:]); n > 0 || err != nil && !errors.Is(err, io.EOF) {
			return 0, locale.NewError("formats.zip.lying", map[string]any{"Entry": l.entry}).
				WithHint("formats.zip.hostile.hint").At(locale.Pos{File: l.archive})
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.rc.Read(p)
	l.left -= int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		return n, brokenZip(l.archive, err)
	}
	return n, err
}

func (l *limited) Close() error { return l.rc.Close() }

func brokenZip(name string, err error) error {
	var le *locale.Error
	if errors.As(err, &le) {
		return err
	}
	return locale.NewError("formats.zip.broken", map[string]any{"Reason": zipReason(err)}).
		WithHint("formats.zip.broken.hint").At(locale.Pos{File: name}).Wrap(err)
}

// zipReason says what archive/zip found wrong in the reader's language;
// words of its no message knows are kept, as the ZIP reader's.
func zipReason(err error) locale.Msg {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, zip.ErrFormat):
		return locale.Msg{ID: "formats.zip.not-zip"}
	case errors.Is(err, zip.ErrChecksum), errors.As(err, &corrupt):
		return locale.Msg{ID: "formats.zip.damaged"}
	case errors.Is(err, zip.ErrAlgorithm):
		return locale.Msg{ID: "formats.zip.algorithm"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return locale.Msg{ID: "formats.zip.cut"}
	}
	return locale.Msg{ID: "formats.zip.reader", Data: map[string]any{"Detail": strings.TrimPrefix(err.Error(), "zip: ")}}
}

func tooLarge(name, entry string, size, limit int64) error {
	id := "formats.too-large"
	if entry != "" {
		id = "formats.zip.too-large"
	}
	return locale.NewError(id, map[string]any{"Entry": entry, "Size": size, "Limit": limit >> 20}).
		WithHint("formats.too-large.hint").At(locale.Pos{File: name})
}
