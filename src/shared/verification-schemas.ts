/**
 * Wire shapes of verification tests (漏洞扫描, 渗透测试) of a level assessment: the import's
 * options and the preview, import and list answers. Shared by the server, the CLI and the web.
 */
import { z } from 'zod';

export const VERIFICATION_SEVERITY_CODES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type VerificationSeverityCode = (typeof VERIFICATION_SEVERITY_CODES)[number];

const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

/** `host=objectId` (or `host=object name`); repeated. */
const AssignSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(
    z
      .array(
        z
          .string()
          .max(300)
          .regex(/^[^=]+=.+$/, 'write host=test object (id or name)'),
      )
      .max(1000),
  );

/** Query of POST …/verification (the file is the raw body). */
export const VerificationImportQuerySchema = z.object({
  fileName: z.string().min(1, 'give the file name').max(255),
  dryRun: flag.optional(),
  allowUnassigned: flag.optional(),
  assign: AssignSchema.optional(),
});
export type VerificationImportQuery = z.input<typeof VerificationImportQuerySchema>;

export type SeverityCounts = Record<VerificationSeverityCode, number>;

export interface BilingualText {
  zh: string;
  en: string;
}

export interface VerificationHostDto {
  host: string | null;
  hostname: string | null;
  objectId: string | null;
  objectName: string | null;
  /** How the object was found: its IP address, its name, the request's assignment; null = none. */
  matchedBy: 'ip' | 'name' | 'assigned' | null;
  findingCount: number;
  counts: SeverityCounts;
}

export interface VulnerabilityCandidateDto {
  findingId: string;
  name: string;
  host: string | null;
  port: number | null;
  cves: string[];
  cvss: number | null;
  severity: VerificationSeverityCode;
  symptoms: number[];
  reasons: BilingualText[];
}

export interface ObjectCandidatesDto {
  objectId: string;
  objectName: string;
  caseId: string;
  requirementId: string;
  symptoms: number[];
  candidates: VulnerabilityCandidateDto[];
}

export interface VerificationProblemDto {
  path: string;
  code?: string;
  message: string;
  messageZh?: string;
  params?: Record<string, string | number>;
}

/** The answer of POST …/verification: the preview (dryRun) or what was imported. */
export interface VerificationImportDto {
  /** null on a dry run. */
  id: string | null;
  dryRun: boolean;
  fileName: string;
  format: 'greenbone' | 'nessus' | 'pentest';
  sm3: string;
  scanner: string | null;
  scannerVersion: string | null;
  scanDate: string | null;
  findingCount: number;
  counts: SeverityCounts;
  hosts: VerificationHostDto[];
  candidates: ObjectCandidatesDto[];
  /** Why a commit would be refused (unmatched hosts, unknown assignments); empty = it would pass. */
  problems: VerificationProblemDto[];
}

export interface VerificationImportSummaryDto {
  id: string;
  fileName: string;
  format: 'greenbone' | 'nessus' | 'pentest';
  sm3: string;
  size: number;
  scanner: string | null;
  scannerVersion: string | null;
  scanDate: string | null;
  hostCount: number;
  findingCount: number;
  counts: SeverityCounts;
  importedBy: string;
  importedAt: string;
}

export interface VerificationFindingDto {
  id: string;
  importId: string;
  objectId: string | null;
  objectName: string | null;
  source: 'scan' | 'pentest';
  host: string | null;
  hostname: string | null;
  port: number | null;
  protocol: string | null;
  service: string | null;
  name: string;
  cves: string[];
  cvss: number | null;
  cvssVersion: string | null;
  severity: VerificationSeverityCode;
  exploitable: boolean | null;
  qod: number | null;
  pluginId: string | null;
  description: string | null;
  solution: string | null;
}

/** The answer of GET …/verification. */
export interface VerificationListDto {
  imports: VerificationImportSummaryDto[];
  findings: VerificationFindingDto[];
  candidates: ObjectCandidatesDto[];
}

/** One finding in the report's 漏洞扫描结果记录 / 渗透测试结果记录 appendix. */
export interface VerificationAppendixRowDto {
  /** null = a host that matches no test object. */
  objectName: string | null;
  /** Address (or host name) with port and protocol, e.g. `10.20.1.11:443/tcp`. */
  target: string;
  name: string;
  cves: string[];
  cvss: number | null;
  severity: VerificationSeverityCode;
  exploitable: boolean | null;
}

export interface VerificationAppendixDto {
  /** The files behind it: tool and version, scan date, file name. */
  sources: { scanner: string | null; scanDate: string | null; fileName: string }[];
  rows: VerificationAppendixRowDto[];
}

/** The report's two appendices (severity low and above, per object, most severe first). */
export interface VerificationAppendicesDto {
  scan: VerificationAppendixDto;
  pentest: VerificationAppendixDto;
}
