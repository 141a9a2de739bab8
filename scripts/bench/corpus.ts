/**
 * A synthetic seed corpus of N documents for benchmarks, made by recombining
 * the real seeds: each file takes a real document's head (notice, title,
 * preamble) and interleaves its top-level sections (一、二、…) with a second
 * document's, renumbered, under a new region and title. Deterministic: the
 * same N gives the same files.
 *
 * Run alone: `npm exec -- node scripts/bench/corpus.ts 2000 /tmp/seeds-2000`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestDirectory } from '../ingest/index.ts';
import type { PolicyDocument } from '../ingest/model.ts';
import type { Place } from '../ingest/metadata.ts';
import { z } from 'zod';
import { PlaceSchema } from '../contract/curated.ts';
import { loadJsonFile } from '../contract/json-file.ts';

/** Options for {@link writeSyntheticSeeds}. */
export interface SyntheticCorpusOptions {
  /** Number of documents (one per file). */
  documents: number;
  /** Folder to write into; a new temp folder by default. */
  dir?: string;
  /** The real seeds to recombine. Default seeds/. */
  seedsDir?: string;
  curatedDir?: string;
}

/** What was written. */
export interface SyntheticCorpus {
  dir: string;
  files: number;
  bytes: number;
}

/** Regions the synthetic documents are issued in: [province, city, district]. */
export const REGIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['河南省', '洛阳市', '西工区'],
  ['河南省', '郑州市', '金水区'],
  ['江苏省', '苏州市', '吴中区'],
  ['江苏省', '无锡市', '梁溪区'],
  ['浙江省', '宁波市', '鄞州区'],
  ['浙江省', '温州市', '鹿城区'],
  ['安徽省', '合肥市', '蜀山区'],
  ['湖北省', '襄阳市', '樊城区'],
  ['湖南省', '株洲市', '天元区'],
  ['四川省', '绵阳市', '涪城区'],
  ['陕西省', '宝鸡市', '渭滨区'],
  ['福建省', '泉州市', '丰泽区'],
  ['广东省', '佛山市', '顺德区'],
  ['江西省', '赣州市', '章贡区'],
  ['辽宁省', '大连市', '甘井子区'],
  ['吉林省', '长春市', '朝阳区'],
  ['山西省', '太原市', '小店区'],
  ['河北省', '唐山市', '路北区'],
  ['广西壮族自治区', '柳州市', '城中区'],
  ['云南省', '曲靖市', '麒麟区'],
  ['贵州省', '遵义市', '红花岗区'],
  ['甘肃省', '天水市', '秦州区'],
  ['黑龙江省', '大庆市', '萨尔图区'],
  ['内蒙古自治区', '包头市', '昆都仑区'],
];

/**
 * The synthetic regions as curated places (content/curated/places.json
 * entries), so their documents get a region and level like real ones. Add
 * them to the curated places of the copy the synthetic site is built in.
 */
export function syntheticPlaces(): Place[] {
  const out = new Map<string, Place>();
  REGIONS.forEach(([province, city, district], i) => {
    if (!out.has(province)) out.set(province, { name: province, level: '省', slug: `syn-p${i}` });
    out.set(city, { name: city, parent: province, level: '市', slug: `syn-c${i}` });
    out.set(district, { name: district, aliases: [city + district], parent: city, level: '区', slug: `syn-d${i}` });
  });
  return [...out.values()];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const SECTION_START = /^\s*([一二三四五六七八九十]{1,3})、/;

/** A real document's raw lines split into its head and top-level sections. */
interface Parts {
  doc: PolicyDocument;
  head: string[];
  sections: string[][];
}

function splitParts(doc: PolicyDocument, lines: string[]): Parts {
  const head: string[] = [];
  const sections: string[][] = [];
  for (const line of lines) {
    if (SECTION_START.test(line)) sections.push([line]);
    else if (sections.length > 0) sections[sections.length - 1].push(line);
    else head.push(line);
  }
  return { doc, head, sections };
}

/** Replaces every place name of the document's region path with the synthetic one. */
function relocate(text: string, doc: PolicyDocument, region: readonly [string, string, string]): string {
  const from = doc.meta.region.value;
  let out = text;
  from.forEach((name, i) => {
    out = out.split(name).join(region[Math.min(i, 2)]);
    // Short forms in running text: 济南 → 洛阳.
    const short = name.replace(/(省|市|区|自治区)$/, '');
    if (short.length >= 2) out = out.split(short).join(region[Math.min(i, 2)].replace(/(省|市|区|壮族自治区|自治区)$/, ''));
  });
  return out;
}

/** Builds the text of synthetic document `i` from two real ones (pure). */
export function recombine(i: number, base: Parts, donor: Parts): string {
  const region = REGIONS[i % REGIONS.length];
  // Unique per file: two files with one title and near-identical text would merge as copies of one document.
  const serial = `（第${i + 1}号）`;
  const title = base.doc.meta.title.value;
  const newTitle = relocate(title, base.doc, region) + serial;
  const head = replaceTitle(relocate(base.head.join('\n'), base.doc, region), relocate(title, base.doc, region), newTitle);
  const count = Math.min(NUMERALS.length, Math.max(base.sections.length, donor.sections.length));
  const body: string[] = [];
  for (let k = 0; k < count; k++) {
    const from = (k % 2 === 1 && donor.sections[k]) || base.sections[k] || donor.sections[k];
    if (!from) continue;
    const source = from === donor.sections[k] ? donor : base;
    const lines = relocate(from.join('\n'), source.doc, region).split('\n');
    lines[0] = lines[0].replace(SECTION_START, `${NUMERALS[countSections(body)]}、`);
    body.push(...lines);
  }
  return `${head}\n${body.join('\n')}\n`;
}

/**
 * Puts the new title where the old one is printed, also when the head breaks it
 * over two lines (001: "深入推进新型工业化" / "加快建设工业强市三年行动计划"); left
 * in place, such a title would make every file from that document one document.
 */
function replaceTitle(head: string, title: string, newTitle: string): string {
  const spaced = new RegExp([...title].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'g');
  return head.replace(spaced, () => newTitle);
}

function countSections(lines: string[]): number {
  return lines.filter((l) => SECTION_START.test(l)).length;
}

/** Adds the synthetic places to a curated folder's places.json (use on a copy of content/curated only). */
export function addSyntheticPlaces(curatedDir: string): void {
  const file = path.join(curatedDir, 'places.json');
  const places = loadJsonFile(file, z.array(PlaceSchema), 'the gazetteer').data;
  const known = new Set(places.map((p) => p.name));
  fs.writeFileSync(file, `${JSON.stringify([...places, ...syntheticPlaces().filter((p) => !known.has(p.name))], null, 2)}\n`);
}

/** Writes N synthetic seed files (syn_00000.txt …) and returns where. */
export function writeSyntheticSeeds(options: SyntheticCorpusOptions): SyntheticCorpus {
  const corpus = ingestDirectory(options.seedsDir ?? 'seeds', options.curatedDir ?? 'content/curated');
  const parts = corpus.documents
    // Documents whose title the editors supplied have no title line to rewrite; news items have no sections.
    .filter((d) => !d.meta.title.curated && d.meta.kind.value !== '新闻报道')
    .map((d) => {
      const src = d.sources[0];
      return splitParts(d, corpus.sources[src.file].slice(src.lineStart - 1, src.lineEnd));
    })
    .filter((p) => p.sections.length >= 2 && p.head.join('').includes(p.doc.meta.title.value.slice(0, 6)));
  if (parts.length < 2) throw new Error('synthetic corpus: fewer than two usable seed documents to recombine');
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-seeds-'));
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < options.documents; i++) {
    const base = parts[i % parts.length];
    const donor = parts[(i * 7 + 3) % parts.length] === base ? parts[(i + 1) % parts.length] : parts[(i * 7 + 3) % parts.length];
    const text = recombine(i, base, donor);
    const file = path.join(dir, `syn_${String(i).padStart(5, '0')}.txt`);
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, files: options.documents, bytes };
}

if (import.meta.main) {
  const written = writeSyntheticSeeds({ documents: Number(process.argv[2] ?? 2000), dir: process.argv[3] });
  console.log(`synthetic corpus: ${written.files} files, ${(written.bytes / 1e6).toFixed(1)} MB in ${written.dir}`);
}
