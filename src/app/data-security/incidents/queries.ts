/** Reads of the incident register: every incident with its duties as of the app clock's now. */
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import {
  getIncidentRow,
  incidentContext,
  listIncidentRows,
  presentIncident,
  type IncidentView,
} from './model';

export async function incidentsQuery(ctx: AppContext, within: OrgScope): Promise<IncidentView[]> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const [rows, context] = await Promise.all([
    listIncidentRows(db, organisationId),
    incidentContext(db, ctx.cipher, organisationId),
  ]);
  const now = ctx.clock.now();
  return rows.map((r) => presentIncident(ctx.cipher, r, context, now));
}

export async function incidentQuery(
  ctx: AppContext,
  within: OrgScope,
  incidentId: string,
): Promise<IncidentView> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const [row, context] = await Promise.all([
    getIncidentRow(db, organisationId, incidentId),
    incidentContext(db, ctx.cipher, organisationId),
  ]);
  return presentIncident(ctx.cipher, row, context, ctx.clock.now());
}
