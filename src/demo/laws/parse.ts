import { parseChineseNumber } from '../../lib/article-no.js';
import type { LegalArticleInput } from '../../schemas/legal-articles.js';

const ARTICLE = /^第([零一二三四五六七八九十百千]+)条(?:之([零一二三四五六七八九十]+))?[ 　]+(.+)$/;
const ITEM = /^（([零一二三四五六七八九十]+)）(.+)$/;

/**
 * Turns a statute excerpt in LawRefBook's markdown (## 章, ### 节, one 款 per paragraph, （一） lines for 项)
 * into article payloads. The text is kept verbatim: the article text is its paragraphs joined by line breaks.
 */
export function parseArticles(markdown: string): LegalArticleInput[] {
  const out: (LegalArticleInput & { lines: string[] })[] = [];
  let chapter = '';
  let section = '';
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('## ')) [chapter, section] = [line.slice(3), ''];
    else if (line.startsWith('### ')) section = line.slice(4);
    else {
      const head = ARTICLE.exec(line);
      if (head) {
        const main = parseChineseNumber(head[1]!);
        const sub = head[2] ? parseChineseNumber(head[2]) : null;
        out.push({ no: `${main}${sub ? '-' + sub : ''}`, chapter: [chapter, section].filter(Boolean).join(' ') || undefined, text: '', paragraphs: [], lines: [] });
        addLine(out[out.length - 1]!, head[3]!);
      } else {
        const article = out[out.length - 1];
        if (!article) throw new Error(`Text before the first article: ${line}`);
        addLine(article, line);
      }
    }
  }
  return out.map(({ lines, ...a }) => ({ ...a, text: lines.join('\n') }));
}

function addLine(article: LegalArticleInput & { lines: string[] }, line: string): void {
  article.lines.push(line);
  const paragraphs = article.paragraphs!;
  const item = ITEM.exec(line);
  const last = paragraphs[paragraphs.length - 1];
  if (item && last) {
    (last.items ??= []).push({ no: parseChineseNumber(item[1]!)!, text: item[2]! });
  } else {
    paragraphs.push({ no: paragraphs.length + 1, text: line });
  }
}
