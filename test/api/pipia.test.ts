import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { CLI_ACTOR } from '../../src/app/actor';
import { createActivityCommand, deleteActivityCommand } from '../../src/app/privacy/commands';
import { deletePipiaCommand } from '../../src/app/privacy/pipia/commands';
import type { PipiaDto } from '../../src/app/privacy/pipia/model';
import { pipiaQuestionnaire } from '../../src/app/privacy/pipia/questionnaire';
import { ActivityInputSchema } from '../../src/shared/privacy-schemas';
import { createUser } from '../../src/app/identity';
import { TEST_DIALECTS } from '../support';
import { STRONG_PASSWORD, startHarness, type Client, type Harness } from './harness';

/**
 * A city hospital assesses its outpatient records (sensitive, entrusted processing) and its HR
 * activity (an overseas group company) before processing: the PIPL Art. 55 triggers found, the
 * questionnaire's applicable questions, versioned edits, submission with missing answers named,
 * review by a named reviewer, approval refused to its author and granted to another owner, the
 * three-year retention (Art. 56) on the assessment and the covered activities, the report as
 * Word and PDF, and tenant isolation.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`PIPIA workflow API on ${dialect}`, () => {
    let h: Harness | null;
    let author: Client; // owner who opens the assessment
    let approver: Client; // another owner
    let member: Client; // privacy.read + write, not named as reviewer
    let reviewer: Client; // viewer named as reviewer
    let outsider: Client;
    let orgId: string;
    let otherOrgId: string;
    let outpatient: string;
    let hr: string;
    let unrelated: string;
    let foreignActivity: string;
    let pipiaId: string;
    let dir: string;

    const url = (p = '') => `/api/organisations/${orgId}/privacy/pipias${p}`;
    const details = (body: string) =>
      (JSON.parse(body) as { details: { path: string; message: string }[] }).details;

    const activity = (code: string, name: string, extra: Record<string, unknown>) =>
      ActivityInputSchema.parse({
        code,
        name,
        purpose: `${name}所必需`,
        legalBases: ['contract_or_hr'],
        dataCategories: ['name', 'phone_number'],
        dataSubjects: ['patients'],
        individuals: 1200,
        retention: '诊疗结束后30年',
        ...extra,
      });

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      dir = mkdtempSync(path.join(tmpdir(), 'pipia-'));
      author = await h.user('liu.yang', { admin: true });
      orgId = (
        await author.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市第一人民医院' },
        })
      ).json().id;
      const join = async (username: string, role: string) => {
        await createUser(h!.ctx, CLI_ACTOR, {
          username,
          displayName: username,
          password: STRONG_PASSWORD,
          mustChangePassword: false,
        });
        const res = await author.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/members`,
          payload: { username, role },
        });
        assert.ok(res.statusCode < 300, res.body);
        return h!.signIn(username);
      };
      approver = await join('huang.min', 'owner');
      member = await join('zhang.wei', 'member');
      reviewer = await join('chen.jing', 'viewer');
      await join('sun.li', 'assessor');
      outsider = await h.user('zhao.qiang', { admin: true });
      otherOrgId = (
        await outsider.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某城市商业银行' },
        })
      ).json().id;

      outpatient = (
        await createActivityCommand(
          h.ctx,
          CLI_ACTOR,
          orgId,
          activity('PA-001', '门诊挂号与电子病历', {
            dataCategories: ['name', 'id_card_number', 'medical_record'],
            sensitiveIndividuals: 1200,
            recipients: [
              {
                key: 'R1',
                relationship: 'entrusted_processor',
                name: '某信息技术有限公司',
                country: 'CN',
                purpose: '电子病历系统运维',
              },
            ],
          }),
        )
      ).id;
      hr = (
        await createActivityCommand(
          h.ctx,
          CLI_ACTOR,
          orgId,
          activity('PA-002', '员工人事管理', {
            dataSubjects: ['employees'],
            individuals: 800,
            recipients: [
              {
                key: 'HK1',
                relationship: 'other_handler',
                name: '某医疗集团（香港）有限公司',
                country: 'HK',
              },
            ],
            transfers: [
              {
                key: 'T1',
                recipientKey: 'HK1',
                exemption: 'cross_border_hr',
                mechanism: null,
              },
            ],
          }),
        )
      ).id;
      unrelated = (
        await createActivityCommand(
          h.ctx,
          CLI_ACTOR,
          orgId,
          activity('PA-003', '访客登记', { dataSubjects: ['visitors'], individuals: 50 }),
        )
      ).id;
      foreignActivity = (
        await createActivityCommand(
          h.ctx,
          CLI_ACTOR,
          otherOrgId,
          activity('PA-001', '信用卡申请', { dataSubjects: ['customers'] }),
        )
      ).id;
    });
    after(async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      await h?.close();
    });

    const get = async (id = pipiaId) =>
      (await author.inject({ url: url(`/${id}`) })).json() as PipiaDto;
    const fullAnswers = (dto: PipiaDto) =>
      Object.fromEntries(
        dto.applicableQuestionIds.map((id) => [
          id,
          { answer: `问题${id}的评估情况：已核实`, risk: 'low', measure: '已采取访问控制' },
        ]),
      );

    it('opens an assessment from activities: Art. 55 triggers with citations, questionnaire version', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await author.inject({
        method: 'POST',
        url: url(),
        payload: {
          title: '门诊与人事处理活动影响评估',
          activityIds: [outpatient, hr],
          reviewerIds: [reviewer.userId],
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const dto = res.json() as PipiaDto;
      pipiaId = dto.id;
      assert.equal(dto.status, 'draft');
      assert.equal(dto.version, 1);
      const codes = dto.triggers.map((x) => x.code);
      for (const code of [
        'sensitive',
        'entrusted_processing',
        'provision_to_handler',
        'transfer_abroad',
      ])
        assert.ok(codes.includes(code), `trigger ${code} in ${codes.join(', ')}`);
      const sensitive = dto.triggers.find((x) => x.code === 'sensitive')!;
      assert.deepEqual(sensitive.activityIds, [outpatient]);
      assert.match(sensitive.citations[0]!.labelZh, /个人信息保护法.*第五十五条/);
      assert.match(sensitive.reasonZh, /PA-001/);
      assert.deepEqual(
        dto.activities.map((a) => a.code),
        ['PA-001', 'PA-002'],
      );
      assert.ok(dto.questionnaireVersion.length > 0);
      assert.ok(dto.applicableQuestionIds.length > 0);
      assert.deepEqual(dto.unansweredQuestionIds, dto.applicableQuestionIds);
      assert.deepEqual(dto.reviewerIds, [reviewer.userId]);
      assert.equal(dto.createdBy, author.userId);
    });

    it('refuses activities of another register, unfit reviewers and answers outside the questionnaire', async (t) => {
      if (!h) return t.skip('database unavailable');
      const foreign = await author.inject({
        method: 'POST',
        url: url(),
        payload: { title: '越权评估', activityIds: [outpatient, foreignActivity] },
      });
      assert.equal(foreign.statusCode, 400, foreign.body);
      assert.deepEqual(
        details(foreign.body).map((d) => d.path),
        ['activityIds[1]'],
      );
      const assessorId = (
        await h.store.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'sun.li')
          .executeTakeFirstOrThrow()
      ).id;
      const badReviewers = await author.inject({
        method: 'POST',
        url: url(),
        payload: {
          title: '审核人校验',
          activityIds: [outpatient],
          reviewerIds: [outsider.userId, assessorId],
        },
      });
      assert.equal(badReviewers.statusCode, 400, badReviewers.body);
      const d = details(badReviewers.body);
      assert.deepEqual(
        d.map((x) => x.path),
        ['reviewerIds[0]', 'reviewerIds[1]'],
      );
      assert.match(d[1]!.message, /privacy\.read/);

      const unknown = await author.inject({
        method: 'POST',
        url: url(),
        payload: {
          title: '未知问题',
          activityIds: [unrelated],
          answers: { 'no-such.1': { answer: '—' } },
        },
      });
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.deepEqual(
        details(unknown.body).map((x) => x.path),
        ['answers.no-such.1'],
      );
      assert.match(details(unknown.body)[0]!.message, /no-such\.1/);

      // A question that applies only to transfers abroad does not apply to the visitor log.
      const main = await get();
      const abroadOnly = pipiaQuestionnaire(main.questionnaireVersion).questions.find(
        (q) => q.appliesWhen.length > 0 && q.appliesWhen.every((c) => c === 'transfer_abroad'),
      )?.id;
      assert.ok(abroadOnly, 'the questionnaire has a question for transfers abroad only');
      if (abroadOnly) {
        const off = await author.inject({
          method: 'POST',
          url: url(),
          payload: {
            title: '不适用的问题',
            activityIds: [unrelated],
            answers: { [abroadOnly]: { answer: '不涉及' } },
          },
        });
        assert.equal(off.statusCode, 400, off.body);
        assert.equal(details(off.body)[0]!.path, `answers.${abroadOnly}`);
        assert.match(details(off.body)[0]!.message, /does not apply/);
      }
    });

    it('submit names the unanswered questions and the missing overall risk', async (t) => {
      if (!h) return t.skip('database unavailable');
      const dto = await get();
      const first = dto.applicableQuestionIds[0]!;
      const patched = await author.inject({
        method: 'PATCH',
        url: url(`/${pipiaId}`),
        payload: { version: dto.version, answers: { [first]: { answer: '已核实', risk: 'low' } } },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const res = await author.inject({
        method: 'POST',
        url: url(`/${pipiaId}/transitions`),
        payload: { action: 'submit', version: (patched.json() as PipiaDto).version },
      });
      assert.equal(res.statusCode, 400, res.body);
      const d = details(res.body);
      const answers = d.find((x) => x.path === 'answers')!;
      for (const id of dto.applicableQuestionIds.slice(1))
        assert.match(answers.message, new RegExp(`\\b${id.replace(/\./g, '\\.')}\\b`));
      assert.doesNotMatch(answers.message, new RegExp(`${first.replace(/\./g, '\\.')}(,|$)`));
      assert.ok(d.some((x) => x.path === 'overallRisk'));
    });

    it('edits with the version (409 when stale); content SM4-encrypted, no answer text in the audit', async (t) => {
      if (!h) return t.skip('database unavailable');
      const dto = await get();
      const stale = await member.inject({
        method: 'PATCH',
        url: url(`/${pipiaId}`),
        payload: { version: dto.version - 1, conclusion: '旧版本' },
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      const res = await member.inject({
        method: 'PATCH',
        url: url(`/${pipiaId}`),
        payload: {
          version: dto.version,
          answers: fullAnswers(dto),
          overallRisk: 'medium',
          conclusion:
            '处理活动合法、正当、必要，保护措施与风险相适应，总体风险中等，可以开展处理。',
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      const saved = res.json() as PipiaDto;
      assert.deepEqual(saved.unansweredQuestionIds, []);
      assert.equal(saved.overallRisk, 'medium');
      const row = await h.store.db
        .selectFrom('privacy_pipias')
        .select('content_enc')
        .where('id', '=', pipiaId)
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(row.content_enc, /已核实|总体风险/);
      const audit = await h.store.db
        .selectFrom('audit_entries')
        .select(['action', 'changes'])
        .where('entity_id', '=', pipiaId)
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), [
        'privacy.pipia.create',
        'privacy.pipia.update',
        'privacy.pipia.update',
      ]);
      for (const a of audit) assert.doesNotMatch(String(a.changes), /已核实|总体风险中等|访问控制/);
    });

    it('in review: read-only; only named reviewers review; the author may not approve; another owner does', async (t) => {
      if (!h) return t.skip('database unavailable');
      let dto = await get();
      const submit = await member.inject({
        method: 'POST',
        url: url(`/${pipiaId}/transitions`),
        payload: { action: 'submit', version: dto.version },
      });
      assert.equal(submit.statusCode, 200, submit.body);
      dto = submit.json() as PipiaDto;
      assert.equal(dto.status, 'in_review');
      assert.ok(dto.submittedAt);

      const edit = await author.inject({
        method: 'PATCH',
        url: url(`/${pipiaId}`),
        payload: { version: dto.version, conclusion: '改动' },
      });
      assert.equal(edit.statusCode, 409, edit.body);

      const notReviewer = await member.inject({
        method: 'POST',
        url: url(`/${pipiaId}/transitions`),
        payload: { action: 'review', version: dto.version },
      });
      assert.equal(notReviewer.statusCode, 403, notReviewer.body);

      const early = await approver.inject({
        method: 'POST',
        url: url(`/${pipiaId}/transitions`),
        payload: { action: 'approve', version: dto.version },
      });
      assert.equal(early.statusCode, 409, early.body);
      assert.match(early.json().message, /not agreed/);

      const review = await reviewer.inject({
        method: 'POST',
        url: url(`/${pipiaId}/transitions`),
        payload: { action: 'review', version: dto.version, comment: '同意，风险评价合理' },
      });
      assert.equal(review.statusCode, 200, review.body);
      dto = review.json() as PipiaDto;
      assert.equal(dto.reviews[0]!.decision, 'agree');
      assert.equal(dto.reviews[0]!.displayName, 'chen.jing');

      const byMember = await member.inject({
        method: 'POST',
        url: url(`/${pipiaId}/transitions`),
        payload: { action: 'approve', version: dto.version },
      });
      assert.equal(byMember.statusCode, 403, byMember.body);

      const byAuthor = await author.inject({
        method: 'POST',
        url: url(`/${pipiaId}/transitions`),
        payload: { action: 'approve', version: dto.version },
      });
      assert.equal(byAuthor.statusCode, 403, byAuthor.body);
      assert.match(byAuthor.json().message, /separation of duties/);

      const approved = await approver.inject({
        method: 'POST',
        url: url(`/${pipiaId}/transitions`),
        payload: { action: 'approve', version: dto.version },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      dto = approved.json() as PipiaDto;
      assert.equal(dto.status, 'approved');
      // The harness clock: 2026-03-02T01:00Z = 2026-03-02 09:00 in Beijing.
      assert.equal(dto.approvedOn, '2026-03-02');
      assert.equal(dto.retainUntil, '2029-03-02');
      assert.equal(dto.approvedBy, approver.userId);
      assert.equal(dto.approvedByName, 'huang.min');

      const kept = await h.store.db
        .selectFrom('privacy_activities')
        .select(['code', 'retain_until'])
        .where('organisation_id', '=', orgId)
        .orderBy('code')
        .execute();
      assert.deepEqual(
        kept.map((r) => [r.code, r.retain_until]),
        [
          ['PA-001', '2029-03-02'],
          ['PA-002', '2029-03-02'],
          ['PA-003', null],
        ],
      );
    });

    it('approved: read-only, kept (assessment and covered activities) until its retention ends', async (t) => {
      if (!h) return t.skip('database unavailable');
      const dto = await get();
      // A new version is a new assessment noting the one it supersedes, starting from its answers.
      const next = await author.inject({
        method: 'POST',
        url: url(),
        payload: {
          title: '门诊与人事处理活动影响评估（2027年版）',
          activityIds: [outpatient, hr],
          supersedes: pipiaId,
        },
      });
      assert.equal(next.statusCode, 201, next.body);
      const nextDto = next.json() as PipiaDto;
      assert.deepEqual(nextDto.supersedes, { id: pipiaId, title: dto.title });
      assert.deepEqual(nextDto.unansweredQuestionIds, []);
      assert.equal(nextDto.conclusion, (await get()).conclusion);
      const ofDraft = await author.inject({
        method: 'POST',
        url: url(),
        payload: { title: '替代草稿', activityIds: [hr], supersedes: nextDto.id },
      });
      assert.equal(ofDraft.statusCode, 400, ofDraft.body);
      assert.equal(details(ofDraft.body)[0]!.path, 'supersedes');
      const gone = await author.inject({ method: 'DELETE', url: url(`/${nextDto.id}`) });
      assert.equal(gone.statusCode, 204, gone.body);

      const edit = await author.inject({
        method: 'PATCH',
        url: url(`/${pipiaId}`),
        payload: { version: dto.version, title: '改名' },
      });
      assert.equal(edit.statusCode, 409, edit.body);
      assert.match(edit.json().message, /read-only/);
      const del = await author.inject({ method: 'DELETE', url: url(`/${pipiaId}`) });
      assert.equal(del.statusCode, 409, del.body);
      assert.match(del.json().message, /2029-03-02/);
      assert.match(del.json().message, /Art\. 56/);
      await assert.rejects(
        deleteActivityCommand(h.ctx, CLI_ACTOR, orgId, outpatient),
        (e: Error) => /2029-03-02/.test(e.message) && /Art\. 56/.test(e.message),
      );
      // The unrelated activity is not covered: it can go.
      await deleteActivityCommand(h.ctx, CLI_ACTOR, orgId, unrelated);
    });

    it('return needs a comment and sends the assessment back; drafts delete, submitted ones do not', async (t) => {
      if (!h) return t.skip('database unavailable');
      const created = await member.inject({
        method: 'POST',
        url: url(),
        payload: {
          title: '人事管理出境影响评估',
          activityIds: [hr],
          reviewerIds: [reviewer.userId],
          overallRisk: 'low',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      let dto = created.json() as PipiaDto;
      const id = dto.id;
      const patched = await member.inject({
        method: 'PATCH',
        url: url(`/${id}`),
        payload: { version: dto.version, answers: fullAnswers(dto) },
      });
      dto = patched.json() as PipiaDto;
      const submitted = await member.inject({
        method: 'POST',
        url: url(`/${id}/transitions`),
        payload: { action: 'submit', version: dto.version },
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      dto = submitted.json() as PipiaDto;
      const inReview = await member.inject({ method: 'DELETE', url: url(`/${id}`) });
      assert.equal(inReview.statusCode, 409, inReview.body);
      const bare = await reviewer.inject({
        method: 'POST',
        url: url(`/${id}/transitions`),
        payload: { action: 'return', version: dto.version },
      });
      assert.equal(bare.statusCode, 400, bare.body);
      assert.equal(details(bare.body)[0]!.path, 'comment');
      const returned = await reviewer.inject({
        method: 'POST',
        url: url(`/${id}/transitions`),
        payload: { action: 'return', version: dto.version, comment: '请补充境外接收方的保护措施' },
      });
      assert.equal(returned.statusCode, 200, returned.body);
      dto = returned.json() as PipiaDto;
      assert.equal(dto.status, 'returned');
      assert.equal(dto.reviews[0]!.decision, 'return');
      // Returned: editable and resubmitted; the reviews start afresh.
      const again = await member.inject({
        method: 'POST',
        url: url(`/${id}/transitions`),
        payload: { action: 'submit', version: dto.version },
      });
      assert.equal(again.statusCode, 200, again.body);
      dto = again.json() as PipiaDto;
      assert.equal(dto.reviews[0]!.decision, null);
      // An approver who is not a named reviewer may return it too.
      const byApprover = await approver.inject({
        method: 'POST',
        url: url(`/${id}/transitions`),
        payload: { action: 'return', version: dto.version, comment: '境外接收方协议未附' },
      });
      assert.equal(byApprover.statusCode, 200, byApprover.body);
      dto = byApprover.json() as PipiaDto;
      assert.equal(dto.status, 'returned');
      assert.deepEqual(
        dto.returns.map((r) => [r.displayName, r.comment]),
        [
          ['chen.jing', '请补充境外接收方的保护措施'],
          ['huang.min', '境外接收方协议未附'],
        ],
      );
      const draftReport = await member.inject({ url: url(`/${id}/report.docx`) });
      const draftXml = strFromU8(
        unzipSync(new Uint8Array(draftReport.rawPayload))['word/document.xml']!,
      ).replace(/<[^>]+>/g, '');
      assert.ok(draftXml.includes('境外接收方协议未附'));
      assert.ok(draftXml.includes('本报告为草稿'));
      // Narrowing the activities leaves the abroad answers without their trigger: named, not dropped.
      const narrowed = await member.inject({
        method: 'PATCH',
        url: url(`/${id}`),
        payload: { version: dto.version, activityIds: [outpatient] },
      });
      assert.equal(narrowed.statusCode, 400, narrowed.body);
      assert.ok(details(narrowed.body).some((d) => d.path.startsWith('answers.abroad')));

      const draft = await member.inject({
        method: 'POST',
        url: url(),
        payload: { title: '待删除的草稿', activityIds: [hr] },
      });
      const gone = await member.inject({
        method: 'DELETE',
        url: url(`/${(draft.json() as PipiaDto).id}`),
      });
      assert.equal(gone.statusCode, 204, gone.body);
      const audit = await h.store.db
        .selectFrom('audit_entries')
        .select('action')
        .where('entity_id', '=', (draft.json() as PipiaDto).id)
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), [
        'privacy.pipia.create',
        'privacy.pipia.delete',
      ]);
    });

    it('the report: Word and PDF with the GB/T 39335 chapters; no draft mark once approved', async (t) => {
      if (!h) return t.skip('database unavailable');
      const docx = await reviewer.inject({ url: url(`/${pipiaId}/report.docx`) });
      assert.equal(docx.statusCode, 200, docx.body);
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      assert.match(String(docx.headers['content-disposition']), /pipia-report\.docx/);
      const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
      const text = xml.replace(/<[^>]+>/g, '');
      for (const heading of [
        '个人信息保护影响评估报告',
        '1 评估概述',
        '2 个人信息处理情况',
        '3 合法性、正当性、必要性分析',
        '4 对个人权益的影响及安全风险',
        '5 保护措施的合法性、有效性及与风险程度的适应性',
        '6 评估结论',
        '7 审核与批准',
        '8 保存期限',
      ])
        assert.ok(text.includes(heading), `docx has ${heading}`);
      assert.ok(text.includes('门诊挂号与电子病历'));
      assert.ok(text.includes('第五十五条'));
      assert.ok(text.includes('2029年3月2日'));
      assert.ok(text.includes('huang.min'));
      assert.ok(!text.includes('本报告为草稿'));

      const pdf = await reviewer.inject({ url: url(`/${pipiaId}/report.pdf`) });
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const file = path.join(dir, `${dialect}.pdf`);
      writeFileSync(file, pdf.rawPayload);
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
      for (const heading of ['1评估概述', '6评估结论', '8保存期限', '门诊挂号与电子病历'])
        assert.ok(pdfText.includes(heading), `pdf has ${heading}`);

      const en = await reviewer.inject({ url: url(`/${pipiaId}/report.docx?lang=en`) });
      assert.equal(en.statusCode, 200);
    });

    it('keeps organisations apart', async (t) => {
      if (!h) return t.skip('database unavailable');
      const read = await outsider.inject({ url: url(`/${pipiaId}`) });
      assert.equal(read.statusCode, 404, read.body);
      const theirs = `/api/organisations/${otherOrgId}/privacy/pipias`;
      const peek = await outsider.inject({ url: `${theirs}/${pipiaId}` });
      assert.equal(peek.statusCode, 404, peek.body);
      const report = await outsider.inject({ url: `${theirs}/${pipiaId}/report.pdf` });
      assert.equal(report.statusCode, 404, report.body);
      const borrow = await outsider.inject({
        method: 'POST',
        url: theirs,
        payload: { title: '借用他人活动', activityIds: [outpatient] },
      });
      assert.equal(borrow.statusCode, 400, borrow.body);
      const list = await outsider.inject({ url: theirs });
      assert.equal(list.json().total, 0);
      const mine = await author.inject({ url: url() });
      assert.ok((mine.json().total as number) >= 2);
    });

    it('after the retention the approved assessment can be deleted', async (t) => {
      if (!h) return t.skip('database unavailable');
      // 2026-03-02 → past 2029-03-02 (inclusive) in Beijing.
      h.clock.advanceMinutes(((365 * 3 + 2) * 24 + 1) * 60);
      // (Sessions do not live three years: the app layer is called directly.)
      await deletePipiaCommand(h.ctx, CLI_ACTOR, orgId, pipiaId);
      await deleteActivityCommand(h.ctx, CLI_ACTOR, orgId, outpatient);
    });
  });
}
