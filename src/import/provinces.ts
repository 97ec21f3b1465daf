/**
 * The 31 province-level divisions of the mainland with their GB/T 2260 codes, for the 地方性许可事项 column of a
 * negative-list file, which names the province of a local licensing measure (广东省, or 广东). Cities and
 * counties are not listed: a measure named for one is refused rather than widened to its province.
 */

interface Province {
  code: string;
  name: string;
  short: string;
}

const p = (code: string, name: string, short: string): Province => ({ code, name, short });

const PROVINCES: readonly Province[] = [
  p('110000', '北京市', '北京'),
  p('120000', '天津市', '天津'),
  p('130000', '河北省', '河北'),
  p('140000', '山西省', '山西'),
  p('150000', '内蒙古自治区', '内蒙古'),
  p('210000', '辽宁省', '辽宁'),
  p('220000', '吉林省', '吉林'),
  p('230000', '黑龙江省', '黑龙江'),
  p('310000', '上海市', '上海'),
  p('320000', '江苏省', '江苏'),
  p('330000', '浙江省', '浙江'),
  p('340000', '安徽省', '安徽'),
  p('350000', '福建省', '福建'),
  p('360000', '江西省', '江西'),
  p('370000', '山东省', '山东'),
  p('410000', '河南省', '河南'),
  p('420000', '湖北省', '湖北'),
  p('430000', '湖南省', '湖南'),
  p('440000', '广东省', '广东'),
  p('450000', '广西壮族自治区', '广西'),
  p('460000', '海南省', '海南'),
  p('500000', '重庆市', '重庆'),
  p('510000', '四川省', '四川'),
  p('520000', '贵州省', '贵州'),
  p('530000', '云南省', '云南'),
  p('540000', '西藏自治区', '西藏'),
  p('610000', '陕西省', '陕西'),
  p('620000', '甘肃省', '甘肃'),
  p('630000', '青海省', '青海'),
  p('640000', '宁夏回族自治区', '宁夏'),
  p('650000', '新疆维吾尔自治区', '新疆'),
];

/** A province by its full name (广东省), short name (广东) or code (440000); undefined otherwise. */
export function provinceNamed(text: string): Province | undefined {
  const s = text.replace(/\s+/g, '');
  return PROVINCES.find((x) => s === x.name || s === x.short || s === x.code);
}

/** The one province a text names (by full or short name), or undefined when it names none or several. */
export function provinceMentioned(text: string): Province | undefined {
  const found = PROVINCES.filter((x) => text.includes(x.short));
  return found.length === 1 ? found[0] : undefined;
}
