/**
 * One complete, valid request body per decision kind, published as the `examples` of its create schema: a
 * reader of the document sees every field filled in, and a client generating requests from the document (the
 * fuzzer in fuzz/) can start from a body that passes the cross-field rules JSON Schema cannot express. A test
 * checks that each example passes its own schema.
 */
export const penaltyExample = {
  party: { name: '示例市某某贸易有限公司', category: '01', creditCode: '91440106MA5CQ8R10E', legalRepresentative: '张三' },
  decisionNumber: '示市监处罚〔2026〕12号',
  violationType: '销售不符合食品安全标准的食品',
  facts: '当事人于2026年10月销售超过保质期的食品。',
  basis: '《中华人民共和国食品安全法》第一百二十四条',
  penaltyTypes: ['01', '02'],
  content: '警告，罚款人民币2000元。',
  fineAmount: '2000.00',
  decisionDate: '2026-11-20',
  validUntil: '2027-11-20',
};

export const licenceExample = {
  party: { name: '示例市某某餐饮店', category: '03', creditCode: '92440103MA4WX2K576', legalRepresentative: '李四' },
  documentTitle: '示例市市场监督管理局关于示例市某某餐饮店食品经营许可的决定',
  decisionNumber: '示市监许〔2026〕88号',
  category: '01',
  certificateName: '食品经营许可证',
  licenceNumber: 'JY14401030000088',
  content: '准予食品经营许可，经营项目：热食类食品制售。',
  decisionDate: '2026-11-20',
  validFrom: '2026-11-20',
  validTo: '2031-11-19',
};

export const enforcementActionExample = {
  actionType: '06',
  target: { name: '示例市某某餐饮有限公司', category: '01', creditCode: '91440106MA5CQ8R10E' },
  actionDate: '2026-11-20',
  conclusion: '检查未发现违法行为。',
  documentNumber: '示市监检〔2026〕8号',
};
