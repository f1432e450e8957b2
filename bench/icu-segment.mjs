// Sentence segmentation with ICU (node's Intl.Segmenter), the yardstick of
// `tilmash segment` in bench/all.sh. Reads FILE, feeds it to the segmenter
// line by line (ICU has no notion of paragraphs: a line is the unit it is
// given), and prints the number of sentences; with --print, the sentences.
//
// Usage: node bench/icu-segment.mjs LANG FILE [--print]
import { readFileSync } from "node:fs";

const [lang, file, print] = process.argv.slice(2);
if (!lang || !file) {
	console.error("usage: node bench/icu-segment.mjs LANG FILE [--print]");
	process.exit(2);
}
const seg = new Intl.Segmenter(lang, { granularity: "sentence" });
const text = readFileSync(file, "utf8");
let n = 0;
const out = [];
for (const line of text.split("\n")) {
	if (line.trim() === "") continue;
	for (const s of seg.segment(line)) {
		const t = s.segment.trim();
		if (t === "") continue;
		n++;
		if (print) out.push(t);
	}
}
if (print) process.stdout.write(out.join("\n") + "\n");
else console.log(n);
