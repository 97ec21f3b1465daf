/**
 * Cell conversions of a 行政许可事项清单 file: how 办事指南 tables write lists, limits and fees, to the request
 * shape of POST /v1/approval-items. A list cell is either that shape as JSON (an array, for full detail: forms
 * and their addresses, notes) or the plain text a list usually holds (one entry per line or between ；).
 * Each function throws CellError naming what the column accepts (docs/approval-items.md#import).
 */
import { CellError } from './values.js';

/** Entries of a text list: lines or ；-separated parts, their numbering (1. 1、 （1） ①) taken off. */
const entries = (cell: string, separators = /[\n；;]+/) =>
  cell
    .split(separators)
    .map((e) => e.trim().replace(/^(?:\d{1,3}\s*[.、．)）]|[（(]\d{1,3}[)）]|[\u2460-\u2473])\s*/u, '').trim())
    .filter(Boolean);

/** A JSON array cell, given as is to the schema (which names any bad member); undefined for plain text. */
function jsonList(cell: string): unknown[] | undefined {
  if (!cell.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(cell);
    if (Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw new CellError('Starts with "[" but is not a JSON array: write the list as JSON, or as plain text (one entry per line).');
}

/** 法定/承诺办结时限 in working days (行政许可法 art. 82): 20, 20个工作日, 20日; 即办 or 当场办结 = 0. */
export function workingDays(cell: string): number {
  if (/^(即办|即时办结|当场办结|当场办理)$/.test(cell)) return 0;
  const m = /^(\d{1,3})\s*(?:个?工作日|日)?$/.exec(cell);
  if (!m) throw new CellError(`"${cell}" is not a time limit: write the working days, e.g. 20 or 20个工作日 (即办 for 0).`);
  return Number(m[1]);
}

const CHANNEL = new Map<string, string>([
  ...['窗口', '窗口办理', '线下', '线下办理', '现场', '现场办理', 'window'].map((n) => [n, 'window'] as [string, string]),
  ...['网上', '网上办理', '网办', '线上', '线上办理', '在线办理', '全程网办', 'online'].map((n) => [n, 'online'] as [string, string]),
]);

/** 办理渠道: 窗口办理、网上办理 (or window, online), each once. */
export function channels(cell: string): string[] {
  const out: string[] = [];
  for (const name of cell.split(/[、，,;；/\s]+|和|及/).filter(Boolean)) {
    const code = CHANNEL.get(name.toLowerCase());
    if (code === undefined) throw new CellError(`Unknown 办理渠道 "${name}": write 窗口办理 and/or 网上办理 (or window, online).`);
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** 申请材料: one material per entry; "（2份）" sets the copies, "（非必需）" / "（容缺）" / "（视情提交）" marks it optional. */
export function materials(cell: string): unknown[] {
  return (
    jsonList(cell) ??
    entries(cell).map((entry) => {
      let name = entry;
      let required = true;
      let copies: number | undefined;
      for (let m = /[（(]([^（()）]*)[)）]$/.exec(name); m; m = /[（(]([^（()）]*)[)）]$/.exec(name)) {
        const inner = m[1]!.trim();
        const count = /^(\d{1,2})\s*份$/.exec(inner);
        if (count) copies = Number(count[1]);
        else if (/^(非必需|非必要|容缺|选填|视情提交|视情况提交|如有)$/.test(inner)) required = false;
        else break;
        name = name.slice(0, m.index).trim();
      }
      return { name, required, ...(copies === undefined ? {} : { copies }) };
    })
  );
}

/** 办理流程: steps in order, separated by →, lines or ；; "审查（8个工作日）" gives the step's time limit. */
export function steps(cell: string): unknown[] {
  return (
    jsonList(cell) ??
    entries(cell, /\s*(?:→|->|—>|=>|\n|；|;)\s*/).map((entry) => {
      const m = /^(.+?)\s*[（(]\s*(\d{1,3})\s*(?:个?工作日|日)\s*[)）]$/.exec(entry);
      return m ? { name: m[1]!.trim(), days: Number(m[2]) } : { name: entry };
    })
  );
}

/** 收费标准: 不收费 (or 无, 免费, 否) for none; else "证书工本费：10元（收费依据）" per entry. */
export function fees(cell: string): unknown[] {
  if (/^(不收费|免费|无|否|零收费)$/.test(cell)) return [];
  return (
    jsonList(cell) ??
    entries(cell).map((entry) => {
      const m = /^(.+?)\s*[:：]\s*(\d+(?:\.\d+)?)\s*元\s*[（(](.+)[)）]$/.exec(entry);
      if (!m) throw new CellError(`"${entry}" is not a fee: write 名称：金额元（收费依据）, e.g. 证书工本费：10元（《某某办法》第五条）; or 不收费.`);
      return { name: m[1]!.trim(), amount: m[2], basis: m[3]!.trim() };
    })
  );
}

/** 负面清单事项编码: 6-digit codes, each optionally with its measure: 201001, 201001-2, 201001（2）, 201001第2项. */
export function negativeListMeasures(cell: string): unknown[] {
  return (
    jsonList(cell) ??
    entries(cell, /[\n；;、，,\s]+/).map((entry) => {
      const m = /^(\d{6})(?:\s*(?:[-－—]|第|[（(])\s*(\d{1,2})\s*项?\s*[)）]?)?$/.exec(entry);
      if (!m) throw new CellError(`"${entry}" is not a 负面清单事项编码: write the 6-digit code, optionally with the measure (201001-2).`);
      return m[2] ? { itemCode: m[1], measureNo: Number(m[2]) } : { itemCode: m[1] };
    })
  );
}
