import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import { FACE_RECOGNITION_2025, FACE_RECOGNITION_FILING_NOTICE_2025 } from './citations';
import { faceRecognitionDuties, privacyDuties } from './duties';
import {
  FACE_FILING_THRESHOLD,
  FACE_TRANSITIONAL_FILING_DUE,
  faceRecognitionDrafts,
  faceThresholdReachedOn,
} from './face-recognition';
import type { FaceRecognitionFacts, PrivacyDuty, ProcessingActivityFacts } from './types';

// The shipped holiday data, passed in as data (2019–2026).
const calendar = shippedHolidayCalendar();

function face(over: Partial<FaceRecognitionFacts> = {}): FaceRecognitionFacts {
  return {
    storedIndividuals: 20_000,
    reachedThresholdOn: null,
    filedOn: null,
    changedOn: null,
    changeFiledOn: null,
    stoppedOn: null,
    deregisteredOn: null,
    storedOnDevice: true,
    alternativeOffered: true,
    ...over,
  };
}

function gate(
  f: Partial<FaceRecognitionFacts> = {},
  over: Partial<ProcessingActivityFacts> = {},
): ProcessingActivityFacts {
  return {
    id: 'gate',
    code: 'PA-FACE',
    name: '小区人脸门禁',
    legalBases: ['consent'],
    dataCategories: ['face_features'],
    individuals: 20_000,
    sensitiveIndividuals: 20_000,
    minorsUnder14: 0,
    recipients: [],
    consents: ['art29_sensitive'],
    automatedDecisionMaking: false,
    publicDisclosure: false,
    publicCameraImages: false,
    otherMajorImpact: null,
    faceRecognition: face(f),
    pipiaApprovedOn: ['2025-05-20'],
    ...over,
  };
}

/** The activity's duties as privacyDuties states them (org facts kept out of the way). */
function duties(a: ProcessingActivityFacts, asOf: string, withCalendar = true): PrivacyDuty[] {
  return privacyDuties({ isCiiOperator: false, totalIndividuals: 0 }, [a], [], asOf, {
    calendar: withCalendar ? calendar : null,
    classify: () => ({ sensitive: true, minorsUnder14: false }),
  }).filter((d) => d.subject.kind === 'activity');
}
const duty = (a: ProcessingActivityFacts, asOf: string, rule: string, withCalendar = true) =>
  duties(a, asOf, withCalendar).find((d) => d.ruleId === `privacy.face.${rule}`);

describe('face recognition: in force 2025-06-01 (Measures, CAC & MPS Order No. 19)', () => {
  it('no face duty before 2025-06-01, the duties from that day', () => {
    assert.deepEqual(faceRecognitionDrafts(gate(), '2025-05-31', { calendar }), []);
    assert.ok(faceRecognitionDrafts(gate(), '2025-06-01', { calendar }).length > 0);
  });

  it('no face duty for an activity without face recognition', () => {
    assert.deepEqual(
      faceRecognitionDrafts(gate({}, { faceRecognition: null }), '2026-01-01', { calendar }),
      [],
    );
  });
});

describe('face recognition: processing rules (Measures Arts. 6–10)', () => {
  it('Art. 6: separate consent (the art29_sensitive consent) when processing relies on consent', () => {
    assert.equal(duty(gate(), '2026-01-05', 'separate-consent')?.state, 'satisfied');
    const missing = duty(gate({}, { consents: [] }), '2026-01-05', 'separate-consent');
    assert.equal(missing?.state, 'open');
    assert.deepEqual(missing?.citations[0], FACE_RECOGNITION_2025.separateConsent);
    assert.deepEqual(missing?.penaltyIds, ['pipl-66-1', 'nds-55']);
  });

  it('Art. 6 / PIPL Art. 13 ¶2: no consent duty when the activity does not rely on consent', () => {
    const hr = gate({}, { legalBases: ['contract_or_hr'], consents: [] });
    assert.equal(duty(hr, '2026-01-05', 'separate-consent'), undefined);
  });

  it('Art. 7: minors under 14 also need the guardian consent', () => {
    const school = gate({}, { minorsUnder14: 300 });
    const d = duty(school, '2026-01-05', 'separate-consent');
    assert.equal(d?.state, 'open');
    assert.match(d?.reasonZh ?? '', /监护人同意/);
    const both = gate({}, { minorsUnder14: 300, consents: ['art29_sensitive', 'art31_guardian'] });
    assert.equal(duty(both, '2026-01-05', 'separate-consent')?.state, 'satisfied');
  });

  it('the face consent duty replaces the plain Art. 29/31 ones (one duty per fact)', () => {
    const rules = duties(gate({}, { minorsUnder14: 3 }), '2026-01-05').map((d) => d.ruleId);
    assert.ok(!rules.includes('privacy.consent.art29_sensitive'));
    assert.ok(!rules.includes('privacy.consent.art31_guardian'));
    // Before the Measures the plain Art. 29 duty is the one shown.
    const before = duties(gate({}, { minorsUnder14: 3 }), '2025-05-31').map((d) => d.ruleId);
    assert.ok(before.includes('privacy.consent.art29_sensitive'));
    assert.ok(before.includes('privacy.consent.art31_guardian'));
  });

  it('the face consent also risks NDS Art. 55 (Art. 22); minors from the classifier alone keep Art. 31', () => {
    const d = duty(gate(), '2026-01-05', 'separate-consent');
    assert.deepEqual(d?.penaltyIds, ['pipl-66-1', 'nds-55']);
    const byCategory = privacyDuties(
      { isCiiOperator: false, totalIndividuals: 0 },
      [gate()],
      [],
      '2026-01-05',
      {
        calendar,
        classify: () => ({ sensitive: true, minorsUnder14: true }),
      },
    );
    assert.equal(
      byCategory.find((x) => x.ruleId === 'privacy.consent.art31_guardian')?.state,
      'open',
    );
    assert.equal(
      byCategory.find((x) => x.ruleId === 'privacy.consent.art29_sensitive'),
      undefined,
    );
  });

  it('Art. 8: stored inside the device; leaving it needs separate consent (then standing)', () => {
    assert.equal(duty(gate(), '2026-01-05', 'storage-on-device')?.state, 'satisfied');
    const cloud = gate({ storedOnDevice: false });
    assert.equal(duty(cloud, '2026-01-05', 'storage-on-device')?.state, 'standing');
    const noConsent = gate({ storedOnDevice: false }, { consents: [] });
    assert.equal(duty(noConsent, '2026-01-05', 'storage-on-device')?.state, 'open');
  });

  it('Art. 8: shortest retention is a continuing duty', () => {
    assert.equal(duty(gate(), '2026-01-05', 'minimal-retention')?.state, 'standing');
  });

  it('Art. 10: face recognition not the only way to verify identity', () => {
    assert.equal(duty(gate(), '2026-01-05', 'not-sole-verification')?.state, 'satisfied');
    const only = gate({ alternativeOffered: false });
    assert.equal(duty(only, '2026-01-05', 'not-sole-verification')?.state, 'open');
  });

  it('Art. 9: prior PIPIA, listed once as privacy.pipia with the face trigger', () => {
    const drafts = faceRecognitionDrafts(gate({}, { pipiaApprovedOn: [] }), '2026-01-05', {
      calendar,
    });
    assert.equal(drafts.find((d) => d.ruleId === 'privacy.face.prior-pipia')?.satisfied, false);
    const listed = duties(gate({}, { pipiaApprovedOn: [] }), '2026-01-05');
    assert.equal(listed.filter((d) => /pipia/.test(d.ruleId)).length, 1);
    const pipia = listed.find((d) => d.ruleId === 'privacy.pipia');
    assert.equal(pipia?.state, 'open');
    assert.ok(
      pipia?.citations.some((c) => c.provisionId === FACE_RECOGNITION_2025.priorPipia.provisionId),
    );
  });
});

describe('faceRecognitionDuties: the face view lists all of them, stated', () => {
  it('Arts. 6, 8, 9, 10 and 15 on one activity, the prior PIPIA included', () => {
    const a = gate(
      { storedIndividuals: 100_000, reachedThresholdOn: '2026-09-28' },
      { pipiaApprovedOn: [] },
    );
    const list = faceRecognitionDuties(a, '2026-10-20', { calendar });
    assert.deepEqual(
      list.map((d) => [d.ruleId, d.state]),
      [
        ['privacy.face.separate-consent', 'satisfied'],
        ['privacy.face.not-sole-verification', 'satisfied'],
        ['privacy.face.storage-on-device', 'satisfied'],
        ['privacy.face.minimal-retention', 'standing'],
        ['privacy.face.prior-pipia', 'open'],
        ['privacy.face.filing', 'due_soon'],
      ],
    );
    assert.ok(
      list.every((d) => d.penaltyIds.includes('pipl-66-1') && d.provenance === 'confirmed'),
    );
  });
});

describe('face recognition: filing with the provincial CAC (Measures Art. 15)', () => {
  it('"达到10万人" includes 100,000: 99,999 stored needs no filing', () => {
    assert.equal(FACE_FILING_THRESHOLD, 100_000);
    assert.equal(faceThresholdReachedOn(face({ storedIndividuals: 99_999 }), '2026-01-05'), null);
    assert.equal(duty(gate({ storedIndividuals: 99_999 }), '2026-01-05', 'filing'), undefined);
    assert.equal(
      faceThresholdReachedOn(face({ storedIndividuals: 100_000 }), '2026-01-05'),
      'unknown',
    );
  });

  it('100,000 stored without the day it was reached: undetermined, says why', () => {
    const d = duty(gate({ storedIndividuals: 100_000 }), '2026-01-05', 'filing');
    assert.equal(d?.state, 'undetermined');
    assert.equal(d?.dueDate, null);
    assert.match(d?.reasonZh ?? '', /未记录达到10万人的日期/);
  });

  it('30 working days from the day reached, start day not counted, across National Day 2026', () => {
    // Mon 2026-09-28: Sep 29–30 (2); Oct 1–7 off; Oct 8–9 (4); Sat Oct 10 worked (5); … Nov 13 (30).
    const a = gate({ storedIndividuals: 100_000, reachedThresholdOn: '2026-09-28' });
    const d = duty(a, '2026-10-20', 'filing');
    assert.equal(d?.dueDate, '2026-11-13');
    assert.equal(d?.state, 'due_soon');
    assert.deepEqual(d?.citations, [FACE_RECOGNITION_2025.filing]);
    assert.equal(duty(a, '2026-11-13', 'filing')?.state, 'due_soon');
    assert.equal(duty(a, '2026-11-14', 'filing')?.state, 'overdue');
  });

  it('reached on 2025-06-01 itself: counted by the Measures, 30 working days = 2025-07-14', () => {
    const a = gate({ storedIndividuals: 150_000, reachedThresholdOn: '2025-06-01' });
    const d = duty(a, '2025-06-10', 'filing');
    assert.equal(d?.dueDate, '2025-07-14');
    assert.deepEqual(d?.citations, [FACE_RECOGNITION_2025.filing]);
  });

  it('reached before 2025-06-01: due 2025-07-14 (CAC announcement of 2025-05-28)', () => {
    const a = gate({ storedIndividuals: 500_000, reachedThresholdOn: '2023-03-01' });
    const d = duty(a, '2025-07-14', 'filing');
    assert.equal(FACE_TRANSITIONAL_FILING_DUE, '2025-07-14');
    assert.equal(d?.dueDate, '2025-07-14');
    assert.equal(d?.state, 'due_soon');
    assert.deepEqual(d?.citations, [
      FACE_RECOGNITION_2025.filing,
      FACE_RECOGNITION_FILING_NOTICE_2025,
    ]);
    assert.equal(duty(a, '2025-07-15', 'filing')?.state, 'overdue');
    // The transitional date needs no calendar.
    assert.equal(duty(a, '2025-07-15', 'filing', false)?.state, 'overdue');
  });

  it('a threshold date after as-of has not happened yet', () => {
    const a = gate({ storedIndividuals: 100_000, reachedThresholdOn: '2026-03-01' });
    assert.equal(duty(a, '2026-02-28', 'filing'), undefined);
  });

  it('without a calendar, or past the holiday data, the deadline is undetermined with the reason', () => {
    const a = gate({ storedIndividuals: 100_000, reachedThresholdOn: '2026-09-28' });
    const none = duty(a, '2026-10-20', 'filing', false);
    assert.equal(none?.state, 'undetermined');
    assert.match(none?.reasonZh ?? '', /未提供工作日日历/);
    const late = gate({ storedIndividuals: 100_000, reachedThresholdOn: '2027-02-01' });
    const gap = duty(late, '2027-02-02', 'filing');
    assert.equal(gap?.state, 'undetermined');
    assert.match(gap?.reasonEn ?? '', /2027/);
  });

  it('filed: satisfied; a filing dated after as-of does not count yet', () => {
    const a = gate({
      storedIndividuals: 120_000,
      reachedThresholdOn: '2025-08-01',
      filedOn: '2025-08-20',
    });
    assert.equal(duty(a, '2025-09-01', 'filing')?.state, 'satisfied');
    assert.equal(duty(a, '2025-08-19', 'filing')?.state, 'due_soon');
  });

  it('change of filed matters: re-file within 30 working days of the change', () => {
    const a = gate({
      storedIndividuals: 120_000,
      reachedThresholdOn: '2025-08-01',
      filedOn: '2025-08-20',
      changedOn: '2026-03-02',
    });
    const d = duty(a, '2026-03-03', 'change-filing');
    // Mon 2026-03-02 + 30 working days (Qingming 4–6 April off; 4 April a Saturday anyway).
    assert.equal(d?.dueDate, calendar.addWorkingDays('2026-03-02', 30));
    assert.equal(d?.dueDate, '2026-04-14');
    assert.equal(d?.state, 'upcoming');
    const filed = gate({ ...a.faceRecognition!, changeFiledOn: '2026-03-20' });
    assert.equal(duty(filed, '2026-04-01', 'change-filing')?.state, 'satisfied');
    // A change before the filing is in the filing.
    const early = gate({ ...a.faceRecognition!, changedOn: '2025-08-10' });
    assert.equal(duty(early, '2026-04-01', 'change-filing'), undefined);
  });

  it('stopped: deregister within 30 working days; the processing duties end', () => {
    const a = gate({
      storedIndividuals: 120_000,
      reachedThresholdOn: '2025-08-01',
      filedOn: '2025-08-20',
      stoppedOn: '2026-06-01',
    });
    const d = duty(a, '2026-06-02', 'deregistration');
    assert.equal(d?.dueDate, calendar.addWorkingDays('2026-06-01', 30));
    assert.equal(duty(a, '2026-06-02', 'not-sole-verification'), undefined);
    assert.equal(duty(a, '2026-06-02', 'separate-consent'), undefined);
    const done = gate({ ...a.faceRecognition!, deregisteredOn: '2026-06-15' });
    assert.equal(duty(done, '2026-07-01', 'deregistration')?.state, 'satisfied');
  });

  it('stopped before the filing fell due: no filing owed; stopped after: still overdue', () => {
    const early = gate({
      storedIndividuals: 100_000,
      reachedThresholdOn: '2026-09-28',
      stoppedOn: '2026-10-15',
    });
    assert.equal(duty(early, '2026-12-01', 'filing'), undefined);
    const late = gate({
      storedIndividuals: 100_000,
      reachedThresholdOn: '2026-09-28',
      stoppedOn: '2026-11-20',
    });
    assert.equal(duty(late, '2026-12-01', 'filing')?.state, 'overdue');
    assert.equal(duty(late, '2026-12-01', 'deregistration'), undefined);
  });
});
