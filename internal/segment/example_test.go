package segment_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tilmash/tilmash/internal/segment"
)

func ExampleSegmenter_Segment() {
	seg, err := segment.ForLanguage("kk")
	if err != nil {
		panic(err)
	}
	text := "Астанада жаңа мектеп ашылды\n\n" +
		"Мектеп 2024 ж. салынды. «Біз қуаныштымыз!» — деді ҚР Президенті Қ.-Ж. Тоқаев. Оқу 1 қыркүйекте басталады."
	for _, s := range seg.Segment(text) {
		fmt.Printf("%d %-5v [%d:%d] %s\n", s.Para, s.Heading, s.Start, s.End, s.Text)
	}
	// Output:
	// 0 true  [0:51] Астанада жаңа мектеп ашылды
	// 1 false [53:90] Мектеп 2024 ж. салынды.
	// 1 false [91:186] «Біз қуаныштымыз!» — деді ҚР Президенті Қ.-Ж. Тоқаев.
	// 1 false [187:236] Оқу 1 қыркүйекте басталады.
}

func ExampleWriteSRX() {
	r, err := segment.DefaultRules("en")
	if err != nil {
		panic(err)
	}
	r.Rules = r.Rules[:1] // keep the example short: the abbreviation rule
	r.Rules[0].Abbreviations = []string{"Mr.", "Dr."}
	var b strings.Builder
	if err := segment.WriteSRX(&b, map[string]*segment.Rules{"en": r}); err != nil {
		panic(err)
	}
	fmt.Print(b.String())
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <srx xmlns="http://www.lisa.org/srx20" version="2.0">
	//   <header segmentsubflows="yes" cascade="no">
	//     <formathandle type="start" include="no"/>
	//     <formathandle type="end" include="yes"/>
	//     <formathandle type="isolated" include="no"/>
	//   </header>
	//   <body>
	//     <languagerules>
	//       <languagerule languagerulename="en">
	//         <!-- abbreviations -->
	//         <rule break="no">
	//           <beforebreak>(?:^|[^\p{L}\p{N}.])(?:Mr\.|Dr\.)</beforebreak>
	//           <afterbreak>\s</afterbreak>
	//         </rule>
	//       </languagerule>
	//     </languagerules>
	//     <maprules>
	//       <languagemap languagepattern="[Ee][Nn](?:[-_].*)?" languagerulename="en"/>
	//     </maprules>
	//   </body>
	// </srx>
}

func ExampleReadSRX() {
	f, err := os.Open("testdata/house.srx")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	sets, err := segment.ReadSRX(f)
	if err != nil {
		panic(err)
	}
	seg := segment.New(sets["ru"])
	for _, s := range seg.Segment("Заседание открыто; кворум есть. Начнём.") {
		fmt.Println(s.Text)
	}
	// Output:
	// Заседание открыто;
	// кворум есть.
	// Начнём.
}
