/**
 * Reading PIPIAs (个人信息保护影响评估): the organisation's list (without content) and one
 * assessment with its decrypted answers, reviewers and what is still unanswered.
 */
import type { Kysely } from 'kysely';
import {
  activitiesByIds,
  getPipia,
  listPipias,
  userNames,
} from '../../../store/repositories/pipia.repository';
import type { Database, PrivacyPipiaRow } from '../../../store/schema';
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import {
  activityIdsOf,
  decryptContent,
  presentSummary,
  reviewsOf,
  triggersOf,
  type PipiaDto,
  type PipiaSummaryDto,
} from './model';
import { applicableQuestions, pipiaQuestionnaire } from './questionnaire';

type Db = Kysely<Database>;

async function lookups(
  db: Db,
  organisationId: string,
  rows: readonly PrivacyPipiaRow[],
  moreUserIds: readonly string[] = [],
) {
  const activityIds = [...new Set(rows.flatMap(activityIdsOf))];
  const activities = new Map(
    (await activitiesByIds(db, organisationId, activityIds)).map((a) => [
      a.id,
      { code: a.code, name: a.name },
    ]),
  );
  const userIds = rows.flatMap((r) => [
    ...(r.created_by ? [r.created_by] : []),
    ...(r.approved_by ? [r.approved_by] : []),
    ...reviewsOf(r).map((x) => x.userId),
    ...moreUserIds,
  ]);
  return { activities, names: await userNames(db, userIds) };
}

export async function listPipiasQuery(
  ctx: AppContext,
  within: OrgScope,
  db: Db = ctx.store.db,
): Promise<{ items: PipiaSummaryDto[]; total: number }> {
  const { organisationId } = inScope(within);
  const rows = await listPipias(db, organisationId);
  const { activities, names } = await lookups(db, organisationId, rows);
  const items = rows.map((r) => presentSummary(r, activities, names, ctx.labelCitation));
  return { items, total: items.length };
}

export async function presentPipia(
  ctx: AppContext,
  organisationId: string,
  row: PrivacyPipiaRow,
  db: Db = ctx.store.db,
): Promise<PipiaDto> {
  const content = decryptContent(ctx.cipher, row);
  const returnedBy = (content.returns ?? []).flatMap((r) => (r.userId ? [r.userId] : []));
  const { activities, names } = await lookups(db, organisationId, [row], returnedBy);
  const applicable = applicableQuestions(
    pipiaQuestionnaire(row.questionnaire_version),
    triggersOf(row).map((t) => t.code),
  ).map((q) => q.id);
  const reviews = reviewsOf(row);
  return {
    ...presentSummary(row, activities, names, ctx.labelCitation),
    answers: content.answers,
    conclusion: content.conclusion,
    supersedes: content.supersedes
      ? { id: content.supersedes, title: await titleOf(db, organisationId, content.supersedes) }
      : null,
    returns: (content.returns ?? []).map((r) => ({
      ...r,
      displayName: r.userId ? (names.get(r.userId) ?? null) : null,
    })),
    reviewerIds: reviews.map((r) => r.userId),
    reviews: reviews.map((r) => ({ ...r, displayName: names.get(r.userId) ?? null })),
    applicableQuestionIds: applicable,
    unansweredQuestionIds: applicable.filter((id) => !content.answers[id]?.answer.trim()),
  };
}

async function titleOf(db: Db, organisationId: string, id: string): Promise<string | null> {
  try {
    return (await getPipia(db, organisationId, id)).title;
  } catch {
    return null; // deleted after its retention
  }
}

export async function pipiaDetailQuery(
  ctx: AppContext,
  within: OrgScope,
  pipiaId: string,
  db: Db = ctx.store.db,
): Promise<PipiaDto> {
  const { organisationId } = inScope(within);
  return presentPipia(ctx, organisationId, await getPipia(db, organisationId, pipiaId), db);
}
