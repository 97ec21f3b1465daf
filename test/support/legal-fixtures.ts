import { expect } from 'vitest';
import type { TestContext } from './app.js';

/*
 * Legal texts for power and discretion-benchmark tests, published through POST /v1/legal-bases as the
 * operator. Article texts are quoted exactly from the published laws.
 */

interface FixtureArticle {
  no: string;
  label: string;
  text: string;
}

interface FixtureBasis {
  title: string;
  level: string;
  issuer: string;
  promulgatedOn: string;
  effectiveOn: string;
  repealedOn?: string;
  articles: FixtureArticle[];
}

/** Publishes one legal basis with its articles; returns its id. */
async function insertLegalBasis(t: TestContext, basis: FixtureBasis): Promise<string> {
  const res = await t.post('/v1/legal-bases', basis);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const PENALTY_LAW: FixtureBasis = {
  title: '中华人民共和国行政处罚法',
  level: '法律',
  issuer: '全国人民代表大会常务委员会',
  promulgatedOn: '2021-01-22',
  effectiveOn: '2021-07-15',
  articles: [
    { no: '34', label: '第三十四条', text: '行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权。行政处罚裁量基准应当向社会公布。' },
    { no: '39', label: '第三十九条', text: '行政处罚的实施机关、立案依据、实施程序和救济渠道等信息应当公示。' },
  ],
};

const ROAD_TRANSPORT_REGULATION: FixtureBasis = {
  title: '中华人民共和国道路运输条例',
  level: '行政法规',
  issuer: '国务院',
  promulgatedOn: '2004-04-30',
  effectiveOn: '2004-07-01',
  articles: [
    {
      no: '63',
      label: '第六十三条',
      text:
        '违反本条例的规定，未取得道路运输经营许可，擅自从事道路运输经营的，由县级以上道路运输管理机构责令停止经营；有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款；构成犯罪的，依法追究刑事责任。',
    },
    { no: '68', label: '第六十八条', text: '违反本条例的规定，客运经营者、货运经营者不按照规定携带车辆营运证的，由县级以上道路运输管理机构责令改正，处警告或者20元以上200元以下的罚款。' },
  ],
};

/** A fictional local rule, repealed in the past: citing it must be flagged. */
const REPEALED_RULE: FixtureBasis = {
  title: '示例市客运出租汽车管理暂行办法',
  level: '地方政府规章',
  issuer: '示例市人民政府',
  promulgatedOn: '2010-03-01',
  effectiveOn: '2010-05-01',
  repealedOn: '2020-01-01',
  articles: [{ no: '12', label: '第十二条', text: '未取得客运出租汽车经营许可的，不得从事客运出租汽车经营。' }],
};

export interface LegalFixtures {
  penaltyLaw: string;
  roadRegulation: string;
  repealedRule: string;
}

/** The three texts above, published in this test file's database. */
export async function insertLegalFixtures(t: TestContext): Promise<LegalFixtures> {
  return {
    penaltyLaw: await insertLegalBasis(t, PENALTY_LAW),
    roadRegulation: await insertLegalBasis(t, ROAD_TRANSPORT_REGULATION),
    repealedRule: await insertLegalBasis(t, REPEALED_RULE),
  };
}
