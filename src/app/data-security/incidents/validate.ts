/**
 * Checks of an incident against the organisation (all problems at once, each with its field
 * path): systems of the organisation, data resources of its inventory, criteria of the grading
 * guide, and times not before the incident was found.
 */
import { detail, type ErrorDetail } from '../../../errors';
import type { IncidentInput } from '../../../shared/data-security-schemas';
import type { IncidentContext } from './model';

export function incidentProblems(
  i: IncidentInput,
  context: IncidentContext,
  criterionIds: ReadonlySet<string>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const systems = new Set(context.systems.map((s) => s.id));
  i.systemIds.forEach((id, n) => {
    if (!systems.has(id)) problems.push(detail(`systemIds[${n}]`, 'incidents.unknown_system'));
  });
  i.dataResourceCodes.forEach((code, n) => {
    if (!context.resourceCodes.has(code))
      problems.push(detail(`dataResourceCodes[${n}]`, 'incidents.unknown_resource', { code }));
  });
  i.criteriaMet.forEach((id, n) => {
    if (!criterionIds.has(id))
      problems.push(detail(`criteriaMet[${n}]`, 'incidents.unknown_criterion', { id }));
  });
  const found = Date.parse(i.foundAt);
  const notBefore = (path: string, at: string | null | undefined) => {
    if (at && Date.parse(at) < found)
      problems.push(detail(path, 'incidents.before_found', { foundAt: i.foundAt }));
  };
  i.reports.forEach((r, n) => notBefore(`reports[${n}].submittedAt`, r.submittedAt));
  notBefore('handledAt', i.handledAt);
  notBefore('piIncident.notifiedAt', i.piIncident?.notifiedAt);
  return problems;
}
