/**
 * Nessus scan results in the `.nessus` v2 format: `<NessusClientData_v2>` › `<Report>` ›
 * `<ReportHost name>` › `<HostProperties>` (`<tag name="host-ip">`, `host-fqdn`, `netbios-name`,
 * `HOST_START`) and `<ReportItem port svc_name protocol severity pluginID pluginName>` with
 * `<cvss3_base_score>`, `<cvss_base_score>`, `<cve>` (repeated), `<risk_factor>`,
 * `<exploit_available>`, `<synopsis>`, `<description>`, `<solution>`. Severity 0–4 is
 * info, low, medium, high, critical. The scanner version comes from plugin 19506 (Nessus Scan
 * Information) when the file has it.
 */
import {
  cleanText,
  cveIds,
  cvssScore,
  isIpAddress,
  isoDate,
  VerificationReadError,
  VERIFICATION_SEVERITIES,
  type ParsedVerificationFile,
  type ScannedHost,
  type VerificationFinding,
  type VerificationLimits,
  type VerificationSeverity,
} from './types';
import { walkXml } from './xml';

const BY_NUMBER: readonly VerificationSeverity[] = ['info', 'low', 'medium', 'high', 'critical'];
const SCAN_INFORMATION = '19506';

interface ItemDraft {
  attributes: Readonly<Record<string, string>>;
  children: Map<string, string[]>;
}

export function looksLikeNessus(head: string): boolean {
  return /<NessusClientData_v2[\s>]/.test(head);
}

export function parseNessus(text: string, limits: VerificationLimits): ParsedVerificationFile {
  const findings: VerificationFinding[] = [];
  const hosts: ScannedHost[] = [];
  let hostName: string | null = null;
  let props = new Map<string, string>();
  let items: ItemDraft[] = [];
  let item: ItemDraft | null = null;
  let version: string | null = null;
  let scanDate: string | null = null;

  walkXml(text, limits, {
    root(name) {
      if (name !== 'NessusClientData_v2') {
        throw new VerificationReadError('file', 'verification.wrong_root', { root: name });
      }
    },
    open(el) {
      const parent = el.path[el.path.length - 1];
      if (el.name === 'ReportHost' && parent === 'Report') {
        hostName = el.attributes.name?.trim() || null;
        props = new Map();
        items = [];
      } else if (el.name === 'ReportItem' && parent === 'ReportHost') {
        item = { attributes: el.attributes, children: new Map() };
      }
    },
    close(el) {
      const parent = el.path[el.path.length - 1];
      if (el.name === 'tag' && parent === 'HostProperties') {
        const key = el.attributes.name;
        if (key) props.set(key, el.text.trim());
      } else if (item && parent === 'ReportItem') {
        const list = item.children.get(el.name) ?? [];
        list.push(el.text);
        item.children.set(el.name, list);
      } else if (el.name === 'ReportItem' && item) {
        if (findings.length + items.length >= limits.maxFindings) {
          throw new VerificationReadError('file', 'verification.too_many_findings', {
            max: limits.maxFindings,
          });
        }
        items.push(item);
        item = null;
      } else if (el.name === 'ReportHost') {
        const ipTag = props.get('host-ip') ?? null;
        const host =
          ipTag && isIpAddress(ipTag) ? ipTag : hostName && isIpAddress(hostName) ? hostName : null;
        const named = props.get('host-fqdn') || props.get('netbios-name') || props.get('hostname');
        const hostname = named || (hostName && !isIpAddress(hostName) ? hostName : null);
        hosts.push({ host, hostname });
        scanDate ??= isoDate(props.get('HOST_START'));
        for (const i of items) {
          if (i.attributes.pluginID === SCAN_INFORMATION) {
            const out = i.children.get('plugin_output')?.[0] ?? '';
            version ??= /Nessus version\s*:\s*([^\s]+)/.exec(out)?.[1] ?? null;
            const date = /Scan Start Date\s*:\s*(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(out);
            if (date) {
              scanDate ??= `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
            }
          }
          findings.push(toFinding(i, host, hostname));
        }
        items = [];
      }
    },
  });
  return {
    format: 'nessus',
    scanner: 'Nessus',
    scannerVersion: version,
    scanDate,
    hosts,
    findings,
  };
}

function toFinding(
  i: ItemDraft,
  host: string | null,
  hostname: string | null,
): VerificationFinding {
  const one = (name: string) => i.children.get(name)?.[0] ?? null;
  const n = Number(i.attributes.severity);
  const risk = (one('risk_factor') ?? '').trim().toLowerCase();
  const severity =
    Number.isInteger(n) && n >= 0 && n <= 4
      ? BY_NUMBER[n]!
      : (VERIFICATION_SEVERITIES as readonly string[]).includes(risk)
        ? (risk as VerificationSeverity)
        : 'info';
  const v3 = cvssScore(one('cvss3_base_score'));
  const v2 = cvssScore(one('cvss_base_score'));
  const exploit = (one('exploit_available') ?? '').trim().toLowerCase();
  const ease = (one('exploitability_ease') ?? '').toLowerCase();
  const port = Number(i.attributes.port);
  const solution = cleanText(one('solution'));
  return {
    source: 'scan',
    host,
    hostname,
    port: Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null,
    protocol: i.attributes.protocol?.trim() || null,
    service: i.attributes.svc_name?.trim() || null,
    name: i.attributes.pluginName?.trim() || one('plugin_name')?.trim() || '?',
    cves: cveIds(...(i.children.get('cve') ?? [])),
    cvss: v3 ?? v2,
    cvssVersion: v3 !== null ? '3.x' : v2 !== null ? '2.0' : null,
    severity,
    exploitable:
      exploit === 'true' || ease.startsWith('exploits are available')
        ? true
        : exploit === 'false' || ease.startsWith('no exploit')
          ? false
          : null,
    description: cleanText(
      [one('synopsis'), one('description')].filter((t) => t && t.trim()).join('\n\n'),
    ),
    solution: solution && solution.toLowerCase() !== 'n/a' ? solution : null,
    pluginId: i.attributes.pluginID?.trim() || null,
    qod: null,
  };
}
