package document_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
)

// TestLanguagesAgreeWithCheck: import-tmx and check read a TMX with the
// same reader and map its language tags with the same mapper (package
// langtag), so a variant check counts is never left out by import-tmx as
// another language, and the other way round. For a tag that is no
// language tag at all, check refuses the file and import-tmx lists the
// tag among the languages it left out.
func TestLanguagesAgreeWithCheck(t *testing.T) {
	langs := []string{"en", "ru", "kk"}
	for _, tag := range []string{
		"en", "EN", "en-US", "EN-US", "en_GB", "eng", "ENG", "ru", "ru-RU", "ru_RU", "ru_RU.UTF-8", "rus",
		"kk", "KK", "kk-KZ", "kk_KZ", "kk-Cyrl-KZ", "kk-Latn", "kaz", "kaz-KZ",
		"de", "deu", "fr-FR", "zh-Hant-TW", "und", "x-foo", "mul", "", "garbage", "*all*", "kz",
	} {
		file := `<tmx><body><tu><tuv xml:lang="` + tag + `"><seg>Text.</seg></tuv></tu><tu><tuv xml:lang="ru"><seg>Текст.</seg></tuv></tu></body></tmx>`
		m, err := tmx.Read(strings.NewReader(file), "x.tmx")
		if tag == "" {
			// An empty xml:lang is a missing one, for both.
			if err == nil {
				t.Errorf("empty tag: tmx.Read accepted it")
			}
			if _, err := check.ReadTMX("x.tmx", []byte(file), langs); err == nil {
				t.Errorf("empty tag: check accepted it")
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tag, err)
		}
		mem, err := document.FromTMX(m, "x.tmx", langs, "en")
		if err != nil {
			t.Fatalf("%q: %v", tag, err)
		}
		imported := strings.Join(mem.Langs, ",")
		cm, err := check.ReadTMX("x.tmx", []byte(file), langs)
		var ie *check.InputError
		switch {
		case errors.As(err, &ie) && ie.Code == check.CodeBadLang:
			if imported != "ru" || strings.Join(mem.OtherLangs, ",") != strings.ToLower(tag) {
				t.Errorf("%q: check refuses it as no language tag, import-tmx files it under %q (others %v)", tag, imported, mem.OtherLangs)
			}
		case err != nil:
			t.Fatalf("%q: %v", tag, err)
		default:
			checked := strings.Join(sorted(cm.Langs, langs), ",")
			if checked != imported {
				t.Errorf("%q: import-tmx files it under %q, check under %q", tag, imported, checked)
			}
		}
	}
}

// sorted orders ls as order has them.
func sorted(ls, order []string) []string {
	var out []string
	for _, l := range order {
		for _, x := range ls {
			if x == l {
				out = append(out, l)
			}
		}
	}
	return out
}
