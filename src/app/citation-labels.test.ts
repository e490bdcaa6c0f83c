import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OBLIGATION_RULES } from '../domain/obligations/evaluate';
import { citationLabeller, loadShippedKnowledgeBase } from './citation-labels';

const label = citationLabeller(loadShippedKnowledgeBase());

describe('citation labels name the public instrument', () => {
  it('gives title, number, dates, article and the official URL', () => {
    const dto = label({ instrumentId: 'csl-2016', provisionId: 'art-21' });
    assert.equal(dto.labelZh, '《中华人民共和国网络安全法》第二十一条');
    assert.equal(
      dto.referenceZh,
      '《中华人民共和国网络安全法》（中华人民共和国主席令第五十三号，2016-11-07公布，2017-06-01施行）第二十一条',
    );
    assert.match(dto.referenceEn ?? '', /Cybersecurity Law.*2016-11-07.*2017-06-01.*Art\. 21/);
    assert.equal(dto.url, 'https://www.cac.gov.cn/2016-11/07/c_1119867116.htm');
  });

  it('standards are known by their number and link to the national standards portal', () => {
    const dto = label({ instrumentId: 'gbt-22240-2020', provisionId: 'expert-review' });
    assert.match(dto.labelZh, /^GB\/T 22240-2020《/);
    assert.match(dto.referenceZh ?? '', /GB\/T 22240-2020，2020-04-28公布，2020-11-01施行/);
    assert.match(dto.url ?? '', /^https:\/\/openstd\.samr\.gov\.cn\//);
  });

  it('no URL where no official publication was found', () => {
    const dto = label({ instrumentId: 'mps-letter-2025-1846', provisionId: 'q-6' });
    assert.match(dto.referenceZh ?? '', /公网安〔2025〕1846号/);
    assert.equal(dto.url, null);
  });

  it('every rule citation resolves to a reference with a number or a date', () => {
    for (const rule of OBLIGATION_RULES)
      for (const c of rule.citations) {
        const dto = label(c);
        assert.notEqual(dto.referenceZh, c.instrumentId, `${rule.id}: ${c.instrumentId}`);
        assert.match(dto.referenceZh ?? '', /（.+）/, `${rule.id}: ${c.instrumentId}`);
      }
  });
});
