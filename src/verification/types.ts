/**
 * Verification tests of a level assessment (漏洞扫描 and 渗透测试, GB/T 28448-2019 工具测试): one
 * normalised shape for a finding whatever file it came from (Greenbone/OpenVAS report, Nessus
 * `.nessus` v2, penetration-test sheet). Pure: no I/O, no database.
 */
import { say, type MessageCode, type Params } from '../shared/vocabulary';

export const VERIFICATION_FORMATS = ['greenbone', 'nessus', 'pentest'] as const;
export type VerificationFormat = (typeof VERIFICATION_FORMATS)[number];

export const VERIFICATION_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type VerificationSeverity = (typeof VERIFICATION_SEVERITIES)[number];

/** Which kind of test found it: a scanner or a penetration test. */
export type VerificationSource = 'scan' | 'pentest';

export interface VerificationFinding {
  readonly source: VerificationSource;
  /** The target's IP address as written in the file (IPv4 or IPv6); null when only a name is known. */
  readonly host: string | null;
  /** Host name (FQDN, NetBIOS or the name the tester wrote); null when none. */
  readonly hostname: string | null;
  /** 0 for host-level findings ("general/tcp"); null when none is known. */
  readonly port: number | null;
  /** tcp / udp / icmp …; null when none. */
  readonly protocol: string | null;
  /** Service name (Nessus svc_name, e.g. `www`); null when none. */
  readonly service: string | null;
  readonly name: string;
  /** Distinct CVE ids in upper case, in file order. */
  readonly cves: readonly string[];
  /** Base score 0–10; null when the file gives none. */
  readonly cvss: number | null;
  /** '3.x' or '2.0' (the version of `cvss`); null with `cvss`. */
  readonly cvssVersion: string | null;
  readonly severity: VerificationSeverity;
  /** Whether an exploit is known or the tester exploited it; null = the file does not say. */
  readonly exploitable: boolean | null;
  readonly description: string | null;
  readonly solution: string | null;
  /** Greenbone NVT OID or Nessus plugin id; null for penetration tests. */
  readonly pluginId: string | null;
  /** Quality of detection (Greenbone QoD 0–100); null when none. */
  readonly qod: number | null;
}

/** What a file says about the scan as a whole. */
export interface ParsedVerificationFile {
  readonly format: VerificationFormat;
  /** E.g. "Greenbone", "Nessus", or the tester's tool / team; null when the file does not say. */
  readonly scanner: string | null;
  readonly scannerVersion: string | null;
  /** YYYY-MM-DD; null when the file does not say. */
  readonly scanDate: string | null;
  /** Every host the file names, findings or not (a host scanned clean counts too). */
  readonly hosts: readonly ScannedHost[];
  readonly findings: readonly VerificationFinding[];
}

export interface ScannedHost {
  readonly host: string | null;
  readonly hostname: string | null;
}

/** Bounds of a verification file: checked before and while parsing. */
export interface VerificationLimits {
  readonly maxFileBytes: number;
  readonly maxElements: number;
  readonly maxDepth: number;
  /** Characters of one XML text node or one cell. */
  readonly maxTextChars: number;
  readonly maxFindings: number;
}

export const DEFAULT_VERIFICATION_LIMITS: VerificationLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxElements: 2_000_000,
  maxDepth: 64,
  maxTextChars: 1_000_000,
  maxFindings: 50_000,
};

/** A problem that makes the file unimportable, with its place (`file`, `row 5`) and code. */
export class VerificationReadError extends Error {
  constructor(
    readonly path: string,
    readonly code: MessageCode,
    readonly params: Params = {},
  ) {
    super(say(code, params, 'en'));
    this.name = 'VerificationReadError';
  }
}

const CVE = /^CVE-\d{4}-\d{4,}$/;

/** CVE ids from a text such as "CVE-2021-44228, cve-2021-45046" (upper case, distinct). */
export function cveIds(...texts: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    for (const m of (t ?? '').toUpperCase().matchAll(/CVE-\d{4}-\d{4,}/g)) {
      if (CVE.test(m[0]) && !out.includes(m[0])) out.push(m[0]);
    }
  }
  return out;
}

/** A CVSS base score from text: a number 0–10 with at most one decimal place kept; else null. */
export function cvssScore(text: string | null | undefined): number | null {
  const t = (text ?? '').trim();
  if (!/^\d{1,2}(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 10 ? Math.round(n * 10) / 10 : null;
}

/** The qualitative rating of a CVSS v3 base score (FIRST CVSS v3.1 specification, §5). */
export function severityOfScore(score: number): VerificationSeverity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** A clean text: trimmed, Windows line ends unified, empty → null, bounded. */
export function cleanText(text: string | null | undefined, max = 20_000): string | null {
  const t = (text ?? '').replace(/\r\n?/g, '\n').trim();
  if (t === '') return null;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** An ISO date (YYYY-MM-DD) of a timestamp the scanners write; null when unreadable. */
export function isoDate(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(t);
  if (iso) return iso[1]!;
  // Nessus HOST_START: "Tue Mar 22 14:54:47 2022"
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  const m = /^\w{3}\s+(\w{3})\s+(\d{1,2})\s+[\d:]+\s+(\d{4})$/.exec(t);
  if (m) {
    const month = months.indexOf(m[1]!) + 1;
    if (month > 0) return `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  return null;
}

/** Whether a text is an IPv4 or IPv6 address. */
export function isIpAddress(text: string): boolean {
  const t = text.trim();
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(t)) {
    return t.split('.').every((p) => Number(p) <= 255);
  }
  return /^[0-9a-f:]+(%\w+)?$/i.test(t) && t.includes(':') && t.split('::').length <= 2;
}

/** A comparable form of an address: IPv6 lower case and fully expanded, IPv4 as written. */
export function normaliseAddress(text: string): string {
  const t = text.trim().toLowerCase().replace(/%.*$/, '');
  if (!t.includes(':')) return t;
  const [head, tail] = t.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill =
    tail === undefined ? [] : Array(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}
