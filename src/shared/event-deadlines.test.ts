import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_DEADLINES } from '../domain/obligations/types';
import { eventDeadlineLabel } from './event-deadlines';

describe('event deadline words', () => {
  it('names every deadline code the rules use, in Chinese and English', () => {
    for (const code of Object.values(EVENT_DEADLINES)) {
      const label = eventDeadlineLabel(code);
      assert.notEqual(label.zh, code, `${code} has no Chinese words`);
      assert.notEqual(label.en, code);
    }
  });
  it('reads ISO durations', () => {
    assert.deepEqual(eventDeadlineLabel('PT1H'), {
      zh: '事件发生后1小时内',
      en: 'within 1 hour of the event',
    });
    assert.equal(eventDeadlineLabel('P3D').zh, '事件发生后3日内');
  });
});
