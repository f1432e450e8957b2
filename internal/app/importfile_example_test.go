package app_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/workspace"
)

func ExampleApp_ImportTMXFile() {
	dir, err := os.MkdirTemp("", "tilmash-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ws, err := workspace.Init(filepath.Join(dir, "ws"))
	if err != nil {
		fmt.Println(err)
		return
	}
	data := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="tilmash" srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="tilmash"/>
<body>
<tu><tuv xml:lang="en"><seg>The bridge is open.</seg></tuv><tuv xml:lang="ru"><seg>Мост открыт.</seg></tuv><tuv xml:lang="kk"><seg>Көпір ашық.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Buses run again.</seg></tuv><tuv xml:lang="ru"><seg>Автобусы снова ходят.</seg></tuv><tuv xml:lang="kk"><seg>Автобустар қайта жүреді.</seg></tuv></tu>
</body></tmx>
`)
	a := app.New("example")
	f, err := app.ReadTMXFile(app.Input{Name: "memories/Bridge News.tmx", Data: data})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := a.ImportTMXFile(ws, f, app.ImportTMXFileOptions{File: "memories/Bridge News.tmx"})
	if err != nil {
		fmt.Println(err)
		return
	}
	groups, _, _ := res.Import.Alignment.Counts()
	fmt.Println(res.ID, res.Import.Created, groups, res.Import.Langs)
	// Output:
	// bridge-news true 2 [en ru kk]
}
