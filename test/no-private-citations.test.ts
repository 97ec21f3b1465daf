/**
 * The project cites only what its users have: a law, rule, notice or standard by name (docs/ says which rule
 * comes from where), never a document outside the repository. Fails when a file of the project outside docs/,
 * or the OpenAPI document the server serves, names such a document or one of its source tags again, and when a
 * link into docs/ names a file or anchor that does not exist (or docs/ a source path that is gone).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = join(ROOT, 'docs');
// This file spells the patterns it looks for.
const SELF = relative(ROOT, fileURLToPath(import.meta.url));
// Not the project's own files (dependencies, version control, local data and build output, as .gitignore lists
// them); docs/ is checked for its links only.
const SKIP_DIRS = new Set(['.git', 'node_modules', '.data', 'dist', '.wrangler', 'coverage', 'build', 'docs']);
const SKIP_FILES = /\.(log|tmp)$/;

const PRIVATE: { what: string; pattern: RegExp }[] = [
  { what: 'a domain or design note outside the repository', pattern: /\b(?:DOMAIN|DESIGN)\.md\b/ },
  { what: 'a path of the shared notes folder', pattern: /\/work\/shared\b|(?:^|[\s'"`(])(?:\.\.\/)*shared\/[\w.-]+\.md\b/m },
  { what: 'a source-confidence tag', pattern: /\[[SU]\]|\[C\](?=\s)/ },
  { what: 'a source id', pattern: /\bS\d{1,2}[a-z]\b|\bS\d{1,2} arts?\. / },
];

function projectFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : projectFiles(path);
    return entry.isFile() && !SKIP_FILES.test(entry.name) ? [relative(ROOT, path)] : [];
  });
}

/** Every mention of a private document in `text`, as "line: text" for the failure message. */
function privateCitations(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => PRIVATE.filter((p) => p.pattern.test(line)).map((p) => `${i + 1}: ${p.what}: ${line.trim().slice(0, 160)}`));
}

/** The anchors a docs file defines: `<a id="…"></a>`. */
function anchorsOf(file: string): Set<string> {
  return new Set([...readFileSync(join(DOCS, file), 'utf8').matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!));
}

const t = useTestApp();

describe('citations of documents outside the repository', () => {
  it('no file of the project outside docs/ mentions one', () => {
    const files = projectFiles().filter((f) => f !== SELF);
    // The walk found the project, not an empty or wrong folder.
    expect(files.length).toBeGreaterThan(300);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'src/app.ts', 'src/data/publicity-rules.json', 'test/support/app.ts']));
    const found = files.flatMap((f) => privateCitations(readFileSync(join(ROOT, f), 'utf8')).map((hit) => `${f}:${hit}`));
    expect(found).toEqual([]);
  });

  it('the served OpenAPI document mentions none', async () => {
    const res = await t.request('/openapi.json');
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body, null, 1);
    expect(text).toContain('国办发〔2018〕118号');
    expect(privateCitations(text)).toEqual([]);
  });

  it('each pattern catches what it is for', () => {
    const tags = ['[S]', 'S'].join(' ') + '17f';
    const samples = [['DOMAIN', 'md'].join('.'), `see ${['shared', 'DESIGN.md'].join('/')}`, tags, ['S5', 'arts. 13–14'].join(' ')];
    for (const sample of samples) expect(privateCitations(sample), sample).not.toEqual([]);
    for (const fine of ['RFC 9112 §9.6', 'import * as shared from', "code: 'S1'", '行政处罚法 art. 48 ¶2', 'record[K] = v']) {
      expect(privateCitations(fine), fine).toEqual([]);
    }
  });
});

describe('docs/', () => {
  it('every link into it names a docs file and anchor that exist', () => {
    const docs = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
    expect(docs).toContain('README.md');
    const anchors = new Map(docs.map((f) => [f, anchorsOf(f)]));
    const links: { from: string; file: string; anchor: string | undefined }[] = [];
    // From the code, tests and README: docs/<file>.md or docs/<file>.md#<anchor>.
    for (const from of projectFiles()) {
      for (const m of readFileSync(join(ROOT, from), 'utf8').matchAll(/\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g)) links.push({ from, file: m[1]!, anchor: m[2] });
    }
    // Inside docs/: relative Markdown links, [text](file.md#anchor) or [text](#anchor).
    for (const from of docs) {
      for (const m of readFileSync(join(DOCS, from), 'utf8').matchAll(/\]\((?!https?:)([\w-]+\.md)?(?:#([\w-]+))?\)/g)) {
        links.push({ from: `docs/${from}`, file: m[1] ?? from, anchor: m[2] });
      }
    }
    expect(links.length).toBeGreaterThan(50);
    const broken = links.filter((l) => !existsSync(join(DOCS, l.file)) || (l.anchor !== undefined && !anchors.get(l.file)?.has(l.anchor)));
    expect(broken.map((l) => `${l.from} -> ${l.file}${l.anchor ? `#${l.anchor}` : ''}`)).toEqual([]);
  });

  it('names only source files and folders that exist', () => {
    const named = readdirSync(DOCS)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => [...readFileSync(join(DOCS, f), 'utf8').matchAll(/`(src\/[\w./-]+)`/g)].map((m) => ({ from: f, path: m[1]! })));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((n) => !existsSync(join(ROOT, n.path))).map((n) => `docs/${n.from} -> ${n.path}`)).toEqual([]);
  });
});
