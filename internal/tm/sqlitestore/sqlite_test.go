package sqlitestore_test

import (
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/sqlitestore"
	"github.com/tilmash/tilmash/internal/tm/storetest"
)

func open(t *testing.T) tm.Store {
	t.Helper()
	s, err := sqlitestore.Open(filepath.Join(t.TempDir(), "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }
