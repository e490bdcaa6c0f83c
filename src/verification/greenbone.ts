/**
 * Greenbone / OpenVAS scan reports as GMP `get_reports` answers them in its XML report format:
 * `<get_reports_response>` (optional) › `<report>` › `<report>` › `<results>` › `<result>` with
 * `<host>` (address text, `<hostname>` child), `<port>` (`443/tcp`, `general/tcp`), `<nvt oid>`
 * (`<name>`, `<cvss_base>`, `<severities score>`, `<tags>`, `<solution>`, `<refs><ref type="cve">`),
 * `<threat>`, `<severity>`, `<qod>` and `<description>`; the report's own `<host>` elements list
 * every scanned host (also those without results). Results an override marked as false positive
 * (severity -1) or scan errors (-3) are left out.
 */
import {
  cleanText,
  cveIds,
  cvssScore,
  isIpAddress,
  isoDate,
  VerificationReadError,
  type ParsedVerificationFile,
  type ScannedHost,
  type VerificationFinding,
  type VerificationLimits,
  type VerificationSeverity,
} from './types';
import { walkXml, type XmlElement } from './xml';

const ROOTS = ['report', 'get_reports_response'];

const THREATS: Readonly<Record<string, VerificationSeverity>> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  log: 'info',
  debug: 'info',
};

interface ResultDraft {
  host: string | null;
  hostname: string | null;
  port: string | null;
  name: string | null;
  nvtName: string | null;
  oid: string | null;
  cvssBase: string | null;
  severitiesScore: string | null;
  severityType: string | null;
  cves: string[];
  refsCves: string[];
  tags: string | null;
  solution: string | null;
  threat: string | null;
  severity: string | null;
  qod: string | null;
  qodType: string | null;
  description: string | null;
}

const emptyDraft = (): ResultDraft => ({
  host: null,
  hostname: null,
  port: null,
  name: null,
  nvtName: null,
  oid: null,
  cvssBase: null,
  severitiesScore: null,
  severityType: null,
  cves: [],
  refsCves: [],
  tags: null,
  solution: null,
  threat: null,
  severity: null,
  qod: null,
  qodType: null,
  description: null,
});

/** Whether the text looks like a Greenbone report (root element check only). */
export function looksLikeGreenbone(head: string): boolean {
  return (
    /<(get_reports_response|report)[\s>]/.test(head) && !/<NessusClientData_v2[\s>]/.test(head)
  );
}

export function parseGreenbone(text: string, limits: VerificationLimits): ParsedVerificationFile {
  const findings: VerificationFinding[] = [];
  const hosts: ScannedHost[] = [];
  let draft: ResultDraft | null = null;
  let reportHost: { ip: string | null; hostname: string | null; detail: string | null } | null =
    null;
  let scanStart: string | null = null;
  let created: string | null = null;
  let version: string | null = null;

  const inResult = (path: readonly string[]) => path.includes('result') && draft !== null;

  walkXml(text, limits, {
    root(name) {
      if (!ROOTS.includes(name)) {
        throw new VerificationReadError('file', 'verification.wrong_root', { root: name });
      }
    },
    open(el) {
      const parent = el.path[el.path.length - 1];
      if (el.name === 'result' && parent === 'results') draft = emptyDraft();
      if (el.name === 'host' && parent === 'report' && draft === null) {
        reportHost = { ip: null, hostname: null, detail: null };
      }
      if (el.name === 'nvt' && draft && parent === 'result') draft.oid = el.attributes.oid ?? null;
      if (el.name === 'severities' && draft && parent === 'nvt') {
        draft.severitiesScore = el.attributes.score ?? null;
      }
      if (el.name === 'severity' && draft && parent === 'severities' && !draft.severityType) {
        draft.severityType = el.attributes.type ?? null;
      }
      if (el.name === 'ref' && draft && parent === 'refs' && el.attributes.type === 'cve') {
        draft.refsCves.push(el.attributes.id ?? '');
      }
    },
    close(el: XmlElement) {
      const parent = el.path[el.path.length - 1];
      const value = el.text.trim();
      if (draft && inResult([...el.path, el.name])) {
        const d: ResultDraft = draft;
        if (el.name === 'result' && parent === 'results') {
          const f = finding(d, findings.length);
          if (f) {
            if (findings.length >= limits.maxFindings) {
              throw new VerificationReadError('file', 'verification.too_many_findings', {
                max: limits.maxFindings,
              });
            }
            findings.push(f);
          }
          draft = null;
          return;
        }
        if (parent === 'result') {
          if (el.name === 'host') d.host = value || null;
          else if (el.name === 'port') d.port = value || null;
          else if (el.name === 'name') d.name = value || null;
          else if (el.name === 'threat') d.threat = value || null;
          else if (el.name === 'severity') d.severity = value || null;
          else if (el.name === 'description') d.description = el.text;
        } else if (parent === 'host' && el.name === 'hostname') d.hostname = value || null;
        else if (parent === 'qod' && el.name === 'value') d.qod = value || null;
        else if (parent === 'qod' && el.name === 'type') d.qodType = value || null;
        else if (parent === 'nvt') {
          if (el.name === 'name') d.nvtName = value || null;
          else if (el.name === 'cvss_base') d.cvssBase = value || null;
          else if (el.name === 'tags') d.tags = el.text;
          else if (el.name === 'solution') d.solution = el.text;
          else if (el.name === 'cve') d.cves.push(value);
        }
        return;
      }
      const h = reportHost as {
        ip: string | null;
        hostname: string | null;
        detail: string | null;
      } | null;
      if (h) {
        if (el.name === 'host' && parent === 'report') {
          if (h.ip || h.hostname) hosts.push({ host: h.ip, hostname: h.hostname });
          reportHost = null;
        } else if (parent === 'host' && el.name === 'ip') h.ip = value || null;
        else if (parent === 'detail' && el.name === 'name') h.detail = value;
        else if (parent === 'detail' && el.name === 'value' && h.detail === 'hostname') {
          h.hostname ??= value || null;
        }
        return;
      }
      if (el.name === 'scan_start' && parent === 'report') scanStart ??= value || null;
      if (el.name === 'creation_time' && parent === 'report') created ??= value || null;
      if (el.name === 'version' && parent === 'gmp') version ??= value || null;
    },
  });

  for (const f of findings) {
    if (!hosts.some((h) => sameHost(h, f))) hosts.push({ host: f.host, hostname: f.hostname });
  }
  return {
    format: 'greenbone',
    scanner: 'Greenbone',
    scannerVersion: version ? `GMP ${version}` : null,
    scanDate: isoDate(scanStart) ?? isoDate(created),
    hosts,
    findings,
  };
}

const sameHost = (h: ScannedHost, f: { host: string | null; hostname: string | null }) =>
  h.host !== null ? h.host === f.host : h.hostname === f.hostname;

function tag(tags: string | null, key: string): string | null {
  if (!tags) return null;
  for (const part of tags.split('|')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === key) return part.slice(at + 1);
  }
  return null;
}

function finding(d: ResultDraft, _index: number): VerificationFinding | null {
  const score = Number(d.severity);
  // Overrides: -1 false positive, -2 debug, -3 error.
  if (d.severity !== null && Number.isFinite(score) && score < 0) return null;
  const threat = (d.threat ?? '').trim().toLowerCase();
  if (threat === 'false positive' || threat === 'error') return null;
  const severity = THREATS[threat] ?? 'info';
  const cvss = cvssScore(d.severitiesScore) ?? cvssScore(d.cvssBase) ?? cvssScore(d.severity);
  const vector = tag(d.tags, 'cvss_base_vector') ?? '';
  const cvssVersion =
    cvss === null
      ? null
      : d.severityType === 'cvss_base_v3' || vector.startsWith('CVSS:3')
        ? '3.x'
        : d.severityType === 'cvss_base_v2' || /^AV:/.test(vector)
          ? '2.0'
          : null;
  const port = /^(\d+)\/(\w+)/.exec(d.port ?? '');
  const general = /^general\/(\w+)/.exec(d.port ?? '');
  const qod = d.qod !== null && /^\d+$/.test(d.qod) ? Number(d.qod) : null;
  const host = d.host && isIpAddress(d.host) ? d.host : null;
  const summary = cleanText(tag(d.tags, 'summary'));
  const insight = cleanText(tag(d.tags, 'insight'));
  return {
    source: 'scan',
    host,
    hostname: d.hostname ?? (d.host && !host ? d.host : null),
    port: port ? Number(port[1]) : general ? 0 : null,
    protocol: port?.[2] ?? general?.[1] ?? null,
    service: null,
    name: d.name ?? d.nvtName ?? d.oid ?? '?',
    cves: cveIds(...d.refsCves, ...d.cves),
    cvss,
    cvssVersion,
    severity,
    exploitable: d.qodType === 'exploit' ? true : null,
    description:
      [summary, insight].filter((t) => t !== null).join('\n\n') || cleanText(d.description),
    solution: cleanText(d.solution) ?? cleanText(tag(d.tags, 'solution')),
    pluginId: d.oid,
    qod,
  };
}
