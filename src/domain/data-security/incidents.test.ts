import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  INCIDENT_GRADES,
  OPERATOR_KINDS,
  type IncidentGrade,
} from '../../shared/data-security-schemas';
import { shippedIncidentCriteria } from '../../catalogs/incident-grading';
import { gradeIncident } from './incident-grading';
import {
  incidentRegime,
  incidentReporting,
  incidentReportingDuties,
  CLOSING_REPORT_DAYS,
} from './incidents';
import type { IncidentFacts } from './types';

const FOUND = '2026-03-02T09:15:00+08:00'; // 01:15Z
const base = (over: Partial<IncidentFacts> = {}): IncidentFacts => ({
  id: 'inc',
  foundAt: FOUND,
  grade: 'large',
  measures: {},
  criteriaMet: [],
  involvesCii: false,
  operatorKind: 'other',
  piIncident: null,
  reports: [],
  handledAt: null,
  ...over,
});
const duty = (facts: IncidentFacts, now: string, kind: string) =>
  incidentReportingDuties(facts, now).find((d) => d.kind === kind);

describe('incident reporting duties — 2025 Measures Art. 4 rows', () => {
  const rows = [
    {
      involvesCii: true,
      operatorKind: 'cii_operator',
      recipients: ['protection_department', 'public_security'],
      hours: 1,
      deadline: 'PT1H',
    },
    {
      involvesCii: true,
      operatorKind: 'other',
      recipients: ['protection_department', 'public_security'],
      hours: 1,
      deadline: 'PT1H',
    },
    {
      involvesCii: false,
      operatorKind: 'central_state_organ',
      recipients: ['own_cyber_affairs_office'],
      hours: 2,
      deadline: 'PT2H',
    },
    {
      involvesCii: false,
      operatorKind: 'other',
      recipients: ['provincial_cac'],
      hours: 4,
      deadline: 'PT4H',
    },
    // A CII operator's incident that touches no CII follows the general row.
    {
      involvesCii: false,
      operatorKind: 'cii_operator',
      recipients: ['provincial_cac'],
      hours: 4,
      deadline: 'PT4H',
    },
  ] as const;
  for (const row of rows)
    for (const grade of INCIDENT_GRADES)
      it(`${row.operatorKind}${row.involvesCii ? ' (CII involved)' : ''} × ${grade}`, () => {
        const facts = base({ grade, involvesCii: row.involvesCii, operatorKind: row.operatorKind });
        const initial = duty(facts, '2026-03-02T01:30:00Z', 'initial');
        assert.ok(initial);
        assert.deepEqual(initial.recipients, row.recipients);
        assert.equal(initial.deadline, row.deadline);
        if (grade === 'general') {
          assert.equal(initial.state, 'not_required');
          assert.equal(initial.dueAt, null);
          assert.match(initial.reasonEn, /large or above/);
          assert.match(initial.reasonZh, /较大以上/);
          assert.match(initial.reasonZh, /留存事件记录/);
          assert.equal(incidentReportingDuties(facts, FOUND).length, 1);
          return;
        }
        assert.equal(initial.state, 'due');
        assert.equal(
          initial.dueAt,
          new Date(Date.parse(FOUND) + row.hours * 3600_000).toISOString(),
        );
        const escalation = duty(facts, '2026-03-02T01:30:00Z', 'escalation');
        assert.equal(escalation !== undefined, grade === 'major' || grade === 'especially_major');
        if (escalation) {
          assert.equal(escalation.state, 'waiting');
          assert.equal(escalation.dueAt, null);
          assert.notEqual(escalation.actor, 'operator');
        }
        assert.equal(duty(facts, FOUND, 'closing')?.state, 'waiting');
      });

  it('the CII row: due at found + 1 h exactly, overdue one second later', () => {
    const facts = base({ involvesCii: true, operatorKind: 'cii_operator' });
    const due = '2026-03-02T02:15:00.000Z';
    assert.equal(duty(facts, due, 'initial')?.dueAt, due);
    assert.equal(duty(facts, due, 'initial')?.state, 'due');
    assert.equal(duty(facts, '2026-03-02T02:15:01Z', 'initial')?.state, 'overdue');
  });

  it('a report at exactly 1 h is in time; both recipients are needed; a late report is done but said late', () => {
    const cii = { involvesCii: true, operatorKind: 'cii_operator' as const };
    const onTime = base({
      ...cii,
      reports: [
        {
          kind: 'initial',
          recipient: 'protection_department',
          submittedAt: '2026-03-02T10:00:00+08:00',
        },
        { kind: 'initial', recipient: 'public_security', submittedAt: '2026-03-02T10:15:00+08:00' },
      ],
    });
    const d = duty(onTime, '2026-03-02T05:00:00Z', 'initial');
    assert.equal(d?.state, 'done');
    assert.equal(d?.doneAt, '2026-03-02T02:15:00.000Z');
    assert.match(d?.reasonEn ?? '', /in time/);

    const half = base({ ...cii, reports: [onTime.reports[0]!] });
    const h = duty(half, '2026-03-02T05:00:00Z', 'initial');
    assert.equal(h?.state, 'overdue');
    assert.match(h?.reasonZh ?? '', /尚未向公安机关报告/);

    const late = base({
      ...cii,
      reports: [
        {
          kind: 'initial',
          recipient: 'protection_department',
          submittedAt: '2026-03-02T10:00:00+08:00',
        },
        { kind: 'initial', recipient: 'public_security', submittedAt: '2026-03-02T10:45:00+08:00' },
      ],
    });
    const l = duty(late, '2026-03-02T05:00:00Z', 'initial');
    assert.equal(l?.state, 'done');
    assert.match(l?.reasonEn ?? '', /late by 30 min/);
    assert.match(l?.reasonZh ?? '', /迟报/);
  });

  it('escalations: waiting until the operator reports, then due 30 min (CII) / 1 h (others) after that report', () => {
    const report = (
      recipient: 'protection_department' | 'own_cyber_affairs_office' | 'provincial_cac',
    ) => ({
      kind: 'initial' as const,
      recipient,
      submittedAt: '2026-03-02T09:40:00+08:00',
    });
    const cii = base({
      grade: 'major',
      involvesCii: true,
      reports: [report('protection_department')],
    });
    const e = duty(cii, '2026-03-02T01:50:00Z', 'escalation');
    assert.equal(e?.actor, 'protection_department');
    assert.deepEqual(e?.recipients, ['cac', 'mps']);
    assert.equal(e?.dueAt, '2026-03-02T02:10:00.000Z');
    assert.equal(e?.deadline, 'PT30M');
    assert.equal(e?.state, 'due');
    assert.equal(duty(cii, '2026-03-02T02:11:00Z', 'escalation')?.state, 'overdue');

    const organ = base({
      grade: 'especially_major',
      operatorKind: 'central_state_organ',
      reports: [report('own_cyber_affairs_office')],
    });
    const o = duty(organ, '2026-03-02T01:50:00Z', 'escalation');
    assert.equal(o?.actor, 'own_cyber_affairs_office');
    assert.deepEqual(o?.recipients, ['cac']);
    assert.equal(o?.dueAt, '2026-03-02T02:40:00.000Z');

    const other = base({ grade: 'major', reports: [report('provincial_cac')] });
    const p = duty(other, '2026-03-02T01:50:00Z', 'escalation');
    assert.equal(p?.actor, 'provincial_cac');
    assert.equal(p?.dueAt, '2026-03-02T02:40:00.000Z');
  });

  it('closing report: waiting until handled, then due at the end of the 30th Beijing day after', () => {
    const handled = base({ handledAt: '2026-03-05T18:00:00+08:00' });
    const c = duty(handled, '2026-03-06T00:00:00Z', 'closing');
    assert.equal(CLOSING_REPORT_DAYS, 30);
    assert.equal(c?.dueAt, '2026-04-04T15:59:59.999Z'); // 2026-04-04 23:59:59.999 Beijing
    assert.equal(c?.state, 'due');
    assert.equal(duty(handled, '2026-04-04T16:00:00Z', 'closing')?.state, 'overdue');
    const closed = base({
      handledAt: '2026-03-05T18:00:00+08:00',
      reports: [
        { kind: 'closing', recipient: 'provincial_cac', submittedAt: '2026-03-20T10:00:00+08:00' },
      ],
    });
    assert.equal(duty(closed, '2026-04-10T00:00:00Z', 'closing')?.state, 'done');
  });

  it('follow-up is due when contents are missing after the first report', () => {
    const reported = base({
      reports: [
        { kind: 'initial', recipient: 'provincial_cac', submittedAt: '2026-03-02T10:00:00+08:00' },
      ],
    });
    const f = incidentReportingDuties(reported, '2026-03-02T03:00:00Z', {
      missingContents: ['cause'],
    }).find((d) => d.kind === 'follow_up');
    assert.equal(f?.state, 'due');
    assert.equal(duty(reported, '2026-03-02T03:00:00Z', 'follow_up')?.state, 'not_required');
    assert.equal(duty(base(), '2026-03-02T03:00:00Z', 'follow_up')?.state, 'waiting');
  });

  it('an ungraded incident runs the clock as large or above; the suggestion is used when given', () => {
    const ungraded = base({ grade: null });
    assert.equal(duty(ungraded, FOUND, 'initial')?.state, 'due');
    assert.match(duty(ungraded, FOUND, 'initial')?.reasonEn ?? '', /Not graded yet/);
    const suggested = incidentReporting(ungraded, FOUND, { suggestedGrade: 'general' });
    assert.equal(suggested.gradeFrom, 'suggestion');
    assert.equal(suggested.duties[0]?.state, 'not_required');
  });
});

describe('incident reporting duties — before 2025-11-01', () => {
  it('the regime changes at 2025-11-01 00:00 Beijing time', () => {
    assert.equal(incidentRegime('2025-10-31T23:59:00+08:00'), 'pre-2025');
    assert.equal(incidentRegime('2025-11-01T00:00:00+08:00'), '2025-measures');
    assert.equal(incidentRegime('2025-10-31T16:00:00Z'), '2025-measures');
    const before = base({
      foundAt: '2025-10-31T23:59:00+08:00',
      involvesCii: true,
      grade: 'large',
    });
    const after = base({ foundAt: '2025-11-01T00:00:00+08:00', involvesCii: true, grade: 'large' });
    const b = incidentReportingDuties(before, '2025-11-01T06:00:00Z');
    assert.deepEqual(
      b.map((d) => d.kind),
      ['pre_2025_report'],
    );
    assert.equal(b[0]?.dueAt, null);
    assert.equal(b[0]?.deadline, 'ASAP');
    assert.equal(b[0]?.state, 'due');
    const a = duty(after, '2025-11-01T06:00:00Z', 'initial');
    assert.equal(a?.dueAt, '2025-10-31T17:00:00.000Z');
    assert.equal(a?.state, 'overdue');
  });

  for (const grade of INCIDENT_GRADES)
    for (const involvesCii of [true, false])
      it(`pre-2025 × ${grade} × ${involvesCii ? 'CII' : 'no CII'}`, () => {
        const facts = base({ foundAt: '2025-06-01T10:00:00+08:00', grade, involvesCii });
        const duties = incidentReportingDuties(facts, '2025-06-02T00:00:00Z');
        assert.ok(duties.every((d) => d.dueAt === null && d.deadline === 'ASAP'));
        const csl = duties.find((d) => d.id === 'inc:pre-2025-csl');
        assert.deepEqual(csl?.citations, [{ instrumentId: 'csl-2016', provisionId: 'art-25' }]);
        const cii = duties.find((d) => d.id === 'inc:pre-2025-cii');
        const major = grade === 'major' || grade === 'especially_major';
        assert.equal(cii !== undefined, involvesCii && major);
        if (cii) assert.deepEqual(cii.recipients, ['protection_department', 'public_security']);
        const esc = duties.find((d) => d.kind === 'escalation');
        assert.equal(esc !== undefined, involvesCii && grade === 'especially_major');
        if (esc) assert.equal(esc.state, 'waiting');
      });
});

describe('PIPL Art. 57 duties', () => {
  it('notify the authority and the individuals; done when notified; not required with a reason', () => {
    const leak = base({
      piIncident: { individuals: 1200, notifiedAt: null, notificationNotRequiredReason: null },
    });
    const duties = incidentReportingDuties(leak, FOUND);
    assert.equal(duties.find((d) => d.kind === 'notify_pi_authority')?.state, 'due');
    const ind = duties.find((d) => d.kind === 'notify_individuals');
    assert.equal(ind?.state, 'due');
    assert.equal(ind?.deadline, 'ASAP');
    assert.equal(ind?.dueAt, null);
    assert.deepEqual(ind?.citations, [{ instrumentId: 'pipl-2021', provisionId: 'art-57' }]);

    const notified = base({
      piIncident: {
        individuals: 1200,
        notifiedAt: '2026-03-03T10:00:00+08:00',
        notificationNotRequiredReason: null,
      },
    });
    assert.equal(duty(notified, FOUND, 'notify_individuals')?.state, 'done');
    const exempt = base({
      piIncident: {
        individuals: 1200,
        notifiedAt: null,
        notificationNotRequiredReason: '数据已加密且密钥未泄露',
      },
    });
    const e = duty(exempt, FOUND, 'notify_individuals');
    assert.equal(e?.state, 'not_required');
    assert.match(e?.reasonZh ?? '', /有权要求通知/);
    // Even a general incident has the PIPL duties.
    assert.equal(
      duty(base({ grade: 'general', piIncident: leak.piIncident }), FOUND, 'notify_individuals')
        ?.state,
      'due',
    );
  });
});

describe('grading against the shipped criteria', () => {
  const criteria = shippedIncidentCriteria();
  const grade = (
    measures: Parameters<typeof gradeIncident>[0],
    ticked: string[] = [],
  ): IncidentGrade => gradeIncident(measures, ticked, criteria).suggestedGrade;
  it('以上 includes the threshold', () => {
    assert.equal(grade({ piLeakedIndividuals: 999_999 }), 'general');
    assert.equal(grade({ piLeakedIndividuals: 1_000_000 }), 'large');
    assert.equal(grade({ piLeakedIndividuals: 10_000_000 }), 'major');
    assert.equal(grade({ piLeakedIndividuals: 100_000_000 }), 'especially_major');
    assert.equal(grade({ ciiWholeOutageMinutes: 29 }), 'general');
    assert.equal(grade({ ciiWholeOutageMinutes: 30 }), 'large');
    assert.equal(grade({ ciiWholeOutageMinutes: 360 }), 'especially_major');
  });
  it('the highest tier wins; ticked qualitative criteria count; unknown ids are listed', () => {
    const g = gradeIncident(
      { economicLossYuan: 6_000_000 },
      ['em-core-important-data', 'nope'],
      criteria,
    );
    assert.equal(g.suggestedGrade, 'especially_major');
    assert.deepEqual(
      g.criteriaFound.map((c) => [c.id, c.by]),
      [
        ['em-core-important-data', 'ticked'],
        ['la-loss-5m', 'measure'],
      ],
    );
    assert.deepEqual(g.unknownCriteria, ['nope']);
  });
  it('operator kinds are the contract’s', () => {
    assert.deepEqual([...OPERATOR_KINDS], ['cii_operator', 'central_state_organ', 'other']);
  });
});
