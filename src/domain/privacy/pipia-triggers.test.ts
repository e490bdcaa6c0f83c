import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FACE_RECOGNITION_2025, PIPL } from './citations';
import { pipiaRequired, pipiaRetainUntil, pipiaTriggers } from './pipia-triggers';
import type { FaceRecognitionFacts, ProcessingActivityFacts } from './types';

const PLAIN = { sensitive: false, minorsUnder14: false };

function activity(over: Partial<ProcessingActivityFacts> = {}): ProcessingActivityFacts {
  return {
    id: 'a1',
    code: 'PA-001',
    name: '会员管理',
    legalBases: ['consent'],
    dataCategories: ['name', 'mobile_number'],
    individuals: 5_000,
    sensitiveIndividuals: 0,
    minorsUnder14: 0,
    recipients: [],
    consents: [],
    automatedDecisionMaking: false,
    publicDisclosure: false,
    publicCameraImages: false,
    otherMajorImpact: null,
    faceRecognition: null,
    pipiaApprovedOn: [],
    ...over,
  };
}

const FACE: FaceRecognitionFacts = {
  storedIndividuals: 2_000,
  reachedThresholdOn: null,
  filedOn: null,
  changedOn: null,
  changeFiledOn: null,
  stoppedOn: null,
  deregisteredOn: null,
  storedOnDevice: true,
  alternativeOffered: true,
};

const codes = (a: ProcessingActivityFacts, c = PLAIN, asOf?: string) =>
  pipiaTriggers(a, c, asOf === undefined ? {} : { asOf }).map((t) => t.code);

describe('PIPIA triggers (PIPL Art. 55)', () => {
  it('none for a plain activity with no recipients: no PIPIA needed', () => {
    assert.deepEqual(codes(activity()), []);
    assert.equal(pipiaRequired(activity(), PLAIN), false);
  });

  it('Art. 55(1): sensitive categories from the classifier', () => {
    const [t] = pipiaTriggers(activity(), { sensitive: true, minorsUnder14: false });
    assert.equal(t?.code, 'sensitive');
    assert.deepEqual(t?.citation, PIPL.pipiaTriggers);
    assert.match(t?.reasonZh ?? '', /第五十五条第一项/);
    assert.equal(pipiaRequired(activity(), { sensitive: true, minorsUnder14: false }), true);
  });

  it('Art. 55(1) with Art. 28: minors under 14 are sensitive, by category or by count', () => {
    assert.deepEqual(codes(activity(), { sensitive: false, minorsUnder14: true }), ['sensitive']);
    assert.deepEqual(codes(activity({ minorsUnder14: 1 })), ['sensitive']);
    assert.deepEqual(codes(activity({ sensitiveIndividuals: 1 })), ['sensitive']);
  });

  it('Art. 55(2): automated decision-making', () => {
    assert.deepEqual(codes(activity({ automatedDecisionMaking: true })), ['automated_decision']);
  });

  it('Art. 55(3): entrusting processing (entrusted processor in the mainland)', () => {
    const a = activity({ recipients: [{ relationship: 'entrusted_processor', country: 'CN' }] });
    assert.deepEqual(codes(a), ['entrusted_processing']);
  });

  it('Art. 55(3): providing to another handler, and to a joint handler (our reading: providing)', () => {
    const other = activity({ recipients: [{ relationship: 'other_handler', country: 'CN' }] });
    assert.deepEqual(codes(other), ['provision_to_handler']);
    const joint = activity({ recipients: [{ relationship: 'joint_handler', country: 'CN' }] });
    const [t] = pipiaTriggers(joint, PLAIN);
    assert.equal(t?.code, 'provision_to_handler');
    assert.match(t?.reasonZh ?? '', /共同处理者/);
  });

  it('Art. 55(3): public disclosure', () => {
    assert.deepEqual(codes(activity({ publicDisclosure: true })), ['public_disclosure']);
  });

  it('Art. 55(4): any recipient outside the mainland, whatever its relationship (HK included)', () => {
    const a = activity({
      recipients: [
        { relationship: 'entrusted_processor', country: 'US' },
        { relationship: 'other_handler', country: 'HK' },
        { relationship: 'other_handler', country: 'US' },
      ],
    });
    assert.deepEqual(codes(a), ['entrusted_processing', 'provision_to_handler', 'transfer_abroad']);
    const abroad = pipiaTriggers(a, PLAIN).find((t) => t.code === 'transfer_abroad');
    assert.match(abroad?.reasonZh ?? '', /HK、US/);
  });

  it('Art. 55(5): other major impact when described; blank text is no trigger', () => {
    const [t] = pipiaTriggers(activity({ otherMajorImpact: '信用评分影响贷款审批' }), PLAIN);
    assert.equal(t?.code, 'other_major_impact');
    assert.match(t?.reasonZh ?? '', /信用评分/);
    assert.deepEqual(codes(activity({ otherMajorImpact: '   ' })), []);
  });

  it('face recognition (2025 Measures, prior PIPIA) from 2025-06-01; face is biometric, so sensitive', () => {
    const a = activity({ faceRecognition: FACE });
    assert.deepEqual(codes(a, PLAIN, '2025-06-01'), ['sensitive', 'face_recognition']);
    assert.deepEqual(codes(a, PLAIN, '2025-05-31'), ['sensitive']);
    assert.deepEqual(codes(a), ['sensitive', 'face_recognition']);
    const face = pipiaTriggers(a, PLAIN).find((t) => t.code === 'face_recognition');
    assert.deepEqual(face?.citation, FACE_RECOGNITION_2025.priorPipia);
  });

  it('nothing before PIPL took effect (2021-11-01)', () => {
    const a = activity({ automatedDecisionMaking: true });
    assert.deepEqual(codes(a, PLAIN, '2021-10-31'), []);
    assert.deepEqual(codes(a, PLAIN, '2021-11-01'), ['automated_decision']);
  });

  it('lists every trigger in the order of Art. 55', () => {
    const a = activity({
      automatedDecisionMaking: true,
      publicDisclosure: true,
      otherMajorImpact: '大规模画像',
      faceRecognition: FACE,
      recipients: [
        { relationship: 'entrusted_processor', country: 'CN' },
        { relationship: 'joint_handler', country: 'DE' },
      ],
    });
    assert.deepEqual(codes(a), [
      'sensitive',
      'automated_decision',
      'entrusted_processing',
      'provision_to_handler',
      'public_disclosure',
      'transfer_abroad',
      'other_major_impact',
      'face_recognition',
    ]);
  });
});

describe('PIPIA retention (PIPL Art. 56 ¶2: at least three years)', () => {
  it('keeps report and records to the corresponding day three years later', () => {
    assert.equal(pipiaRetainUntil('2025-06-30'), '2028-06-30');
    assert.equal(pipiaRetainUntil('2026-01-01'), '2029-01-01');
  });

  it('29 February runs to 28 February', () => {
    assert.equal(pipiaRetainUntil('2024-02-29'), '2027-02-28');
  });
});
