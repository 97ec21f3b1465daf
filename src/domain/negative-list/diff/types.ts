/** What the diff reads of an edition: items by 事项编码, each with its measures in table order. */
export interface DiffMeasure {
  text: string;
  starred: boolean;
  local: { regionCode: string; regionName: string } | null;
  authorities: string[];
}

export interface DiffItem {
  /** 6-digit 事项编码: the identity of an item across editions. */
  code: string;
  category: 'prohibited' | 'permitted';
  /** 项目号 */
  itemNo: number;
  name: string;
  measures: DiffMeasure[];
}

export interface DiffEdition {
  code: string;
  title: string;
  items: DiffItem[];
}
