/**
 * What the required-parts check (src/domain/data-security/risk.ts missingReportParts) knows of
 * an assessment: its narrative, its risks, the organisation's data-security profile, inventory
 * and provisions on record.
 */
import type { Kysely } from 'kysely';
import type { ReportPartsFacts } from '../../../domain/data-security/risk';
import type { RiskItemInput } from '../../../shared/data-security-schemas';
import type { Database } from '../../../store/schema';
import type { AppContext } from '../../context';
import { profileOfficer, type RiskAssessmentContent } from './model';
import { profileRow } from './store';

type Db = Kysely<Database>;

export async function reportPartsFacts(
  ctx: AppContext,
  db: Db,
  organisationId: string,
  content: RiskAssessmentContent,
  risks: readonly RiskItemInput[],
): Promise<ReportPartsFacts> {
  const profile = profileOfficer(ctx.cipher, await profileRow(db, organisationId));
  const count = async (table: 'data_resources' | 'important_data_provisions') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('organisation_id', '=', organisationId)
          .executeTakeFirst()
      )?.n ?? 0,
    );
  return {
    ...profile,
    inventoryResources: await count('data_resources'),
    managementMeasures: content.managementMeasures ?? null,
    technicalMeasures: content.technicalMeasures ?? null,
    risks: risks.map((r) => ({
      code: r.code,
      hasMeasures: !!r.measures?.trim(),
      status: r.status,
    })),
    provisionAssessments: content.provisionAssessments ?? null,
    provisionsOnRecord: await count('important_data_provisions'),
    exportSituation: content.exportSituation ?? null,
    conclusion: content.conclusion ?? null,
  };
}
