/**
 * The lists an approval item (行政许可事项) publishes beyond its name and basis: 申请材料目录 with their forms
 * (申请书示范文本), 办理流程, 收费, 办理渠道 and the 市场准入负面清单 measures it implements. 行政许可法 art. 30
 * requires the 事项、依据、条件、数量、程序、期限 and 需要提交的全部材料的目录和申请书示范文本 to be published; art. 58
 * allows fees only where a law or administrative regulation sets them, so each fee names its basis.
 */
import { z } from 'zod';
import { YuanAmountCanonical } from '../lib/money.js';
import { PERSONAL_DATA_KEY, line, prose, withGuard } from './text.js';

/** An http(s) address, guarded like every request string. */
export const WebAddress = withGuard(z.url({ protocol: /^https?$/ }).max(2048), 'refused');

const Form = z
  .strictObject({
    title: line(200).meta({ title: '示范文本名称', example: '食品经营许可申请书' }),
    url: WebAddress.optional().meta({ title: '示范文本下载地址', example: 'https://scjgj.example.gov.cn/forms/spjy-sqs.docx' }),
  })
  .meta({ id: 'ApprovalForm', title: '申请书示范文本', description: 'The form an applicant fills in, and where to get it (行政许可法 art. 30).' });

export const ApprovalMaterial = z
  .strictObject({
    name: line(300).meta({ title: '材料名称', example: '食品经营许可申请书' }),
    form: Form.optional(),
    copies: z.int().min(1).max(99).optional().meta({ title: '份数', example: 1 }),
    required: z.boolean().meta({ title: '是否必需', description: 'false = 容缺/视情提交 (needed only in the cases the note states).' }),
    note: prose(1000).optional().meta({ title: '材料说明', example: '原件1份，加盖公章。' }),
  })
  .meta({ id: 'ApprovalMaterial', title: '申请材料' });
export type ApprovalMaterial = z.output<typeof ApprovalMaterial>;

export const ApprovalStep = z
  .strictObject({
    name: line(100).meta({ title: '办理环节', example: '受理' }),
    description: prose(2000).optional().meta({ title: '环节说明' }),
    days: z.int().min(0).max(365).optional().meta({ title: '环节时限(工作日)', description: 'Working days this step may take (行政许可法 art. 82: periods are working days).' }),
  })
  .meta({ id: 'ApprovalStep', title: '办理环节' });
export type ApprovalStep = z.output<typeof ApprovalStep>;

export const ApprovalFee = z
  .strictObject({
    name: line(200).meta({ title: '收费项目', example: '证书工本费' }),
    amount: YuanAmountCanonical.refine((a) => a !== '0.00', 'A fee of 0: leave fees empty when the item is free of charge (不收费).').meta({
      [PERSONAL_DATA_KEY]: 'number',
      title: '收费标准(元)',
      description: 'Yuan as a decimal string, at most 2 decimals; stored and published with exactly 2.',
      example: '10.00',
    }),
    basis: line(500).meta({ title: '收费依据', description: 'The law or administrative regulation that sets the fee (行政许可法 art. 58).', example: '《某某收费管理办法》第五条' }),
  })
  .meta({ id: 'ApprovalFee', title: '收费' });
export type ApprovalFee = z.output<typeof ApprovalFee>;

const CHANNELS = ['window', 'online'] as const;
export const ApprovalChannel = z.enum(CHANNELS).meta({ title: '办理渠道', description: 'window = 窗口办理; online = 网上办理.' });
export type ApprovalChannel = z.output<typeof ApprovalChannel>;

/** 事项编码 of the 市场准入负面清单: six digits, the identity of an item across list editions. */
export const NegativeListItemCode = z
  .string()
  .regex(/^\d{6}$/, '负面清单事项编码: 6 digits.')
  .meta({ title: '负面清单事项编码', description: 'The 6-digit 事项编码 of the 市场准入负面清单, stable across editions.', example: '201001', minLength: 6, maxLength: 6 });

export const NegativeListReference = z
  .strictObject({
    itemCode: NegativeListItemCode,
    measureNo: z.int().min(1).max(99).optional().meta({ title: '措施序号', description: 'The measure within the item (①②… as 1, 2 …); absent = the item as a whole.', example: 1 }),
  })
  .meta({ id: 'NegativeListReference', title: '实施的负面清单措施' });
export type NegativeListReference = z.output<typeof NegativeListReference>;

/** Each list entry once: `key` tells two entries apart, a repeat is named at `field` of the later one. */
export function noRepeats<T>(list: T[] | undefined, key: (entry: T) => string, path: string, field: string | null, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  list?.forEach((entry, i) => {
    const k = key(entry);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: field === null ? [path, i] : [path, i, field], message: 'Listed twice.' });
    seen.add(k);
  });
}
