/**
 * Every change to a PIPIA (个人信息保护影响评估), each in one transaction with its audit entry
 * (see {@link audited}; answers and conclusion never go to the audit log, only which questions
 * were answered). The rules:
 *
 * - created from activities of the register; the PIPL Art. 55 triggers found then and the
 *   questionnaire version are stored with it; answers only for that version's questions that
 *   apply to the triggers;
 * - edited (with its version) while draft or returned; in review and approved it is read-only;
 * - submit (privacy.write): every applicable question answered and the overall risk set;
 * - review (a named reviewer): agree; return (a named reviewer or privacy.approve): back to the
 *   author with a comment;
 * - approve (privacy.approve, a signed-in person who is not its creator — separation of duties —
 *   once every named reviewer agreed): approved today (Beijing), kept until three years later
 *   (PIPL Art. 56), and the covered activities' records kept at least as long;
 * - delete: drafts, or approved ones once their retention has run out.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { pipiaRetainUntil } from '../../../domain/privacy/pipia-triggers';
import { ConflictError, ForbiddenError, ValidationError, type ErrorDetail } from '../../../errors';
import type {
  PipiaAnswer,
  PipiaInput,
  PipiaPatch,
  PipiaTransition,
} from '../../../shared/privacy-schemas';
import { can } from '../../../shared/roles';
import {
  activitiesByIds,
  deletePipia,
  getPipia,
  insertPipia,
  membersByIds,
  raiseActivityRetention,
  updatePipiaColumns,
} from '../../../store/repositories/pipia.repository';
import type { Database, PrivacyPipiaRow } from '../../../store/schema';
import { audited, rowChanges, type Actor } from '../../actor';
import { inScope, type OrgScope } from '../../access';
import { beijingToday } from '../../clock';
import type { AppContext } from '../../context';
import {
  activityIdsOf,
  decodeActivity,
  decryptContent,
  encryptContent,
  reviewsOf,
  triggersOf,
  type CoveredActivity,
  type PipiaContent,
  type StoredReview,
  type StoredTrigger,
} from './model';
import { applicableQuestions, pipiaQuestionnaire, type PipiaQuestionnaire } from './questionnaire';
import { coveredTriggers } from './triggers';

type Db = Kysely<Database>;

const READ_ONLY: Record<string, string> = {
  in_review:
    'the impact assessment is in review; a reviewer or approver returns it (action return) before it can be changed',
  approved:
    'the impact assessment is approved and read-only; open a new assessment for a new version',
};

/** The covered activities, each checked to be the organisation's; problems name activityIds[i]. */
async function coveredActivities(
  ctx: AppContext,
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<CoveredActivity[]> {
  const rows = await activitiesByIds(db, organisationId, ids);
  const found = new Set(rows.map((r) => r.id));
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined)
      problems.push({ path: `activityIds[${i}]`, message: `${id} is also activityIds[${first}]` });
    else seen.set(id, i);
    if (!found.has(id))
      problems.push({
        path: `activityIds[${i}]`,
        message: `${id} is not a processing activity of the organisation's register`,
      });
  });
  if (problems.length > 0)
    throw new ValidationError('some activities cannot be assessed', problems);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => decodeActivity(ctx.cipher, byId.get(id)!));
}

/** Reviewers must be members of the organisation who may read the register (privacy.read). */
async function checkReviewers(
  db: Db,
  organisationId: string,
  reviewerIds: readonly string[],
): Promise<void> {
  const members = new Map(
    (await membersByIds(db, organisationId, reviewerIds)).map((m) => [m.userId, m]),
  );
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  reviewerIds.forEach((id, i) => {
    const m = members.get(id);
    if (seen.has(id)) problems.push({ path: `reviewerIds[${i}]`, message: `${id} is named twice` });
    seen.add(id);
    if (!m)
      problems.push({
        path: `reviewerIds[${i}]`,
        message: `${id} is not a member of the organisation`,
      });
    else if (!can(m.role as Parameters<typeof can>[0], 'privacy.read'))
      problems.push({
        path: `reviewerIds[${i}]`,
        message: `${m.username} (${m.role}) may not read the personal-information register (privacy.read), so cannot review`,
      });
  });
  if (problems.length > 0) throw new ValidationError('some reviewers cannot review', problems);
}

/** Answers only for questions of the version that apply to the triggers; problems name the id. */
function checkAnswers(
  questionnaire: PipiaQuestionnaire,
  triggers: readonly StoredTrigger[],
  answers: Readonly<Record<string, PipiaAnswer>>,
): void {
  const all = new Set(questionnaire.questions.map((q) => q.id));
  const applicable = new Set(
    applicableQuestions(
      questionnaire,
      triggers.map((t) => t.code),
    ).map((q) => q.id),
  );
  const problems: ErrorDetail[] = [];
  for (const id of Object.keys(answers)) {
    if (!all.has(id))
      problems.push({
        path: `answers.${id}`,
        message: `${id} is not a question of questionnaire version ${questionnaire.version}`,
      });
    else if (!applicable.has(id))
      problems.push({
        path: `answers.${id}`,
        message: `question ${id} does not apply to this assessment (none of its triggers was found in the covered activities); remove the answer`,
      });
  }
  if (problems.length > 0) throw new ValidationError('some answers cannot be recorded', problems);
}

/** The approved assessment a new one supersedes; anything else is a problem at `supersedes`. */
async function supersededAssessment(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PrivacyPipiaRow> {
  let row: PrivacyPipiaRow;
  try {
    row = await getPipia(db, organisationId, id);
  } catch {
    throw new ValidationError('the superseded assessment is unknown', [
      { path: 'supersedes', message: `${id} is not an impact assessment of the organisation` },
    ]);
  }
  if (row.status !== 'approved')
    throw new ValidationError('only an approved assessment is superseded', [
      {
        path: 'supersedes',
        message: `${row.title} is ${row.status}; change it instead of opening a new version`,
      },
    ]);
  return row;
}

/** The answer texts trimmed; empty measures dropped. */
function cleanAnswers(answers: Readonly<Record<string, PipiaAnswer>>): Record<string, PipiaAnswer> {
  const out: Record<string, PipiaAnswer> = {};
  for (const [id, a] of Object.entries(answers).sort(([x], [y]) => x.localeCompare(y)))
    out[id] = {
      answer: a.answer.trim(),
      risk: a.risk ?? null,
      measure: a.measure?.trim() || null,
    };
  return out;
}

/** What the audit log keeps of the content: which questions are answered, never the words. */
const contentFacts = (content: PipiaContent) => ({
  answered_questions: Object.keys(content.answers).filter((id) => content.answers[id]!.answer),
  conclusion_chars: content.conclusion?.length ?? 0,
});

export function createPipiaCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: PipiaInput,
): Promise<PrivacyPipiaRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const activities = await coveredActivities(ctx, trx, organisationId, input.activityIds);
    await checkReviewers(trx, organisationId, input.reviewerIds);
    const triggers = coveredTriggers(activities, beijingToday(ctx.clock));
    const questionnaire = pipiaQuestionnaire();
    let answers = cleanAnswers(input.answers);
    let conclusion = input.conclusion?.trim() || null;
    if (input.supersedes) {
      const earlier = await supersededAssessment(trx, organisationId, input.supersedes);
      // A new version starts from the earlier answers that still apply (unless answers are given).
      if (Object.keys(answers).length === 0) {
        const applicable = new Set(
          applicableQuestions(
            questionnaire,
            triggers.map((t) => t.code),
          ).map((q) => q.id),
        );
        const old = decryptContent(ctx.cipher, earlier);
        answers = Object.fromEntries(
          Object.entries(old.answers).filter(([qid]) => applicable.has(qid)),
        );
        conclusion ??= old.conclusion;
      }
    }
    checkAnswers(questionnaire, triggers, answers);
    const id = randomUUID();
    const content: PipiaContent = {
      answers,
      conclusion,
      ...(input.supersedes ? { supersedes: input.supersedes } : {}),
    };
    const reviews: StoredReview[] = input.reviewerIds.map((userId) => ({
      userId,
      decision: null,
      comment: null,
      decidedAt: null,
    }));
    const row: PrivacyPipiaRow = {
      id,
      organisation_id: organisationId,
      title: input.title,
      status: 'draft',
      activity_ids: JSON.stringify(input.activityIds),
      questionnaire_version: questionnaire.version,
      triggers: JSON.stringify(triggers),
      content_enc: encryptContent(ctx.cipher, id, content),
      overall_risk: input.overallRisk ?? null,
      reviews: JSON.stringify(reviews),
      submitted_at: null,
      approved_by: null,
      approved_on: null,
      retain_until: null,
      version: 1,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertPipia(trx, row);
    await audit({
      organisationId,
      action: 'privacy.pipia.create',
      entityType: 'privacy_pipia',
      entityId: id,
      changes: {
        ...rowChanges(null, row),
        trigger_codes: { before: null, after: triggers.map((t) => t.code) },
        ...(input.supersedes ? { supersedes: { before: null, after: input.supersedes } } : {}),
        content: { before: null, after: contentFacts(content) },
      },
    });
    return row;
  });
}

export function updatePipiaCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  pipiaId: string,
  patch: PipiaPatch,
): Promise<PrivacyPipiaRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getPipia(trx, organisationId, pipiaId);
    const lock = READ_ONLY[before.status];
    if (lock) throw new ConflictError(lock);
    let triggers = triggersOf(before);
    const columns: Partial<PrivacyPipiaRow> = {};
    if (patch.activityIds !== undefined) {
      const activities = await coveredActivities(ctx, trx, organisationId, patch.activityIds);
      triggers = coveredTriggers(activities, beijingToday(ctx.clock));
      columns.activity_ids = JSON.stringify(patch.activityIds);
      columns.triggers = JSON.stringify(triggers);
    }
    if (patch.reviewerIds !== undefined) {
      await checkReviewers(trx, organisationId, patch.reviewerIds);
      const old = new Map(reviewsOf(before).map((r) => [r.userId, r]));
      columns.reviews = JSON.stringify(
        patch.reviewerIds.map(
          (userId): StoredReview =>
            old.get(userId) ?? { userId, decision: null, comment: null, decidedAt: null },
        ),
      );
    }
    if (patch.title !== undefined) columns.title = patch.title;
    if (patch.overallRisk !== undefined) columns.overall_risk = patch.overallRisk ?? null;
    const stored = decryptContent(ctx.cipher, before);
    const content: PipiaContent = {
      ...stored,
      answers: patch.answers !== undefined ? cleanAnswers(patch.answers) : stored.answers,
      conclusion:
        patch.conclusion !== undefined ? patch.conclusion?.trim() || null : stored.conclusion,
    };
    const questionnaire = pipiaQuestionnaire(before.questionnaire_version);
    // Changed activities may leave earlier answers without their trigger: named, not dropped.
    checkAnswers(questionnaire, triggers, content.answers);
    if (patch.answers !== undefined || patch.conclusion !== undefined)
      columns.content_enc = encryptContent(ctx.cipher, pipiaId, content);
    const after = await updatePipiaColumns(
      trx,
      organisationId,
      pipiaId,
      patch.version,
      columns,
      now,
    );
    await audit({
      organisationId,
      action: 'privacy.pipia.update',
      entityType: 'privacy_pipia',
      entityId: pipiaId,
      changes: {
        ...rowChanges(before, after),
        ...(columns.content_enc
          ? { content: { before: contentFacts(stored), after: contentFacts(content) } }
          : {}),
      },
    });
    return after;
  });
}

/** The transition's rules; see the module comment. */
export function transitionPipiaCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  pipiaId: string,
  input: PipiaTransition,
): Promise<PrivacyPipiaRow> {
  const { organisationId, scope } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getPipia(trx, organisationId, pipiaId);
    const reviews = reviewsOf(before);
    const comment = input.comment?.trim() || null;
    const mine = actor.userId ? reviews.find((r) => r.userId === actor.userId) : undefined;
    let columns: Partial<PrivacyPipiaRow>;
    const audits: Record<string, { before: unknown; after: unknown }> = {};

    switch (input.action) {
      case 'submit': {
        if (!can(scope.role, 'privacy.write'))
          throw new ForbiddenError('submitting an impact assessment needs privacy.write');
        if (before.status !== 'draft' && before.status !== 'returned')
          throw new ConflictError(
            `the impact assessment is ${before.status}; only a draft or returned one can be submitted`,
          );
        const content = decryptContent(ctx.cipher, before);
        const questionnaire = pipiaQuestionnaire(before.questionnaire_version);
        const missing = applicableQuestions(
          questionnaire,
          triggersOf(before).map((t) => t.code),
        )
          .map((q) => q.id)
          .filter((id) => !content.answers[id]?.answer.trim());
        const problems: ErrorDetail[] = [];
        if (missing.length > 0)
          problems.push({
            path: 'answers',
            message: `${missing.length} applicable question(s) have no answer yet: ${missing.join(', ')}`,
          });
        if (!before.overall_risk)
          problems.push({
            path: 'overallRisk',
            message: 'set the overall risk level (low, medium, high or severe) before submitting',
          });
        if (problems.length > 0)
          throw new ValidationError('the impact assessment is not complete', problems);
        columns = {
          status: 'in_review',
          submitted_at: now,
          // A resubmission is reviewed afresh.
          reviews: JSON.stringify(
            reviews.map((r) => ({ ...r, decision: null, comment: null, decidedAt: null })),
          ),
        };
        break;
      }
      case 'review': {
        if (before.status !== 'in_review')
          throw new ConflictError(`the impact assessment is ${before.status}, not in review`);
        if (!mine)
          throw new ForbiddenError(
            'only a reviewer named on the impact assessment records a review',
          );
        columns = {
          reviews: JSON.stringify(
            reviews.map((r) =>
              r.userId === mine.userId ? { ...r, decision: 'agree', comment, decidedAt: now } : r,
            ),
          ),
        };
        audits.review_decision = { before: mine.decision, after: `${actor.label}: agree` };
        break;
      }
      case 'return': {
        if (before.status !== 'in_review')
          throw new ConflictError(
            `the impact assessment is ${before.status}; only one in review can be returned`,
          );
        if (!mine && !can(scope.role, 'privacy.approve'))
          throw new ForbiddenError(
            'only a named reviewer or an approver (privacy.approve) returns an impact assessment',
          );
        if (!comment)
          throw new ValidationError('say why the impact assessment is returned', [
            { path: 'comment', message: 'a comment is required when returning' },
          ]);
        const content = decryptContent(ctx.cipher, before);
        columns = {
          status: 'returned',
          content_enc: encryptContent(ctx.cipher, pipiaId, {
            ...content,
            returns: [...(content.returns ?? []), { userId: actor.userId, comment, at: now }],
          }),
          reviews: JSON.stringify(
            reviews.map((r) =>
              mine && r.userId === mine.userId
                ? { ...r, decision: 'return', comment, decidedAt: now }
                : r,
            ),
          ),
        };
        audits.review_decision = {
          before: mine?.decision ?? null,
          after: `${actor.label}: return`,
        };
        break;
      }
      case 'approve': {
        if (!can(scope.role, 'privacy.approve'))
          throw new ForbiddenError('approving an impact assessment needs privacy.approve');
        if (!actor.userId)
          throw new ForbiddenError(
            'an impact assessment is approved by a signed-in person (not an API token or the CLI)',
          );
        if (actor.userId === before.created_by)
          throw new ForbiddenError(
            'separation of duties: the creator of an impact assessment may not approve it; another approver must',
          );
        if (before.status !== 'in_review')
          throw new ConflictError(
            `the impact assessment is ${before.status}; only one in review can be approved`,
          );
        const pending = reviews.filter((r) => r.decision !== 'agree');
        if (pending.length > 0)
          throw new ConflictError(
            `${pending.length} named reviewer(s) have not agreed yet: ${pending.map((r) => r.userId).join(', ')}`,
          );
        const ids = activityIdsOf(before);
        const present = new Set((await activitiesByIds(trx, organisationId, ids)).map((a) => a.id));
        const gone = ids.filter((id) => !present.has(id));
        if (gone.length > 0)
          throw new ConflictError(
            `covered activities are no longer in the register (${gone.join(', ')}); return the assessment and change its activities`,
          );
        const approvedOn = beijingToday(ctx.clock);
        const retainUntil = pipiaRetainUntil(approvedOn);
        const raised = await raiseActivityRetention(trx, organisationId, ids, retainUntil);
        audits.activities_retained_until = { before: null, after: { retainUntil, raised } };
        columns = {
          status: 'approved',
          approved_by: actor.userId,
          approved_on: approvedOn,
          retain_until: retainUntil,
        };
        break;
      }
    }
    const after = await updatePipiaColumns(
      trx,
      organisationId,
      pipiaId,
      input.version,
      columns,
      now,
    );
    await audit({
      organisationId,
      action: `privacy.pipia.${input.action}`,
      entityType: 'privacy_pipia',
      entityId: pipiaId,
      changes: {
        ...rowChanges({ ...before, reviews: undefined }, { ...after, reviews: undefined }),
        ...audits,
        ...(comment ? { comment_chars: { before: null, after: comment.length } } : {}),
      },
    });
    return after;
  });
}

/**
 * Deletes a draft, or an approved assessment whose retention has run out (PIPL Art. 56: kept
 * at least three years). Anything else is CONFLICT with the reason and the date.
 */
export function deletePipiaCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  pipiaId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const row = await getPipia(trx, organisationId, pipiaId);
    const today = beijingToday(ctx.clock);
    if (row.status === 'approved') {
      if (row.retain_until && today <= row.retain_until)
        throw new ConflictError(
          `the approved impact assessment must be kept until ${row.retain_until} (inclusive): PIPL Art. 56 keeps the report and the processing records at least three years (个人信息保护影响评估报告和处理情况记录应当至少保存三年，${row.retain_until} 前不得删除)`,
        );
    } else if (row.status !== 'draft') {
      throw new ConflictError(
        `the impact assessment is ${row.status}; only drafts are deleted (a submitted assessment is kept as a record; an approved one until its retention ends)`,
      );
    }
    if (!(await deletePipia(trx, organisationId, pipiaId, row.version)))
      throw new ConflictError('the impact assessment changed meanwhile; reload and try again');
    await audit({
      organisationId,
      action: 'privacy.pipia.delete',
      entityType: 'privacy_pipia',
      entityId: pipiaId,
      changes: rowChanges({ ...row, reviews: undefined }, null),
    });
  });
}
