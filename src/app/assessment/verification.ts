/**
 * Verification tests of a level assessment (漏洞扫描 and 渗透测试): import a Greenbone/OpenVAS
 * report, a Nessus `.nessus` file or a penetration-test sheet, matched to the test objects by IP
 * address (the object's `ipAddresses`) or by name (the host name), previewed (dry run) and then
 * stored all or nothing; list and delete imports; the high-risk candidates (guide case 6.4.3.2)
 * per object for the findings; the report's scan and penetration appendices. Every call checks
 * the caller's access scope; every change is audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import {
  vulnerabilityCandidates,
  type ObjectCandidates,
  type VerificationFindingInput,
} from '../../domain/mlps/assessment/verification';
import { NotFoundError, ValidationError, detail, type ErrorDetail } from '../../errors';
import { decryptNullable, encryptNullable } from '../../security/field-crypto';
import { say } from '../../shared/vocabulary';
import {
  VERIFICATION_SEVERITY_CODES,
  type ObjectCandidatesDto,
  type SeverityCounts,
  type VerificationAppendicesDto,
  type VerificationAppendixDto,
  type VerificationSeverityCode,
  type VerificationFindingDto,
  type VerificationHostDto,
  type VerificationImportDto,
  type VerificationImportSummaryDto,
  type VerificationListDto,
} from '../../shared/verification-schemas';
import {
  getAssessment,
  listTestObjects,
  touchAssessment,
} from '../../store/repositories/assessments.repository';
import {
  deleteVerificationImport,
  findVerificationImportBySm3,
  getVerificationImport,
  insertVerificationImport,
  listVerificationFindings,
  listVerificationImports,
} from '../../store/repositories/verification.repository';
import type {
  AssessmentRow,
  Database,
  TestObjectRow,
  VerificationFindingRow,
  VerificationFindingsTable,
  VerificationImportRow,
} from '../../store/schema';
import { parseVerificationFile } from '../../verification/detect';
import {
  DEFAULT_VERIFICATION_LIMITS,
  isIpAddress,
  normaliseAddress,
  type ParsedVerificationFile,
  type VerificationFinding,
  type VerificationLimits,
} from '../../verification/types';
import { importLimits } from '../../spreadsheet/limits';
import { inScope, type OrgScope } from '../access';
import { audited, rowChanges, type Actor } from '../actor';
import type { AppContext } from '../context';
import { editable } from './commands';
import { attributesOf } from './model';

type Db = Kysely<Database>;

/**
 * The largest verification file accepted: the bound of every file import
 * (DENGBAO_IMPORT_MAX_FILE_BYTES, 20 MB by default, src/spreadsheet/limits.ts).
 */
export const verificationMaxBytes = (): number => importLimits().maxFileBytes;

export interface VerificationImportOptions {
  readonly fileName: string;
  readonly dryRun?: boolean | undefined;
  /** Hosts that match no object may stay unassigned (listed, in no object's findings). */
  readonly allowUnassigned?: boolean | undefined;
  /** `host=objectId` or `host=object name`: the object of a host (overrides the matching). */
  readonly assign?: readonly string[] | undefined;
  /** Tighter bounds (tests). */
  readonly limits?: Partial<VerificationLimits> | undefined;
}

const NOT_IMPORTED = { code: 'verification.not_imported' } as const;

const zeroCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });

const hostKey = (h: { host: string | null; hostname: string | null }) =>
  h.host !== null ? normaliseAddress(h.host) : `name:${(h.hostname ?? '').toLowerCase()}`;

const hostLabel = (h: { host: string | null; hostname: string | null }) =>
  h.host ?? h.hostname ?? '?';

interface Match {
  readonly objectId: string | null;
  readonly matchedBy: VerificationHostDto['matchedBy'];
}

/**
 * The object of each host: an assignment of the request, else the object listing the host's IP
 * address, else the object named like the host (its full or short host name). Problems: unknown
 * hosts or objects in the assignments, and hosts with findings but no object (unless allowed).
 */
export function matchHosts(
  parsed: Pick<ParsedVerificationFile, 'hosts' | 'findings'>,
  objects: readonly TestObjectRow[],
  options: Pick<VerificationImportOptions, 'assign' | 'allowUnassigned'>,
): { matches: Map<string, Match>; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const byIp = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const o of objects) {
    for (const ip of attributesOf(o).ipAddresses) {
      if (isIpAddress(ip) && !byIp.has(normaliseAddress(ip))) byIp.set(normaliseAddress(ip), o.id);
    }
    const name = o.name.trim().toLowerCase();
    if (!byName.has(name)) byName.set(name, o.id);
  }
  const byLabel = new Map<string, string>();
  for (const h of parsed.hosts) {
    if (h.host) byLabel.set(normaliseAddress(h.host), hostKey(h));
    if (h.hostname) byLabel.set(h.hostname.toLowerCase(), hostKey(h));
  }
  const assigned = new Map<string, string>();
  for (const [index, entry] of (options.assign ?? []).entries()) {
    const at = entry.indexOf('=');
    const label = entry.slice(0, at).trim();
    const ref = entry.slice(at + 1).trim();
    const key = byLabel.get(isIpAddress(label) ? normaliseAddress(label) : label.toLowerCase());
    if (!key) {
      problems.push(
        detail(`assign[${index}]`, 'verification.assign_unknown_host', { host: label }),
      );
      continue;
    }
    const object =
      objects.find((o) => o.id === ref) ??
      objects.find((o) => o.name.trim().toLowerCase() === ref.toLowerCase());
    if (!object) {
      problems.push(
        detail(`assign[${index}]`, 'verification.assign_unknown_object', { object: ref }),
      );
      continue;
    }
    assigned.set(key, object.id);
  }
  const withFindings = new Set(parsed.findings.map(hostKey));
  const matches = new Map<string, Match>();
  for (const h of parsed.hosts) {
    const key = hostKey(h);
    if (matches.has(key)) continue;
    const fromAssign = assigned.get(key);
    const fromIp = h.host ? byIp.get(normaliseAddress(h.host)) : undefined;
    const name = h.hostname?.toLowerCase() ?? null;
    const fromName = name ? (byName.get(name) ?? byName.get(name.split('.')[0]!)) : undefined;
    const match: Match = fromAssign
      ? { objectId: fromAssign, matchedBy: 'assigned' }
      : fromIp
        ? { objectId: fromIp, matchedBy: 'ip' }
        : fromName
          ? { objectId: fromName, matchedBy: 'name' }
          : { objectId: null, matchedBy: null };
    matches.set(key, match);
    if (match.objectId === null && withFindings.has(key) && !options.allowUnassigned) {
      problems.push(
        detail(`hosts.${hostLabel(h)}`, 'verification.host_unmatched', { host: hostLabel(h) }),
      );
    }
  }
  return { matches, problems };
}

function countsOf(findings: readonly { severity: string }[]): SeverityCounts {
  const counts = zeroCounts();
  for (const f of findings) {
    if ((VERIFICATION_SEVERITY_CODES as readonly string[]).includes(f.severity)) {
      counts[f.severity as keyof SeverityCounts] += 1;
    }
  }
  return counts;
}

function candidatesDto(
  list: readonly ObjectCandidates[],
  objects: readonly TestObjectRow[],
): ObjectCandidatesDto[] {
  const names = new Map(objects.map((o) => [o.id, o.name]));
  const order = new Map(objects.map((o, i) => [o.id, i]));
  return [...list]
    .sort((a, b) => (order.get(a.objectId) ?? 0) - (order.get(b.objectId) ?? 0))
    .map((c) => ({
      objectId: c.objectId,
      objectName: names.get(c.objectId) ?? c.objectId,
      caseId: c.caseId,
      requirementId: c.requirementId,
      symptoms: [...c.symptoms],
      candidates: c.candidates.map((x) => ({
        findingId: x.findingId,
        name: x.name,
        host: x.host,
        port: x.port,
        cves: [...x.cves],
        cvss: x.cvss,
        severity: x.severity,
        symptoms: [...x.symptoms],
        reasons: x.reasons.map((r) => ({ ...r })),
      })),
    }));
}

const problemDto = (d: ErrorDetail) => ({
  path: d.path,
  message: d.message,
  ...(d.code
    ? { code: d.code, params: { ...d.params }, messageZh: say(d.code, d.params ?? {}, 'zh') }
    : {}),
});

/**
 * Imports a verification file into an assessment: parsed within bounds, hosts matched to test
 * objects, then (unless a dry run) stored all or nothing with its audit entry. A dry run answers
 * the same preview with the problems a commit would refuse; a commit with problems is refused
 * (400) and writes nothing. The same file (by SM3) cannot be imported twice.
 */
export async function importVerificationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  content: Buffer,
  options: VerificationImportOptions,
): Promise<VerificationImportDto> {
  const { organisationId, systemIds } = inScope(within);
  await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
  const fileName = options.fileName.trim();
  if (
    !fileName ||
    fileName.length > 255 ||
    [...fileName].some((ch) => ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32)
  ) {
    throw new ValidationError(NOT_IMPORTED, [detail('fileName', 'verification.file_name')]);
  }
  const limits = {
    ...DEFAULT_VERIFICATION_LIMITS,
    maxFileBytes: verificationMaxBytes(),
    ...options.limits,
  };
  const parsed = await parseVerificationFile(content, limits);
  const sm3 = createHash('sm3').update(content).digest('hex');

  const build = async (db: Db) => {
    const objects = await listTestObjects(db, assessmentId);
    const { matches, problems } = matchHosts(parsed, objects, options);
    const previous = await findVerificationImportBySm3(db, assessmentId, sm3);
    if (previous) {
      problems.unshift(
        detail('file', 'verification.already_imported', {
          file: previous.file_name,
          at: previous.imported_at.slice(0, 10),
        }),
      );
    }
    const ids = parsed.findings.map(() => randomUUID());
    const objectOf = (f: VerificationFinding) => matches.get(hostKey(f))?.objectId ?? null;
    return { objects, matches, problems, ids, objectOf };
  };

  const preview = (
    b: Awaited<ReturnType<typeof build>>,
    level: number,
    id: string | null,
  ): VerificationImportDto => {
    const names = new Map(b.objects.map((o) => [o.id, o.name]));
    const hosts: VerificationHostDto[] = [];
    const seen = new Set<string>();
    for (const h of parsed.hosts) {
      const key = hostKey(h);
      if (seen.has(key)) continue;
      seen.add(key);
      const match = b.matches.get(key) ?? { objectId: null, matchedBy: null };
      const own = parsed.findings.filter((f) => hostKey(f) === key);
      hosts.push({
        host: h.host,
        hostname: h.hostname,
        objectId: match.objectId,
        objectName: match.objectId ? (names.get(match.objectId) ?? null) : null,
        matchedBy: match.matchedBy,
        findingCount: own.length,
        counts: countsOf(own),
      });
    }
    const inputs: VerificationFindingInput[] = parsed.findings.map((f, i) => ({
      ...f,
      id: b.ids[i]!,
      objectId: b.objectOf(f),
    }));
    return {
      id,
      dryRun: id === null,
      fileName,
      format: parsed.format,
      sm3,
      scanner: parsed.scanner,
      scannerVersion: parsed.scannerVersion,
      scanDate: parsed.scanDate,
      findingCount: parsed.findings.length,
      counts: countsOf(parsed.findings),
      hosts,
      candidates: candidatesDto(
        vulnerabilityCandidates(inputs, level, ctx.catalog.highRiskCases),
        b.objects,
      ),
      problems: b.problems.map(problemDto),
    };
  };

  if (options.dryRun) {
    const assessment = await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
    return preview(await build(ctx.store.db), assessment.level, null);
  }
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await editable(trx, organisationId, assessmentId, systemIds);
    const b = await build(trx);
    if (b.problems.length > 0) throw new ValidationError(NOT_IMPORTED, b.problems);
    const importId = randomUUID();
    const counts = countsOf(parsed.findings);
    const row = {
      id: importId,
      assessment_id: assessmentId,
      organisation_id: organisationId,
      file_name: fileName,
      format: parsed.format,
      sm3,
      size: content.length,
      scanner: parsed.scanner,
      scanner_version: parsed.scannerVersion,
      scan_date: parsed.scanDate,
      host_count: new Set(parsed.hosts.map(hostKey)).size,
      finding_count: parsed.findings.length,
      counts: JSON.stringify(counts),
      imported_by: actor.label,
      imported_at: now,
    };
    const findings: Insertable<VerificationFindingsTable>[] = parsed.findings.map((f, i) => {
      const id = b.ids[i]!;
      const bind = (column: string) => ({ table: 'verification_findings', column, rowId: id });
      return {
        id,
        import_id: importId,
        assessment_id: assessmentId,
        organisation_id: organisationId,
        object_id: b.objectOf(f),
        position: i,
        source: f.source,
        host: f.host?.slice(0, 64) ?? null,
        hostname: f.hostname?.slice(0, 255) ?? null,
        port: f.port,
        protocol: f.protocol?.slice(0, 20) ?? null,
        service: f.service?.slice(0, 60) ?? null,
        name: f.name.slice(0, 500),
        cves: JSON.stringify(f.cves),
        cvss_tenths: f.cvss === null ? null : Math.round(f.cvss * 10),
        cvss_version: f.cvssVersion,
        severity: f.severity,
        exploitable: f.exploitable === null ? null : f.exploitable ? 1 : 0,
        qod: f.qod,
        plugin_id: f.pluginId?.slice(0, 100) ?? null,
        description_enc: encryptNullable(ctx.cipher, f.description, bind('description_enc')),
        solution_enc: encryptNullable(ctx.cipher, f.solution, bind('solution_enc')),
      };
    });
    await insertVerificationImport(trx, row, findings);
    await touchAssessment(trx, assessmentId, now);
    const assignedHosts = [...b.matches.values()].filter((m) => m.objectId !== null).length;
    await audit({
      organisationId,
      action: 'assessment.verification.import',
      entityType: 'verification_import',
      entityId: importId,
      changes: rowChanges(null, {
        assessment_id: assessmentId,
        file_name: fileName,
        format: parsed.format,
        file_sm3: sm3,
        scanner: [parsed.scanner, parsed.scannerVersion].filter(Boolean).join(' ') || null,
        scan_date: parsed.scanDate,
        findings: parsed.findings.length,
        counts,
        hosts: { total: b.matches.size, assigned: assignedHosts },
      }),
    });
    return preview(b, assessment.level, importId);
  });
}

/** Deletes an import and its findings; NOT_FOUND outside the scope or for an unknown import. */
export async function deleteVerificationImportCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  importId: string,
): Promise<void> {
  const { organisationId, systemIds } = inScope(within);
  await audited(ctx, actor, async (trx, audit, now) => {
    await editable(trx, organisationId, assessmentId, systemIds);
    const before = await getVerificationImport(trx, assessmentId, importId);
    if (!before) throw new NotFoundError('verification import', importId);
    await deleteVerificationImport(trx, assessmentId, importId);
    await touchAssessment(trx, assessmentId, now);
    await audit({
      organisationId,
      action: 'assessment.verification.delete',
      entityType: 'verification_import',
      entityId: importId,
      changes: rowChanges(
        {
          file_name: before.file_name,
          format: before.format,
          file_sm3: before.sm3,
          findings: before.finding_count,
        },
        null,
      ),
    });
  });
}

const presentImport = (r: VerificationImportRow): VerificationImportSummaryDto => ({
  id: r.id,
  fileName: r.file_name,
  format: r.format as VerificationImportSummaryDto['format'],
  sm3: r.sm3,
  size: r.size,
  scanner: r.scanner,
  scannerVersion: r.scanner_version,
  scanDate: r.scan_date,
  hostCount: r.host_count,
  findingCount: r.finding_count,
  counts: { ...zeroCounts(), ...(JSON.parse(r.counts) as Partial<SeverityCounts>) },
  importedBy: r.imported_by,
  importedAt: r.imported_at,
});

function presentFinding(
  ctx: Pick<AppContext, 'cipher'>,
  r: VerificationFindingRow,
  names: ReadonlyMap<string, string>,
): VerificationFindingDto {
  const bind = (column: string) => ({ table: 'verification_findings', column, rowId: r.id });
  return {
    id: r.id,
    importId: r.import_id,
    objectId: r.object_id,
    objectName: r.object_id ? (names.get(r.object_id) ?? null) : null,
    source: r.source as 'scan' | 'pentest',
    host: r.host,
    hostname: r.hostname,
    port: r.port,
    protocol: r.protocol,
    service: r.service,
    name: r.name,
    cves: JSON.parse(r.cves) as string[],
    cvss: r.cvss_tenths === null ? null : r.cvss_tenths / 10,
    cvssVersion: r.cvss_version,
    severity: r.severity as VerificationFindingDto['severity'],
    exploitable: r.exploitable === null ? null : r.exploitable === 1,
    qod: r.qod,
    pluginId: r.plugin_id,
    description: decryptNullable(ctx.cipher, r.description_enc, bind('description_enc')),
    solution: decryptNullable(ctx.cipher, r.solution_enc, bind('solution_enc')),
  };
}

const inputOf = (r: VerificationFindingRow): VerificationFindingInput => ({
  id: r.id,
  objectId: r.object_id,
  source: r.source as 'scan' | 'pentest',
  host: r.host,
  hostname: r.hostname,
  port: r.port,
  name: r.name,
  cves: JSON.parse(r.cves) as string[],
  cvss: r.cvss_tenths === null ? null : r.cvss_tenths / 10,
  severity: r.severity as VerificationFindingInput['severity'],
  exploitable: r.exploitable === null ? null : r.exploitable === 1,
  qod: r.qod,
});

/** Imports, findings (optionally of one object; info items only when asked) and candidates. */
export async function verificationListQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  filter: { readonly objectId?: string | undefined; readonly includeInfo?: boolean } = {},
): Promise<VerificationListDto> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const assessment = await getAssessment(db, organisationId, assessmentId, systemIds);
  const [imports, objects, rows] = await Promise.all([
    listVerificationImports(db, assessmentId),
    listTestObjects(db, assessmentId),
    listVerificationFindings(db, assessmentId, {
      objectId: filter.objectId,
      ...(filter.includeInfo ? {} : { minSeverity: 'low' as const }),
    }),
  ]);
  const names = new Map(objects.map((o) => [o.id, o.name]));
  return {
    imports: imports.map(presentImport),
    findings: rows.map((r) => presentFinding(ctx, r, names)),
    candidates: await candidatesForAssessment(ctx, db, assessment, objects),
  };
}

/**
 * The high-risk candidates (guide case 6.4.3.2) per test object of an assessment already checked
 * against the caller's scope: for the findings (src/app/assessment/queries.ts currentFindings).
 */
export async function candidatesForAssessment(
  ctx: Pick<AppContext, 'catalog'>,
  db: Db,
  assessment: AssessmentRow,
  objects?: readonly TestObjectRow[],
): Promise<ObjectCandidatesDto[]> {
  const [rows, objs] = await Promise.all([
    listVerificationFindings(db, assessment.id, { minSeverity: 'low' }),
    objects ?? listTestObjects(db, assessment.id),
  ]);
  return candidatesDto(
    vulnerabilityCandidates(rows.map(inputOf), assessment.level, ctx.catalog.highRiskCases),
    objs,
  );
}

/** Per object, the high-risk candidates of an assessment; NOT_FOUND outside the scope. */
export async function verificationCandidates(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  db: Db = ctx.store.db,
): Promise<ObjectCandidatesDto[]> {
  const { organisationId, systemIds } = inScope(within);
  const assessment = await getAssessment(db, organisationId, assessmentId, systemIds);
  return candidatesForAssessment(ctx, db, assessment);
}

/**
 * The report's appendices: scan findings and penetration-test findings of severity low and above,
 * per object (in object order; unassigned hosts last), most severe first.
 */
export async function verificationAppendices(
  db: Db,
  assessmentId: string,
): Promise<VerificationAppendicesDto> {
  const [imports, objects, rows] = await Promise.all([
    listVerificationImports(db, assessmentId),
    listTestObjects(db, assessmentId),
    listVerificationFindings(db, assessmentId, { minSeverity: 'low' }),
  ]);
  const order = new Map(objects.map((o, i) => [o.id, i]));
  const names = new Map(objects.map((o) => [o.id, o.name]));
  const place = (id: string | null) => (id === null ? 1e9 : (order.get(id) ?? 1e9));
  const rank = (s: string) => (VERIFICATION_SEVERITY_CODES as readonly string[]).indexOf(s);
  const sorted = [...rows].sort(
    (a, b) =>
      place(a.object_id) - place(b.object_id) ||
      rank(a.severity) - rank(b.severity) ||
      (b.cvss_tenths ?? -1) - (a.cvss_tenths ?? -1),
  );
  const target = (r: VerificationFindingRow) => {
    const host = r.host ?? r.hostname ?? '—';
    const shown = r.host?.includes(':') && r.port ? `[${host}]` : host;
    return r.port ? `${shown}:${r.port}${r.protocol ? `/${r.protocol}` : ''}` : shown;
  };
  const appendix = (source: 'scan' | 'pentest'): VerificationAppendixDto => ({
    sources: imports
      .filter((i) => (source === 'pentest') === (i.format === 'pentest'))
      .map((i) => ({
        scanner: [i.scanner, i.scanner_version].filter(Boolean).join(' ') || null,
        scanDate: i.scan_date,
        fileName: i.file_name,
      })),
    rows: sorted
      .filter((r) => r.source === source)
      .map((r) => ({
        objectName: r.object_id ? (names.get(r.object_id) ?? null) : null,
        target: target(r),
        name: r.name,
        cves: JSON.parse(r.cves) as string[],
        cvss: r.cvss_tenths === null ? null : r.cvss_tenths / 10,
        severity: r.severity as VerificationSeverityCode,
        exploitable: r.exploitable === null ? null : r.exploitable === 1,
      })),
  });
  return { scan: appendix('scan'), pentest: appendix('pentest') };
}

/**
 * The observations a finding's risk suggestion uses: the assessor's own, plus for each guide case
 * with scan or penetration-test candidates on the finding's failing objects (6.4.3.2 on 8.1.4.4-e)
 * the candidates' symptoms, unless the assessor recorded that case themselves (their record,
 * mitigations included, wins). For currentFindings (src/app/assessment/queries.ts).
 */
export function withVerificationObservations<
  O extends { caseId: string; symptoms: readonly number[]; mitigations: readonly number[] },
>(
  observations: readonly O[],
  candidates: readonly ObjectCandidatesDto[],
  requirementId: string,
  objectIds: readonly string[],
): (O | { caseId: string; symptoms: number[]; mitigations: number[] })[] {
  const extra = new Map<string, Set<number>>();
  for (const c of candidates) {
    if (c.requirementId !== requirementId || !objectIds.includes(c.objectId)) continue;
    if (observations.some((o) => o.caseId === c.caseId)) continue;
    const set = extra.get(c.caseId) ?? new Set<number>();
    for (const s of c.symptoms) set.add(s);
    extra.set(c.caseId, set);
  }
  return [
    ...observations,
    ...[...extra].map(([caseId, symptoms]) => ({
      caseId,
      symptoms: [...symptoms].sort(),
      mitigations: [],
    })),
  ];
}
