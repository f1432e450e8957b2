package align

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// bd builds a bead from "0 1|2" notation ("-" or nothing for an empty side).
func bd(s string, score float64) Bead {
	parse := func(part string) []int {
		out := []int{}
		for _, f := range strings.Fields(part) {
			if f == "-" {
				continue
			}
			var x int
			fmt.Sscan(f, &x)
			out = append(out, x)
		}
		return out
	}
	src, tgt, _ := strings.Cut(s, "|")
	return Bead{Src: parse(src), Tgt: parse(tgt), Score: score}
}

func groupString(g Group) string {
	side := func(idx []int) string {
		if len(idx) == 0 {
			return "-"
		}
		return strings.Trim(fmt.Sprint(idx), "[]")
	}
	flag := ""
	if g.Flagged {
		flag = " !"
	}
	return side(g.En) + "|" + side(g.Ru) + "|" + side(g.Kk) + flag
}

// TestCombine checks how two pairwise alignments become groups, where they agree and where they
// do not.
func TestCombine(t *testing.T) {
	// Sentences without English at the same place in Russian and Kazakh: pair them one to one,
	// the way an ru–kk alignment would for equal counts, extra ones alone.
	ruKk := func(_, r0, r1, k0, k1 int) []Bead {
		var out []Bead
		for r, k := r0, k0; r < r1 || k < k1; r, k = r+1, k+1 {
			b := Bead{Src: []int{}, Tgt: []int{}, Score: 0.9}
			if r < r1 {
				b.Src = []int{r - r0}
			}
			if k < k1 {
				b.Tgt = []int{k - k0}
			}
			out = append(out, b)
		}
		return out
	}
	tests := []struct {
		name       string
		n, nr, nk  int
		ru, kk     []string
		want       []string
		wantScores []float64
	}{
		{
			name: "agreement",
			n:    3, nr: 3, nk: 3,
			ru:   []string{"0|0", "1|1", "2|2"},
			kk:   []string{"0|0", "1|1", "2|2"},
			want: []string{"0|0|0", "1|1|1", "2|2|2"},
		},
		{
			// ru merges English 1 and 2; kk merges 2 and 3: the group spans English 1 to 3.
			name: "boundaries disagree",
			n:    5, nr: 4, nk: 4,
			ru:   []string{"0|0", "1 2|1", "3|2", "4|3"},
			kk:   []string{"0|0", "1|1", "2 3|2", "4|3"},
			want: []string{"0|0|0", "1 2 3|1 2|1 2", "4|3|3"},
		},
		{
			// ru drops English 1 and adds a sentence after English 3; kk adds one at the start
			// and drops English 4.
			name: "omissions and additions",
			n:    5, nr: 5, nk: 5,
			ru:   []string{"0|0", "1|-", "2|1", "3|2", "-|3", "4|4"},
			kk:   []string{"-|0", "0|1", "1|2", "2|3", "3|4", "4|-"},
			want: []string{"-|-|0 !", "0|0|1", "1|-|2 !", "2|1|3", "3|2|4", "-|3|- !", "4|4|- !"},
		},
		{
			// Both translations add a sentence at the same place: they are paired.
			name: "additions at the same place",
			n:    2, nr: 3, nk: 3,
			ru:   []string{"0|0", "-|1", "1|2"},
			kk:   []string{"0|0", "-|1", "1|2"},
			want: []string{"0|0|0", "-|1|1 !", "1|2|2"},
		},
		{
			name: "no English",
			n:    0, nr: 2, nk: 1,
			ru:   []string{"-|0", "-|1"},
			kk:   []string{"-|0"},
			want: []string{"-|0|0 !", "-|1|- !"},
		},
		{
			name: "no Kazakh",
			n:    2, nr: 2, nk: 0,
			ru:   []string{"0|0", "1|1"},
			kk:   []string{"0|-", "1|-"},
			want: []string{"0|0|- !", "1|1|- !"},
		},
		{
			// A group's score is its weakest bead's; below the threshold it is flagged.
			name: "scores",
			n:    3, nr: 2, nk: 3,
			ru:   []string{"0|0@0.95", "1 2|1@0.4"},
			kk:   []string{"0|0@0.9", "1|1@0.8", "2|2@0.7"},
			want: []string{"0|0|0", "1 2|1|1 2 !"}, wantScores: []float64{0.9, 0.4},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parse := func(ss []string) []Bead {
				var out []Bead
				for _, s := range ss {
					score := 0.99
					if b, a, ok := strings.Cut(s, "@"); ok {
						s = b
						fmt.Sscan(a, &score)
					}
					out = append(out, bd(s, score))
				}
				return out
			}
			groups := combine(parse(tt.ru), parse(tt.kk), tt.n, tt.nr, tt.nk, DefaultFlagBelow, ruKk)
			var got []string
			for _, g := range groups {
				got = append(got, groupString(g))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("groups\n got %q\nwant %q", got, tt.want)
			}
			if err := checkGroups(groups, [3]int{tt.n, tt.nr, tt.nk}); err != nil {
				t.Error(err)
			}
			for k, s := range tt.wantScores {
				if groups[k].Score != s {
					t.Errorf("group %d score %v, want %v", k, groups[k].Score, s)
				}
			}
		})
	}
}

// TestThreeDisagree runs the whole three-way alignment on a short text where the Russian
// translator merged two English sentences and the Kazakh translator split a different one.
func TestThreeDisagree(t *testing.T) {
	en := goldenSentences(
		"The court in Astana sentenced the former minister to 9 years in prison on Monday.",
		"He was found guilty of taking bribes worth 2.5 billion tenge.",
		"His lawyer said they would appeal.",
		"The verdict can be challenged within 15 days, and the prosecutor's office has not yet said whether it will ask for a longer sentence.",
		"The case began in 2022.",
	)
	ru := goldenSentences(
		"В понедельник суд Астаны приговорил бывшего министра к 9 годам лишения свободы.",
		"Его признали виновным в получении взяток на 2,5 млрд тенге, и его адвокат заявил, что они подадут апелляцию.",
		"Приговор можно обжаловать в течение 15 дней, а прокуратура пока не сообщила, будет ли она добиваться более строгого наказания.",
		"Дело было возбуждено в 2022 году.",
	)
	kk := goldenSentences(
		"Дүйсенбі күні Астана соты бұрынғы министрді 9 жылға бас бостандығынан айырды.",
		"Ол 2,5 миллиард теңге пара алғаны үшін кінәлі деп танылды.",
		"Оның адвокаты шағым түсіретінін айтты.",
		"Үкімге 15 күн ішінде шағымдануға болады.",
		"Прокуратура жазаны ауырлатуды сұрайтынын әлі айтқан жоқ.",
		"Іс 2022 жылы басталған.",
	)
	groups := Three(en, ru, kk, ThreeOptions{})
	var got []string
	for _, g := range groups {
		got = append(got, groupString(g))
	}
	// Flags depend on scores; the grouping does not.
	want := []string{"0|0|0", "1 2|1|1 2", "3|2|3 4", "4|3|5"}
	var plain []string
	for _, g := range got {
		plain = append(plain, strings.TrimSuffix(g, " !"))
	}
	if !slices.Equal(plain, want) {
		t.Errorf("groups\n got %q\nwant %q", got, want)
	}
	if err := checkGroups(groups, [3]int{len(en), len(ru), len(kk)}); err != nil {
		t.Error(err)
	}
}

// TestThreeAdditions: the Russian and the Kazakh desks each added a sentence of their own at the
// same place. Sentences without English pair with each other only on evidence: two unrelated
// additions of similar length stay apart, a passage both desks added (sharing its number and its
// name) is one group.
func TestThreeAdditions(t *testing.T) {
	en := goldenSentences(
		"The court in Astana sentenced the former minister to 9 years in prison on Monday.",
		"The case began in 2022.",
	)
	for _, tt := range []struct {
		name   string
		ru, kk string
		want   []string
	}{
		{"unrelated", "Погода в столице в выходные останется тёплой и солнечной.", "Бұл кітап оқушылар арасында үлкен сұранысқа ие болды.",
			[]string{"0|0|0", "-|-|1", "-|1|-", "1|2|2"}}, // (the order of the two is the aligner's)
		{"both desks", "В 2019 году Токаев подписал указ о реформе судов.", "2019 жылы Тоқаев сот реформасы туралы жарлыққа қол қойды.",
			[]string{"0|0|0", "-|1|1", "1|2|2"}},
	} {
		ru := goldenSentences(
			"В понедельник суд Астаны приговорил бывшего министра к 9 годам лишения свободы.",
			tt.ru,
			"Дело было возбуждено в 2022 году.",
		)
		kk := goldenSentences(
			"Дүйсенбі күні Астана соты бұрынғы министрді 9 жылға бас бостандығынан айырды.",
			tt.kk,
			"Іс 2022 жылы басталған.",
		)
		groups := Three(en, ru, kk, ThreeOptions{})
		var got []string
		for _, g := range groups {
			got = append(got, strings.TrimSuffix(groupString(g), " !"))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: groups\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func goldenSentences(texts ...string) []Sentence {
	out := make([]Sentence, len(texts))
	for k, s := range texts {
		out[k] = Sentence{Text: s}
	}
	return out
}

func TestReasons(t *testing.T) {
	g := Group{En: []int{3}, Ru: []int{}, Kk: []int{4}, Score: 0.31, Flagged: true}
	var got []string
	for _, r := range g.Reasons(0) {
		got = append(got, r.MessageID()+": "+r.String())
	}
	want := []string{"align.flag.no-ru: no Russian translation", "align.flag.low-score: low alignment confidence (0.31)"}
	if !slices.Equal(got, want) {
		t.Errorf("reasons %q, want %q", got, want)
	}
	if r := g.Reasons(0)[1]; r.TemplateData()["Score"] != 0.31 {
		t.Errorf("template data %v", r.TemplateData())
	}
	if rs := (Group{En: []int{0}, Ru: []int{0}, Kk: []int{0}, Score: 0.9}).Reasons(0); len(rs) != 0 {
		t.Errorf("a sound group has reasons %v", rs)
	}
}

// TestFlagReasons: the one flagged rule, for three-way groups and for the
// beads of a two-language workspace alike.
func TestFlagReasons(t *testing.T) {
	for _, tt := range []struct {
		score float64
		sides []Side
		want  []string
	}{
		{0.9, []Side{{"en", 1, 0}, {"ru", 2, 0}}, nil},
		{0.69, []Side{{"en", 1, 0}, {"ru", 1, 0}}, []string{"align.flag.low-score"}},
		{0.7, []Side{{"en", 1, 0}, {"ru", 1, 0}}, nil},
		{1, []Side{{"en", 1, 0}, {"ru", 0, 0}}, []string{"align.flag.no-ru"}},
		{1, []Side{{"en", 1, 0}, {"ru", 0, 1}}, []string{"align.flag.no-ru"}},
		{1, []Side{{"en", 0, 4}, {"kk", 1, 0}}, []string{"align.flag.run-kk-no-en"}},
		{1, []Side{{"en", 0, 3}, {"ru", 0, 3}, {"kk", 1, 0}}, []string{"align.flag.run-kk-no-en", "align.flag.run-kk-no-ru"}},
		{0.2, []Side{{"de", 0, 3}, {"kk", 1, 0}}, []string{"align.flag.no-lang", "align.flag.low-score"}},
	} {
		var got []string
		for _, r := range FlagReasons(tt.score, 0, tt.sides...) {
			got = append(got, r.MessageID())
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") || NeedsReview(tt.score, 0, tt.sides...) != (len(tt.want) > 0) {
			t.Errorf("FlagReasons(%v, %v) = %v, want %v", tt.score, tt.sides, got, tt.want)
		}
	}
	if r := FlagReasons(1, 0, Side{"de", 0, 0})[0]; r.String() != "no sentence in de" || r.TemplateData()["Lang"] != "de" {
		t.Errorf("no-lang reason: %q %v", r.String(), r.TemplateData())
	}
	if r := FlagReasons(1, 0, Side{"en", 0, 4}, Side{"kk", 1, 0})[0]; r.String() != "4 Kazakh sentences in a row have no English counterpart" || r.TemplateData()["Count"] != 4 {
		t.Errorf("run reason: %q %v", r.String(), r.TemplateData())
	}
}

// TestArbitrate: where en–ru, en–kk and ru–kk contradict each other about an English sentence, a
// sure path through the other translation overrules a weaker pivot bead, and nothing else does.
// beadList builds beads from "0 1|2@0.5" notation (bd's, then the score; 0.99 if none).
func beadList(ss ...string) []Bead {
	var out []Bead
	for _, s := range ss {
		score := 0.99
		if b, a, ok := strings.Cut(s, "@"); ok {
			s = b
			fmt.Sscan(a, &score)
		}
		out = append(out, bd(s, score))
	}
	return out
}

// pinString writes pins as "1>[2]" (English 1 with target 2) and "-<[2]" (target 2 without
// English).
func pinString(ps []pivotPin) string {
	var out []string
	for _, p := range ps {
		if p.noEn {
			out = append(out, fmt.Sprintf("-<%v", p.tgt))
			continue
		}
		out = append(out, fmt.Sprintf("%d>%v", p.en, p.tgt))
	}
	return strings.Join(out, " ")
}

func TestArbitrate(t *testing.T) {
	beads, pins := beadList, pinString
	tests := []struct {
		name       string
		n, nr, nk  int
		ru, kk, rk []string
		wantRu     string
		wantKk     string
	}{
		{
			name: "consistent",
			n:    3, nr: 3, nk: 3,
			ru: []string{"0|0", "1|1@0.5", "2|2"},
			kk: []string{"0|0", "1|1@0.5", "2|2"},
			rk: []string{"0|0", "1|1@0.5", "2|2"},
		},
		{
			// The Russian desk dropped English 1 and added Russian 1 of its own; en–ru took
			// the addition for the translation (its lengths fit). en–kk and ru–kk agree that
			// Kazakh 1 has no Russian: English 1 has none either.
			name: "Russian addition taken for a translation",
			n:    3, nr: 3, nk: 3,
			ru:     []string{"0|0", "1|1@0.55", "2|2"},
			kk:     []string{"0|0", "1|1@0.97", "2|2"},
			rk:     []string{"0|0", "1|-@0.9", "-|1@0.9", "2|2"},
			wantRu: "1>[]",
		},
		{
			// The Russian desk dropped English 1 and put a sentence of its own in its place, and
			// so did the Kazakh desk: ru–kk pairs the two additions, and en–kk is sure Kazakh 2
			// has no English. Russian 1 has none either, or aligned again it would join a
			// neighbour's bead.
			name: "Russian addition in place of a dropped sentence",
			n:    3, nr: 3, nk: 4,
			ru:     []string{"0|0", "1|1@0.66", "2|2"},
			kk:     []string{"0|0", "1|1@0.9", "-|2@0.99", "2|3"},
			rk:     []string{"0|0", "-|1@0.9", "1|2@0.93", "2|3"},
			wantRu: "1>[] -<[1]",
		},
		{
			// The same, but en–kk is not sure that Kazakh 2 has no English: only English 1 is
			// pinned.
			name: "Russian addition, unsure of the Kazakh one",
			n:    3, nr: 3, nk: 4,
			ru:     []string{"0|0", "1|1@0.66", "2|2"},
			kk:     []string{"0|0", "1|1@0.9", "-|2@0.6", "2|3"},
			rk:     []string{"0|0", "-|1@0.9", "1|2@0.93", "2|3"},
			wantRu: "1>[]",
		},
		{
			// The Kazakh desk added a sentence before the translation of English 1, and en–kk
			// took the two for one translation split in two; ru–kk pairs Russian 1 with the
			// translation alone and leaves the addition alone: English 1 gets Kazakh 2 only,
			// and Kazakh 1 no English.
			name: "Kazakh addition merged with a translation",
			n:    3, nr: 3, nk: 4,
			ru:     []string{"0|0", "1|1@0.99", "2|2"},
			kk:     []string{"0|0", "1|1 2@0.57", "2|3"},
			rk:     []string{"0|0", "-|1@0.52", "1|2@0.58", "2|3"},
			wantKk: "-<[1] 1>[2]",
		},
		{
			// The mirror image, the addition after the translation.
			name: "Russian addition merged with a translation",
			n:    3, nr: 4, nk: 3,
			ru:     []string{"0|0", "1|1 2@0.43", "2|3"},
			kk:     []string{"0|0", "1|1@0.98", "2|2"},
			rk:     []string{"0|0", "1|1@0.62", "2|-@0.41", "3|2"},
			wantRu: "1>[1] -<[2]",
		},
		{
			// The path is no surer than the merged bead: nothing changes.
			name: "merge surer than the path",
			n:    3, nr: 3, nk: 4,
			ru: []string{"0|0", "1|1@0.99", "2|2"},
			kk: []string{"0|0", "1|1 2@0.7", "2|3"},
			rk: []string{"0|0", "-|1@0.52", "1|2@0.6", "2|3"},
		},
		{
			// ru–kk does not leave the other sentence of the merged bead alone: nothing changes.
			name: "merge whose other sentence ru–kk pairs",
			n:    3, nr: 4, nk: 4,
			ru: []string{"0|0", "1|1@0.99", "-|2@0.9", "2|3"},
			kk: []string{"0|0", "1|1 2@0.57", "2|3"},
			rk: []string{"0|0", "1|1@0.6", "2|2@0.6", "3|3"},
		},
		{
			// The Russian desk dropped English 1 and added Russian 1 in its place; en–ru pairs
			// them, unsure, en–kk is sure of its bead, and ru–kk pairs neither Russian 1 nor
			// Kazakh 1 with anything, so no path is sure of anything: the weak bead is undone,
			// and Russian 1, alone in ru–kk too, has no English.
			name: "weak bead nothing corroborates",
			n:    3, nr: 3, nk: 3,
			ru:     []string{"0|0", "1|1@0.6", "2|2"},
			kk:     []string{"0|0", "1|1@0.98", "2|2"},
			rk:     []string{"0|0", "1|-@0.5", "-|1@0.5", "2|2"},
			wantRu: "1>[] -<[1]",
		},
		{
			// The same, but ru–kk pairs Russian 1 with Kazakh 2: it may be a neighbour's
			// translation, so only English 1 is pinned.
			name: "weak bead nothing corroborates, its sentence paired elsewhere",
			n:    3, nr: 3, nk: 4,
			ru:     []string{"0|0", "1|1@0.6", "2|2"},
			kk:     []string{"0|0", "1|1@0.98", "-|2@0.6", "2|3"},
			rk:     []string{"0|0", "-|1@0.5", "1|2@0.5", "2|3"},
			wantRu: "1>[]",
		},
		{
			// ru–kk holds Russian 1 and Kazakh 1 in one bead (the segmenter cut the Russian
			// in two): that corroborates the weak bead.
			name: "weak bead corroborated by a merged bead",
			n:    3, nr: 4, nk: 3,
			ru: []string{"0|0", "1|1@0.6", "-|2@0.6", "2|3"},
			kk: []string{"0|0", "1|1@0.98", "2|2"},
			rk: []string{"0|0", "1 2|1@0.7", "3|2"},
		},
		{
			// The Russian desk dropped English 1-3 and added two sentences of its own there;
			// en–ru pairs the runs in whatever shapes their lengths fit, all of it very weak,
			// en–kk is sure of every English sentence, and ru–kk pairs no Russian sentence of
			// the run with the Kazakh of the English it was given: the run has no Russian.
			name: "weak run nothing supports",
			n:    5, nr: 4, nk: 5,
			ru:     []string{"0|0", "1 2|1@0.3", "3|2@0.4", "4|3"},
			kk:     []string{"0|0", "1|1@0.98", "2|2@0.99", "3|3@0.97", "4|4"},
			rk:     []string{"0|0", "1|-@0.4", "-|1@0.4", "-|2@0.4", "2|-@0.4", "-|3@0.4", "3|4"},
			wantRu: "1>[] 2>[] 3>[] -<[2]",
		},
		{
			// The same, but the path through Kazakh gives English 3 Russian 1 (0.6), surer
			// than en–ru's bead yet no evidence of it: so weak a bead is still undone.
			name: "weak bead nothing supports, a weak path elsewhere",
			n:    5, nr: 4, nk: 5,
			ru:     []string{"0|0", "1 2|1@0.3", "3|2@0.4", "4|3"},
			kk:     []string{"0|0", "1|1@0.98", "2|2@0.99", "3|3@0.97", "4|4"},
			rk:     []string{"0|0", "-|1@0.4", "-|2@0.4", "1|3@0.6", "2|-@0.4", "3|4"},
			wantRu: "1>[] 2>[] 3>[] -<[2]",
		},
		{
			// ru–kk pairs Russian 2 with Kazakh 3, the Kazakh of English 3: the weak bead of
			// English 3 is corroborated and stays; the run before it is undone.
			name: "weak run, one bead corroborated",
			n:    5, nr: 4, nk: 5,
			ru:     []string{"0|0", "1 2|1@0.3", "3|2@0.4", "4|3"},
			kk:     []string{"0|0", "1|1@0.98", "2|2@0.99", "3|3@0.97", "4|4"},
			rk:     []string{"0|0", "1|-@0.4", "-|1@0.4", "-|2@0.4", "2|3@0.6", "3|4"},
			wantRu: "1>[] 2>[]",
		},
		{
			// en–ru pairs English 1 and Russian 1, very unsure, and ru–kk pairs Russian 1 with
			// the Kazakh of English 1, as unsure: two weak alignments that agree are evidence,
			// and nothing changes (undoing such beads mended as many groups as it broke).
			name: "very weak bead a very weak link supports",
			n:    3, nr: 3, nk: 3,
			ru: []string{"0|0", "1|1@0.4", "2|2"},
			kk: []string{"0|0", "1|1@0.98", "2|2"},
			rk: []string{"0|0", "1|1@0.4", "2|2"},
		},
		{
			// The Russian desk added a run after the translation of English 1 (two Russian
			// sentences), and en–ru took the translation for that of English 1 and 2 together,
			// leaving Russian 3, the translation of English 2, after the run. en–kk and ru–kk are
			// sure of the path from English 2 to Russian 3: English 2 leaves the merged bead.
			name: "sentence slid out of a merged bead",
			n:    4, nr: 5, nk: 4,
			ru:     []string{"0|0", "1 2|1 2@0.95", "-|3@0.55", "3|4"},
			kk:     []string{"0|0", "1|1@0.85", "2|2@0.98", "3|3"},
			rk:     []string{"0|0", "1 2|1", "3|2@0.99", "4|3"},
			wantRu: "2>[3]",
		},
		{
			// The mirror image, in en–kk.
			name: "sentence slid out of a merged Kazakh bead",
			n:    4, nr: 4, nk: 5,
			ru:     []string{"0|0", "1|1@0.85", "2|2@0.98", "3|3"},
			kk:     []string{"0|0", "1 2|1 2@0.95", "-|3@0.55", "3|4"},
			rk:     []string{"0|0", "1|1 2", "2|3@0.99", "3|4"},
			wantKk: "2>[3]",
		},
		{
			// The path is no surer than the merged bead: nothing changes.
			name: "sentence in a merged bead surer than the path",
			n:    4, nr: 5, nk: 4,
			ru: []string{"0|0", "1 2|1 2@0.99", "-|3@0.55", "3|4"},
			kk: []string{"0|0", "1|1@0.85", "2|2@0.98", "3|3"},
			rk: []string{"0|0", "1 2|1", "3|2@0.99", "4|3"},
		},
		{
			// The path gives English 2 a sentence of the merged bead itself: that is no slide,
			// and nothing changes.
			name: "path inside the merged bead",
			n:    4, nr: 4, nk: 4,
			ru: []string{"0|0", "1 2|1 2@0.9", "3|3"},
			kk: []string{"0|0", "1|1@0.98", "2|2@0.98", "3|3"},
			rk: []string{"0|0", "1|1", "2|2", "3|3"},
		},
		{
			// The same run, with en–kk less sure of its beads (0.8-0.9, as a pair is next to
			// a run it does not know where to put): they are not weak, and the very weak beads
			// of the run are undone all the same.
			name: "weak run nothing supports, other pivot not weak",
			n:    5, nr: 4, nk: 5,
			ru:     []string{"0|0", "1 2|1@0.3", "3|2@0.4", "4|3"},
			kk:     []string{"0|0", "1|1@0.8", "2|2@0.85", "3|3@0.9", "4|4"},
			rk:     []string{"0|0", "1|-@0.4", "-|1@0.4", "-|2@0.4", "2|-@0.4", "-|3@0.4", "3|4"},
			wantRu: "1>[] 2>[] 3>[] -<[2]",
		},
		{
			// en–kk's beads are weak too (0.6): nothing changes.
			name: "weak run nothing supports, other pivot weak",
			n:    5, nr: 4, nk: 5,
			ru: []string{"0|0", "1 2|1@0.3", "3|2@0.4", "4|3"},
			kk: []string{"0|0", "1|1@0.6", "2|2@0.6", "3|3@0.6", "4|4"},
			rk: []string{"0|0", "1|-@0.4", "-|1@0.4", "-|2@0.4", "2|-@0.4", "-|3@0.4", "3|4"},
		},
		{
			// en–kk is not sure enough of its own bead: nothing changes.
			name: "weak bead, other pivot not sure",
			n:    3, nr: 3, nk: 3,
			ru: []string{"0|0", "1|1@0.6", "2|2"},
			kk: []string{"0|0", "1|1@0.9", "2|2"},
			rk: []string{"0|0", "1|-@0.5", "-|1@0.5", "2|2"},
		},
		{
			// The mirror image: en–kk is the weak one, and the path through Russian gives
			// English 1 its Kazakh 2 (Kazakh 1 being an addition).
			name: "Kazakh addition taken for a translation",
			n:    3, nr: 3, nk: 4,
			ru:     []string{"0|0", "1|1@0.95", "2|2"},
			kk:     []string{"0|0", "1|1@0.6", "-|2@0.6", "2|3"},
			rk:     []string{"0|0", "-|1@0.9", "1|2@0.9", "2|3"},
			wantKk: "1>[2]",
		},
		{
			// The path through Russian is not sure enough (ru–kk at 0.7): nothing changes.
			name: "weak third alignment",
			n:    3, nr: 3, nk: 4,
			ru: []string{"0|0", "1|1@0.95", "2|2"},
			kk: []string{"0|0", "1|1@0.6", "-|2@0.6", "2|3"},
			rk: []string{"0|0", "-|1@0.7", "1|2@0.7", "2|3"},
		},
		{
			// ru–kk merged the Russian with two Kazakh sentences: not used as a path.
			name: "merged bead of the third alignment",
			n:    3, nr: 3, nk: 4,
			ru: []string{"0|0", "1|1@0.95", "2|2"},
			kk: []string{"0|0", "1|1@0.6", "-|2@0.6", "2|3"},
			rk: []string{"0|0", "1|1 2@0.95", "2|3"},
		},
		{
			// ru–kk pairs Kazakh 1 with Russian 1, but en–ru holds Russian 1 with English 2 in a
			// sure bead: the path through Kazakh would move it across that bead, so it does not
			// overrule en–ru's weak bead of English 1.
			name: "across a sure bead",
			n:    4, nr: 3, nk: 4,
			ru: []string{"0|0", "1|-@0.5", "2|1", "3|2"},
			kk: []string{"0|0", "1|1@0.95", "2|2", "3|3"},
			rk: []string{"0|0", "1|1@0.9", "-|2@0.9", "2|3"},
		},
		{
			// ru–kk pairs Russian 2 with Kazakh 1 (the two desks dropped different sentences
			// and ru–kk, with no English to go by, paired what was left in order), but en–kk
			// holds Kazakh 1 with English 1 in a bead that is not weak: the path through
			// Russian does not take it away from English 1 for English 2.
			name: "target sentence held by another English sentence",
			n:    3, nr: 3, nk: 2,
			ru: []string{"0|0", "1|1@0.99", "2|2@0.99"},
			kk: []string{"0|0", "1|1@0.9", "2|-@0.5"},
			rk: []string{"0|0", "1|-@0.9", "2|1@0.99"},
		},
		{
			// The same where en–kk's bead of English 1 and Kazakh 1 is weak: the paths through
			// Russian give English 1 no Kazakh and English 2 Kazakh 1.
			name: "target sentence weakly held by another English sentence",
			n:    3, nr: 3, nk: 2,
			ru:     []string{"0|0", "1|1@0.99", "2|2@0.99"},
			kk:     []string{"0|0", "1|1@0.6", "2|-@0.5"},
			rk:     []string{"0|0", "1|-@0.9", "2|1@0.99"},
			wantKk: "1>[] 2>[1]",
		},
		{
			// The Russian desk dropped English 1, and en–ru took Russian 1 for the translation of
			// English 1 and 2 (its length fits no worse). en–kk holds each English sentence
			// with a Kazakh one, and ru–kk pairs Russian 1 with Kazakh 2 alone and leaves Kazakh
			// 1 alone: English 1 has no Russian, English 2 keeps Russian 1.
			name: "Russian dropped a sentence that en–ru merged with the next",
			n:    4, nr: 3, nk: 4,
			ru:     []string{"0|0", "1 2|1@0.77", "3|2"},
			kk:     []string{"0|0", "1|1@1", "2|2@0.99", "3|3"},
			rk:     []string{"0|0", "-|1@0.68", "1|2@0.68", "2|3"},
			wantRu: "1>[] 2>[1]",
		},
		{
			// The mirror image, the dropped sentence second: English 2 has no Kazakh.
			name: "Kazakh dropped a sentence that en–kk merged with the one before",
			n:    4, nr: 4, nk: 3,
			ru:     []string{"0|0", "1|1@1", "2|2@1", "3|3"},
			kk:     []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:     []string{"0|0", "1|1@0.94", "2|-@0.76", "3|2"},
			wantKk: "1>[1] 2>[]",
		},
		{
			// ru–kk pairs Russian 1 with both Kazakh sentences: the Russian desk translated
			// the two English sentences as one, and nothing changes.
			name: "one translation of two sentences",
			n:    4, nr: 3, nk: 4,
			ru: []string{"0|0", "1 2|1@0.67", "3|2"},
			kk: []string{"0|0", "1|1@0.88", "2|2@0.99", "3|3"},
			rk: []string{"0|0", "1|1 2@0.57", "2|3"},
		},
		{
			// en–kk is weak about English 1: no evidence that Russian dropped it.
			name: "merged pivot bead, other pivot weak",
			n:    4, nr: 3, nk: 4,
			ru: []string{"0|0", "1 2|1@0.77", "3|2"},
			kk: []string{"0|0", "1|1@0.6", "2|2@0.99", "3|3"},
			rk: []string{"0|0", "-|1@0.68", "1|2@0.68", "2|3"},
		},
		{
			// The pivot bead is surer than the path that contradicts it.
			name: "sure pivot bead",
			n:    3, nr: 3, nk: 3,
			ru: []string{"0|0", "1|1@0.99", "2|2"},
			kk: []string{"0|0", "1|1@0.95", "2|2"},
			rk: []string{"0|0", "1|-@0.9", "-|1@0.9", "2|2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr, pk := arbitrate(beads(tt.ru...), beads(tt.kk...), beads(tt.rk...), tt.n, tt.nr, tt.nk)
			if got := pins(pr); got != tt.wantRu {
				t.Errorf("en–ru pins %q, want %q", got, tt.wantRu)
			}
			if got := pins(pk); got != tt.wantKk {
				t.Errorf("en–kk pins %q, want %q", got, tt.wantKk)
			}
		})
	}
}

// TestArbitrateSince: a bead that only the alignment held to pins made does not keep its target
// sentence from a sure path through the other translation; one the first alignment made too does.
func TestArbitrateSince(t *testing.T) {
	ru := beadList("0|0", "1|1@0.99", "2|2@0.99")
	kk := beadList("0|0", "1|1@0.9", "2|-@0.5")
	rk := beadList("0|0", "1|-@0.9", "2|1@0.99")
	if _, pk := arbitrateSince(ru, kk, rk, 3, 3, 2, ru, kk); pinString(pk) != "" {
		t.Errorf("first alignment holds the bead: en–kk pins %q, want none", pinString(pk))
	}
	first := beadList("0|0", "1|-@0.6", "2|1@0.6")
	if _, pk := arbitrateSince(ru, kk, rk, 3, 3, 2, ru, first); pinString(pk) != "2>[1]" {
		t.Errorf("only the realigned pair holds the bead: en–kk pins %q, want %q", pinString(pk), "2>[1]")
	}
}

// TestSettle: the pairs realigned holding the first round's pins are arbitrated again, and a bead
// the realignment made of a freed sentence and a neighbour for want of better is undone too.
func TestSettle(t *testing.T) {
	// The Russian desk dropped English 1 and 2 and added Russian 1 and 2; en–ru took Russian 1
	// for English 1's translation and left the rest alone. The first round undoes that bead;
	// aligned again holding it, en–ru pairs the other addition with English 2, weakly, which the
	// second round undoes (the path through Kazakh is sure that English 2 has no Russian).
	ru := beadList("0|0", "1|1@0.4", "2|-@0.9", "-|2@0.9", "3|3")
	kk := beadList("0|0", "1|1@0.98", "2|2@0.98", "3|3")
	rk := beadList("0|0", "1|-@0.4", "-|1@0.4", "2|-@0.9", "-|2@0.9", "3|3")
	realigned := [][]Bead{
		beadList("0|0", "1|-@0.6", "-|1@0.6", "2|2@0.45", "3|3"),
		beadList("0|0", "1|-@0.6", "-|1@0.6", "2|-@0.55", "-|2@0.55", "3|3"),
	}
	var calls []string
	gotRu, gotKk := settle(ru, kk, rk, 4, 4, 4, func(o int, beads []Bead, pins []pivotPin) []Bead {
		if o != 0 {
			t.Fatalf("en–kk realigned with pins %s", pinString(pins))
		}
		calls = append(calls, pinString(pins))
		return realigned[min(len(calls), len(realigned))-1]
	})
	want := []string{"1>[] -<[1]", "1>[] -<[1] 2>[]"}
	if !slices.Equal(calls, want) {
		t.Errorf("en–ru realigned with pins %q, want %q", calls, want)
	}
	if !slices.EqualFunc(gotRu, realigned[1], beadEqual) || !slices.EqualFunc(gotKk, kk, beadEqual) {
		t.Errorf("settled on %v and %v", gotRu, gotKk)
	}
}

func beadEqual(a, b Bead) bool {
	return slices.Equal(a.Src, b.Src) && slices.Equal(a.Tgt, b.Tgt) && a.Score == b.Score
}

// TestRepair: a pair aligned again holds the pins, and a pinned bead carries the score of the
// evidence that decided it, not the 1 of a bead a person confirmed.
func TestRepair(t *testing.T) {
	en := goldenSentences(
		"The court in Astana sentenced the former minister to 9 years in prison on Monday.",
		"He was found guilty of taking bribes worth 2.5 billion tenge.",
		"His lawyer said they would appeal the verdict next week.",
		"The case began in 2022.",
	)
	ru := goldenSentences(
		"В понедельник суд Астаны приговорил бывшего министра к 9 годам лишения свободы.",
		"Его признали виновным в получении взяток на 2,5 млрд тенге.",
		"Погода в столице в выходные останется тёплой и солнечной, обещают синоптики.",
		"Дело было возбуждено в 2022 году.",
	)
	opt := Options{SrcLang: "en", TgtLang: "ru"}
	before := pairFixed(en, ru, opt, nil)
	if got := repair(en, ru, opt, before, nil); !slices.EqualFunc(got, before, func(a, b Bead) bool {
		return slices.Equal(a.Src, b.Src) && slices.Equal(a.Tgt, b.Tgt) && a.Score == b.Score
	}) {
		t.Errorf("no pins: %v, want the beads as they were %v", got, before)
	}
	got := repair(en, ru, opt, before, []pivotPin{{en: 2, tgt: []int{}, score: 0.85}})
	var s []string
	for _, b := range got {
		s = append(s, strings.TrimSuffix(groupString(Group{En: b.Src, Ru: b.Tgt, Kk: []int{}}), "|-"))
		if slices.Equal(b.Src, []int{2}) && b.Score != 0.85 {
			t.Errorf("pinned bead score %v, want 0.85", b.Score)
		}
	}
	// (the order of the two one-sided beads is the aligner's)
	if want, or := []string{"0|0", "1|1", "2|-", "-|2", "3|3"}, []string{"0|0", "1|1", "-|2", "2|-", "3|3"}; !slices.Equal(s, want) && !slices.Equal(s, or) {
		t.Errorf("beads %q, want %q", s, want)
	}
}

// TestRepairAddition: a pin of a target sentence without English holds it alone, after the
// English sentence it was paired with, with the pin's score; pins whose target sentences are out
// of order are dropped (those without English first) instead of making the alignment panic.
func TestRepairAddition(t *testing.T) {
	en := goldenSentences(
		"The court in Astana sentenced the former minister to 9 years in prison on Monday.",
		"He was found guilty of taking bribes worth 2.5 billion tenge.",
		"His lawyer said they would appeal the verdict next week.",
		"The case began in 2022.",
	)
	ru := goldenSentences(
		"В понедельник суд Астаны приговорил бывшего министра к 9 годам лишения свободы.",
		"Его признали виновным в получении взяток на 2,5 млрд тенге.",
		"Погода в столице в выходные останется тёплой и солнечной, обещают синоптики.",
		"Дело было возбуждено в 2022 году.",
	)
	opt := Options{SrcLang: "en", TgtLang: "ru"}
	before := pairFixed(en, ru, opt, nil)
	str := func(beads []Bead) []string {
		var s []string
		for _, b := range beads {
			s = append(s, strings.TrimSuffix(groupString(Group{En: b.Src, Ru: b.Tgt, Kk: []int{}}), "|-"))
		}
		return s
	}
	got := repair(en, ru, opt, before, []pivotPin{{en: 2, tgt: []int{}, score: 0.85}, {en: 2, tgt: []int{2}, score: 0.8, noEn: true}})
	if want := []string{"0|0", "1|1", "2|-", "-|2", "3|3"}; !slices.Equal(str(got), want) {
		t.Errorf("beads %q, want %q", str(got), want)
	}
	for _, b := range got {
		if len(b.Src) == 0 && b.Score != 0.8 {
			t.Errorf("pinned addition score %v, want 0.8", b.Score)
		}
	}
	// Russian 1 without English cannot follow English 2's pin to Russian 2.
	got = repair(en, ru, opt, before, []pivotPin{{en: 2, tgt: []int{2}, score: 0.9}, {en: 2, tgt: []int{1}, score: 0.9, noEn: true}})
	if want := []string{"0|0", "1|1", "2|2", "3|3"}; !slices.Equal(str(got), want) {
		t.Errorf("out-of-order pins: beads %q, want %q", str(got), want)
	}
}

// TestStrangers: a pivot bead's target sentence that shares no name, number or loanword with an
// English sentence and its other translation, which share several, is split off as a sentence
// without English (a desk's addition put in place of a dropped sentence); a translation that
// shares one stays, and so does a bead the pair is sure of, or one whose group gives too little
// evidence.
func TestStrangers(t *testing.T) {
	en := goldenSentences(
		"Kazakhstan's parliament approved the 2024 budget on Tuesday.",
		"Finance Minister Madi Takiyev said spending on schools in Almaty and Shymkent would rise by 12 percent.",
		"The opposition voted against it.",
	)
	ru := goldenSentences(
		"Парламент Казахстана во вторник утвердил бюджет на 2024 год.",
		"Министр финансов Мади Такиев сказал, что расходы на школы в Алматы и Шымкенте вырастут на 12 процентов.",
		"Оппозиция голосовала против.",
	)
	kkAdded := goldenSentences(
		"Қазақстан парламенті сейсенбі күні 2024 жылғы бюджетті бекітті.",
		"Мадрид заңсыз деп таныған, ал Каталондық сепаратистер жеңісін жариялады.",
		"Оппозиция қарсы дауыс берді.",
	)
	kkKept := goldenSentences(
		"Қазақстан парламенті сейсенбі күні 2024 жылғы бюджетті бекітті.",
		"Қаржы министрі Мәди Такиев мектептерге жұмсалатын шығын өседі деді.",
		"Оппозиция қарсы дауыс берді.",
	)
	keys := func(lang string, ss []Sentence) *anchorKeys { return newAnchorKeys(lang, ss, nil) }
	ke, kr := keys("en", en), keys("ru", ru)
	tests := []struct {
		name   string
		kk     []Sentence
		en, rk []string // the en–kk beads to repair, and the en–ru ones
		want   string
		ru1    string // if set, Russian 1
		en1    string // if set, English 1
		// apart: the ru–kk alignment pairs no Kazakh sentence with a Russian one (otherwise it
		// pairs them in order, Kazakh j with Russian j)
		apart bool
	}{
		{
			name: "addition in place of a dropped sentence",
			kk:   kkAdded,
			en:   []string{"0|0", "1|1@0.8", "2|2"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|- -|1 2|2",
		},
		{
			name: "translation that shares a name",
			kk:   kkKept,
			en:   []string{"0|0", "1|1@0.8", "2|2"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|1 2|2",
		},
		{
			name: "sure bead",
			kk:   kkAdded,
			en:   []string{"0|0", "1|1@0.97", "2|2"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|1 2|2",
		},
		{
			name: "too little agreement to judge",
			kk:   goldenSentences("Қазақстан парламенті сейсенбі күні 2024 жылғы бюджетті бекітті.", "Қаржы министрі Мәди Такиев мектептерге жұмсалатын шығын өседі деді.", "Мадрид заңсыз деп таныған."),
			en:   []string{"0|0", "1|1", "2|2@0.8"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|1 2|2",
		},
		{
			name: "English sentence the other translation merged with a neighbour",
			kk:   kkAdded,
			en:   []string{"0|0", "1|1@0.8", "2|2"},
			rk:   []string{"0 1|0 1", "2|2"},
			want: "0|0 1|1 2|2",
		},
		{
			name: "a run added in place of a dropped sentence",
			kk:   goldenSentences("Қазақстан парламенті сейсенбі күні 2024 жылғы бюджетті бекітті.", "Мадрид заңсыз деп таныған.", "Каталондық сепаратистер жеңісін жариялады.", "Оппозиция қарсы дауыс берді."),
			en:   []string{"0|0", "1|1 2@0.8", "2|3"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|- -|1 -|2 2|3",
		},
		{
			// The addition names a city of English 1 that its Russian leaves out: a word in
			// common by chance, not one of those English 1 and its Russian agree on.
			name: "addition that shares only a word the other translation lacks",
			kk:   goldenSentences("Қазақстан парламенті сейсенбі күні 2024 жылғы бюджетті бекітті.", "Шымкент әкімі жаңа саябақ ашты.", "Оппозиция қарсы дауыс берді."),
			ru1:  "Министр финансов Мади Такиев сказал, что расходы на школы в Алматы вырастут на 12 процентов.",
			en:   []string{"0|0", "1|1@0.8", "2|2"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|- -|1 2|2",
		},
		{
			// English 1 and its Russian share two names only (Takiyev, Shymkent): too little alone, but the
			// Russian–Kazakh alignment does not pair the addition with that Russian either.
			name:  "two keys agreed on, addition apart in ru–kk",
			kk:    kkAdded,
			en1:   "Takiyev said spending in Shymkent would rise.",
			ru1:   "Такиев сказал, что расходы в Шымкенте вырастут.",
			en:    []string{"0|0", "1|1@0.8", "2|2"},
			rk:    []string{"0|0", "1|1", "2|2"},
			apart: true,
			want:  "0|0 1|- -|1 2|2",
		},
		{
			name: "two keys agreed on, addition paired in ru–kk",
			kk:   kkAdded,
			en1:  "Takiyev said spending in Shymkent would rise.",
			ru1:  "Такиев сказал, что расходы в Шымкенте вырастут.",
			en:   []string{"0|0", "1|1@0.8", "2|2"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|1 2|2",
		},
		{
			name:  "one key agreed on, addition apart in ru–kk",
			kk:    kkAdded,
			en1:   "Takiyev said spending would rise.",
			ru1:   "Такиев сказал, что расходы вырастут.",
			en:    []string{"0|0", "1|1@0.8", "2|2"},
			rk:    []string{"0|0", "1|1", "2|2"},
			apart: true,
			want:  "0|0 1|1 2|2",
		},
		{
			name: "translation in two sentences, one without a name",
			kk:   goldenSentences("Қазақстан парламенті сейсенбі күні 2024 жылғы бюджетті бекітті.", "Мектептерге жұмсалатын шығын өседі.", "Мұны қаржы министрі Мәди Такиев айтты.", "Оппозиция қарсы дауыс берді."),
			en:   []string{"0|0", "1|1 2@0.8", "2|3"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|1 2 2|3",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ke, kr := ke, kr
			if tt.ru1 != "" {
				ru := slices.Clone(ru)
				ru[1] = goldenSentences(tt.ru1)[0]
				kr = keys("ru", ru)
			}
			if tt.en1 != "" {
				en := slices.Clone(en)
				en[1] = goldenSentences(tt.en1)[0]
				ke = keys("en", en)
			}
			linked := func(t, o int) bool { return !tt.apart && t == o }
			got := strangers(beadList(tt.en...), beadList(tt.rk...), len(en), ke, keys("kk", tt.kk), kr, linked)
			var s []string
			for _, b := range got {
				s = append(s, strings.TrimSuffix(groupString(Group{En: b.Src, Ru: b.Tgt, Kk: []int{}}), "|-"))
			}
			if strings.Join(s, " ") != tt.want {
				t.Errorf("beads %q, want %q", strings.Join(s, " "), tt.want)
			}
		})
	}
}

// TestDropMerges checks that a weak pivot bead of two English sentences, which the other pivot
// alignment holds one to one, is split: the desk dropped one of the two, and the target sentence
// stays with the English sentence it shares names and numbers with, or else whose length it fits.
func TestDropMerges(t *testing.T) {
	en := goldenSentences(
		"Kazakhstan's parliament approved the 2024 budget on Tuesday.",
		"The opposition voted against it.",
		"Finance Minister Madi Takiyev said spending on schools in Almaty and Shymkent would rise by 12 percent.",
		"The vote was held in Astana.",
	)
	ru := goldenSentences(
		"Парламент Казахстана во вторник утвердил бюджет на 2024 год.",
		"Оппозиция голосовала против.",
		"Министр финансов Мади Такиев сказал, что расходы на школы в Алматы и Шымкенте вырастут на 12 процентов.",
		"Голосование прошло в Астане.",
	)
	kk := func(second string) []Sentence {
		return goldenSentences("Қазақстан парламенті сейсенбі күні 2024 жылғы бюджетті бекітті.", second, "Дауыс беру Астанада өтті.")
	}
	// The Kazakh desk dropped English 1; its translation of English 2 has no name or number
	// (long: the length decides), or is short but has English 2's name and number (they decide).
	noNames := kk("Мектептерге бөлінетін қаржы келер жылы біршама көбейеді деп мәлімдеді ол бүгін.")
	short := kk("Такиев: 12 пайыз.")
	merged := kk("Оппозиция қарсы дауыс берді, ал қаржы министрі Мәди Такиев Алматы мен Шымкенттегі мектептерге жұмсалатын шығын 12 пайызға өседі деді.")
	keys := func(lang string, ss []Sentence) *anchorKeys { return newAnchorKeys(lang, ss, nil) }
	// English 1 and Russian 1 with a number (number14), and with English 2's name as well
	// (takiev14): a target without the number, with English 2's name and number, is English 2's
	// translation alone, however sure the bead and whatever the lengths.
	number14 := [2]string{"The opposition, 14 deputies, voted against it.", "Оппозиция, 14 депутатов, голосовала против."}
	takiev14 := [2]string{"Takiev said the opposition, 14 deputies, voted against it.", "Такиев сказал, что оппозиция, 14 депутатов, голосовала против."}
	merged14 := kk("Оппозицияның 14 депутаты қарсы дауыс берді, ал қаржы министрі Мәди Такиев Алматы мен Шымкенттегі мектептерге жұмсалатын шығын 12 пайызға өседі деді.")
	long := kk("Қаржы министрі Мәди Такиев Алматы мен Шымкенттегі мектептерге жұмсалатын шығын келер жылы 12 пайызға өседі деп мәлімдеді, бұл туралы ол бүгін журналистерге айтты.")
	tests := []struct {
		name   string
		kk     []Sentence
		en, rk []string // the en–kk beads to repair, and the en–ru ones
		want   string
		one    [2]string // if set, English 1 and Russian 1
		// lexT: if set, the lexicon senses of the Kazakh sentences (lexE those of English)
		lexE, lexT [][]uint32
	}{
		{
			name: "no name or number: the length decides",
			kk:   noNames,
			en:   []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			want: "0|0 1|- 2|1 3|2",
		},
		{
			name: "the name and number decide over the length",
			kk:   short,
			en:   []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			want: "0|0 1|- 2|1 3|2",
		},
		{
			name: "weak bead, but the lengths say one translation of the two",
			kk:   merged,
			en:   []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			want: "0|0 1 2|1 3|2",
		},
		{
			// The same lengths, but the target shares two senses with English 2 and none with
			// English 1: a long translation of English 2 alone.
			name: "the lengths say one translation of the two, the lexicon says English 2",
			kk:   merged,
			en:   []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			lexE: [][]uint32{{1}, {2, 3}, {4, 5, 6}, {7}},
			lexT: [][]uint32{{1}, {4, 6, 9}, {7}},
			want: "0|0 1|- 2|1 3|2",
		},
		{
			name: "the lexicon finds words of both English sentences in the target",
			kk:   merged,
			en:   []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			lexE: [][]uint32{{1}, {2, 3}, {4, 5, 6}, {7}},
			lexT: [][]uint32{{1}, {3, 4, 6}, {7}},
			want: "0|0 1 2|1 3|2",
		},
		{
			name: "the lexicon finds one word of English 2 only",
			kk:   merged,
			en:   []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			lexE: [][]uint32{{1}, {2, 3}, {4, 5, 6}, {7}},
			lexT: [][]uint32{{1}, {4, 9}, {7}},
			want: "0|0 1 2|1 3|2",
		},
		{
			name: "sure bead: one translation of two sentences",
			kk:   noNames,
			en:   []string{"0|0", "1 2|1@0.9", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			want: "0|0 1 2|1 3|2",
		},
		{
			name: "sure bead, but the target lacks English 1's number, which Russian 1 has",
			kk:   short,
			en:   []string{"0|0", "1 2|1@0.97", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			want: "0|0 1|- 2|1 3|2",
			one:  number14,
		},
		{
			name: "weak bead whose length fits both, but the target lacks English 1's number",
			kk:   long,
			en:   []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			want: "0|0 1|- 2|1 3|2",
			one:  number14,
		},
		{
			name: "sure bead with the numbers of both",
			kk:   merged14,
			en:   []string{"0|0", "1 2|1@0.97", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			want: "0|0 1 2|1 3|2",
			one:  number14,
		},
		{
			name: "sure bead with English 2's name, which English 1 has too, but not English 1's number",
			kk:   short,
			en:   []string{"0|0", "1 2|1@0.97", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			want: "0|0 1|- 2|1 3|2",
			one:  takiev14,
		},
		{
			name: "sure bead with English 1's name and number",
			kk:   merged14,
			en:   []string{"0|0", "1 2|1@0.97", "3|2"},
			rk:   []string{"0|0", "1|1", "2|2", "3|3"},
			want: "0|0 1 2|1 3|2",
			one:  takiev14,
		},
		{
			name: "the other translation merged the two as well",
			kk:   noNames,
			en:   []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:   []string{"0|0", "1 2|1 2", "3|3"},
			want: "0|0 1 2|1 3|2",
		},
		{
			name: "the other translation dropped one of the two",
			kk:   noNames,
			en:   []string{"0|0", "1 2|1@0.6", "3|2"},
			rk:   []string{"0|0", "1|-", "2|1", "3|2"},
			want: "0|0 1 2|1 3|2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en, ru := en, ru
			if tt.one[0] != "" {
				en, ru = slices.Clone(en), slices.Clone(ru)
				en[1], ru[1] = goldenSentences(tt.one[0])[0], goldenSentences(tt.one[1])[0]
			}
			ke, kr := keys("en", en), keys("ru", ru)
			var lex func() ([][]uint32, [][]uint32)
			if tt.lexT != nil {
				lex = func() ([][]uint32, [][]uint32) { return tt.lexE, tt.lexT }
			}
			got := dropMerges(beadList(tt.en...), beadList(tt.rk...), en, tt.kk, ke, keys("kk", tt.kk), kr, lex)
			var s []string
			for _, b := range got {
				s = append(s, strings.TrimSuffix(groupString(Group{En: b.Src, Ru: b.Tgt, Kk: []int{}}), "|-"))
			}
			if strings.Join(s, " ") != tt.want {
				t.Errorf("beads %q, want %q", strings.Join(s, " "), tt.want)
			}
		})
	}
}

// TestLexStrangers checks that a weak pivot bead whose target sentence shares no word of the
// lexicons with its English sentence, whose other translation shares several, is undone.
func TestLexStrangers(t *testing.T) {
	en := goldenSentences(
		"The parliament met on Tuesday.",
		"The government said the new school would open in the city next year.",
		"The opposition voted against it.",
	)
	ru := goldenSentences(
		"Парламент собрался во вторник.",
		"Правительство заявило, что новая школа откроется в городе в следующем году.",
		"Оппозиция голосовала против.",
	)
	kk := func(second string) []Sentence {
		return goldenSentences("Парламент сейсенбі күні жиналды.", second, "Оппозиция қарсы дауыс берді.")
	}
	added := kk("Футболшы допты екінші таймда қақпаға соқты.")
	kept := kk("Үкімет жаңа мектеп келесі жылы қалада ашылатынын айтты.")
	keys := func(lang string, ss []Sentence) *anchorKeys { return newAnchorKeys(lang, ss, nil) }
	tests := []struct {
		name   string
		kk     []Sentence
		ru     []Sentence
		en, rk []string // the en–kk beads to repair, and the en–ru ones
		want   string
	}{
		{name: "addition in place of a dropped sentence", kk: added, ru: ru, en: []string{"0|0", "1|1@0.8", "2|2"}, rk: []string{"0|0", "1|1", "2|2"}, want: "0|0 1|- -|1 2|2"},
		{name: "translation that shares words", kk: kept, ru: ru, en: []string{"0|0", "1|1@0.8", "2|2"}, rk: []string{"0|0", "1|1", "2|2"}, want: "0|0 1|1 2|2"},
		{name: "sure bead", kk: added, ru: ru, en: []string{"0|0", "1|1@0.97", "2|2"}, rk: []string{"0|0", "1|1", "2|2"}, want: "0|0 1|1 2|2"},
		{
			// The Russian gives the year as a number, the English does not: the addition's number
			// is a key in common with the Russian alone, by chance.
			name: "addition that shares a number with the other translation only",
			kk:   kk("Стадионға 2025 жанкүйер келді."),
			ru:   goldenSentences("Парламент собрался во вторник.", "Правительство заявило, что новая школа откроется в городе в 2025 году.", "Оппозиция голосовала против."),
			en:   []string{"0|0", "1|1@0.8", "2|2"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|- -|1 2|2",
		},
		{
			name: "too little agreement to judge",
			kk:   added,
			ru:   goldenSentences("Парламент собрался во вторник.", "Так и вышло.", "Оппозиция голосовала против."),
			en:   []string{"0|0", "1|1@0.8", "2|2"},
			rk:   []string{"0|0", "1|1", "2|2"},
			want: "0|0 1|1 2|2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pe, pt := lexKeys(en, tt.kk, Options{SrcLang: "en", TgtLang: "kk"})
			oe, oo := lexKeys(en, tt.ru, Options{SrcLang: "en", TgtLang: "ru"})
			if tt.name == "addition in place of a dropped sentence" && commonKeys(oe[1], oo[1]) < lexStrangerAgree {
				t.Fatalf("the English and Russian sentences share %d keys: the fixture does not exercise the rule", commonKeys(oe[1], oo[1]))
			}
			got := lexStrangers(beadList(tt.en...), beadList(tt.rk...), len(en), pe, pt, oe, oo, keys("kk", tt.kk))
			var s []string
			for _, b := range got {
				s = append(s, strings.TrimSuffix(groupString(Group{En: b.Src, Ru: b.Tgt, Kk: []int{}}), "|-"))
			}
			if strings.Join(s, " ") != tt.want {
				t.Errorf("beads %q, want %q", strings.Join(s, " "), tt.want)
			}
		})
	}
}

// TestLexCandidates checks when Three needs the keys lexStrangers reads.
func TestLexCandidates(t *testing.T) {
	for _, tt := range []struct {
		name          string
		beads, other  []string
		n             int
		wantCandidate bool
	}{
		{"all sure", []string{"0|0", "1|1"}, []string{"0|0", "1|1"}, 2, false},
		{"weak bead, other one to one", []string{"0|0", "1|1@0.8"}, []string{"0|0", "1|1"}, 2, true},
		{"weak bead, other has no sentence", []string{"0|0", "1|1@0.8"}, []string{"0|0", "1|-"}, 2, false},
		{"weak bead of two sentences", []string{"0|0", "1|1 2@0.8"}, []string{"0|0", "1|1"}, 2, false},
	} {
		if got := lexCandidates(beadList(tt.beads...), beadList(tt.other...), tt.n); got != tt.wantCandidate {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.wantCandidate)
		}
	}
}
