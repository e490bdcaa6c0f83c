import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { ValidationError } from '../errors';
import { parseVerificationFile } from './detect';
import { parseTarget } from './pentest';
import { DEFAULT_VERIFICATION_LIMITS, isoDate, normaliseAddress } from './types';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/verification');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

async function refusal(
  buffer: Buffer,
  limits = DEFAULT_VERIFICATION_LIMITS,
): Promise<{ path: string; code: string | undefined; message: string }[]> {
  try {
    await parseVerificationFile(buffer, limits);
  } catch (e) {
    assert.ok(e instanceof ValidationError, String(e));
    return e.details.map((d) => ({ path: d.path, code: d.code, message: d.message }));
  }
  assert.fail('the file was accepted');
}

describe('Greenbone / OpenVAS XML report', () => {
  it('reads results per host with CVEs, CVSS, threat, QoD and solution', async () => {
    const p = await parseVerificationFile(fixture('greenbone-his.xml'));
    assert.equal(p.format, 'greenbone');
    assert.equal(p.scanner, 'Greenbone');
    assert.equal(p.scannerVersion, 'GMP 22.5');
    assert.equal(p.scanDate, '2026-11-20');
    // The override's false positive is left out; the log result stays as info.
    assert.equal(p.findings.length, 8);
    const apache = p.findings[0]!;
    assert.deepEqual(
      {
        host: apache.host,
        hostname: apache.hostname,
        port: apache.port,
        protocol: apache.protocol,
        cves: apache.cves,
        cvss: apache.cvss,
        cvssVersion: apache.cvssVersion,
        severity: apache.severity,
        pluginId: apache.pluginId,
        qod: apache.qod,
        source: apache.source,
      },
      {
        host: '10.20.1.11',
        hostname: 'his-app01.hospital.local',
        port: 443,
        protocol: 'tcp',
        cves: ['CVE-2023-25690', 'CVE-2023-27522'],
        cvss: 9.8,
        cvssVersion: '3.x',
        severity: 'high',
        pluginId: '1.3.6.1.4.1.25623.1.0.104601',
        qod: 80,
        source: 'scan',
      },
    );
    assert.equal(apache.name, 'Apache HTTP Server < 2.4.56 Multiple Vulnerabilities - Linux');
    assert.match(apache.description ?? '', /prone to multiple vulnerabilities/);
    assert.equal(apache.solution, 'Update to version 2.4.56 or later.');
    assert.equal(apache.exploitable, null);
    const ghostcat = p.findings.find((f) => f.cves.includes('CVE-2020-1938'))!;
    assert.equal(ghostcat.exploitable, true, 'QoD type exploit: verified by exploitation');
    const eol = p.findings.find((f) => f.name === 'OS End Of Life Detection')!;
    assert.deepEqual([eol.cves, eol.port, eol.cvss], [[], 0, 10]);
    const sweet32 = p.findings.find((f) => f.name.startsWith('SSL/TLS'))!;
    assert.deepEqual(sweet32.cves, ['CVE-2016-2183', 'CVE-2016-6329'], 'duplicate CVE once');
    const ssh = p.findings.find((f) => f.host === '2001:db8:20::15')!;
    assert.deepEqual([ssh.cvss, ssh.cvssVersion, ssh.severity], [4.3, '2.0', 'medium']);
    assert.equal(p.findings.filter((f) => f.severity === 'info').length, 1);
    assert.ok(!p.findings.some((f) => f.name.startsWith('Cleartext')), 'false positive dropped');
    // Every scanned host, also 10.20.1.99 which had no result.
    assert.deepEqual(
      p.hosts.map((h) => h.host),
      ['10.20.1.11', '10.20.1.21', '2001:db8:20::15', '10.20.1.99', '10.20.9.50'],
    );
  });

  it('refuses a truncated report, naming the open element', async () => {
    const text = fixture('greenbone-his.xml').toString('utf8');
    const cut = Buffer.from(text.slice(0, text.indexOf('<result id="4c3d') + 200));
    const [problem] = await refusal(cut);
    assert.equal(problem?.code, 'verification.xml_truncated');
    assert.match(problem?.message ?? '', /ends before <\w+> is closed/);
  });

  it('refuses broken XML with its line', async () => {
    const [problem] = await refusal(
      Buffer.from('<report id="x">\n<results>\n<result><name>a</nam></result></results></report>'),
    );
    assert.equal(problem?.code, 'verification.xml_broken');
    assert.match(problem?.message ?? '', /near line 3/);
  });

  it('refuses a DOCTYPE (no entities, no external DTD)', async () => {
    const bomb =
      '<?xml version="1.0"?>\n<!DOCTYPE report [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<report>&b;</report>';
    const [problem] = await refusal(Buffer.from(bomb));
    assert.equal(problem?.code, 'verification.doctype');
  });

  it('refuses a wrong root element and names it', async () => {
    const [problem] = await refusal(Buffer.from('<?xml version="1.0"?><scan><host/></scan>'));
    assert.equal(problem?.code, 'verification.wrong_root');
    assert.match(problem?.message ?? '', /<scan>/);
  });

  it('refuses a file above the size bound before parsing, and too many elements while parsing', async () => {
    const big = await refusal(fixture('greenbone-his.xml'), {
      ...DEFAULT_VERIFICATION_LIMITS,
      maxFileBytes: 10_000,
    });
    assert.equal(big[0]?.code, 'verification.too_large');
    const many = await refusal(fixture('greenbone-his.xml'), {
      ...DEFAULT_VERIFICATION_LIMITS,
      maxElements: 100,
    });
    assert.equal(many[0]?.code, 'verification.too_many_elements');
    const deep = await refusal(
      Buffer.from(`<report>${'<a>'.repeat(80)}${'</a>'.repeat(80)}</report>`),
    );
    assert.equal(deep[0]?.code, 'verification.too_deep');
  });
});

describe('Nessus .nessus v2', () => {
  it('reads ReportHost / ReportItem with severity 0–4, CVSS v3 before v2, exploit_available', async () => {
    const p = await parseVerificationFile(fixture('nessus-his.nessus'));
    assert.equal(p.format, 'nessus');
    assert.equal(p.scannerVersion, '10.6.4', 'from plugin 19506');
    assert.equal(p.scanDate, '2026-11-21');
    assert.equal(p.findings.length, 8);
    const ghostcat = p.findings.find((f) => f.pluginId === '134862')!;
    assert.deepEqual(
      [ghostcat.severity, ghostcat.cvss, ghostcat.cvssVersion, ghostcat.exploitable, ghostcat.port],
      ['critical', 9.8, '3.x', true, 8009],
    );
    assert.equal(ghostcat.service, 'ajp13');
    assert.deepEqual(ghostcat.cves, ['CVE-2020-1745', 'CVE-2020-1938']);
    const sweet32 = p.findings.find((f) => f.pluginId === '42873')!;
    assert.deepEqual(sweet32.cves, ['CVE-2016-2183'], 'the repeated <cve> once');
    assert.equal(sweet32.exploitable, null);
    const tns = p.findings.find((f) => f.pluginId === '69552')!;
    assert.deepEqual([tns.cvss, tns.cvssVersion, tns.hostname], [7.5, '2.0', 'HIS-DB01']);
    const cpu = p.findings.find((f) => f.pluginId === '174511')!;
    assert.equal(cpu.exploitable, false);
    const info = p.findings.find((f) => f.pluginId === '19506')!;
    assert.deepEqual([info.severity, info.solution], ['info', null], 'n/a is no solution');
    const smb = p.findings.find((f) => f.pluginId === '97833')!;
    assert.deepEqual([smb.host, smb.hostname], [null, 'pacs-gw.hospital.local'], 'name only');
    assert.equal(smb.cves.length, 6);
    assert.deepEqual(
      p.hosts.map((h) => h.host ?? h.hostname),
      ['10.20.1.11', '10.20.1.21', 'pacs-gw.hospital.local', '2001:db8:20::15', '10.20.1.99'],
    );
  });

  it('refuses a .nessus file cut in the middle of a ReportItem', async () => {
    const text = fixture('nessus-his.nessus').toString('utf8');
    const [problem] = await refusal(Buffer.from(text.slice(0, text.indexOf('<cve>CVE-2012'))));
    assert.equal(problem?.code, 'verification.xml_truncated');
    assert.match(problem?.message ?? '', /<ReportItem>/);
  });
});

describe('penetration-test sheet', () => {
  it('reads the documented CSV columns with Chinese headers', async () => {
    const p = await parseVerificationFile(fixture('pentest-his.csv'));
    assert.equal(p.format, 'pentest');
    assert.equal(p.findings.length, 5);
    const sqli = p.findings[0]!;
    assert.deepEqual(
      [sqli.source, sqli.host, sqli.port, sqli.severity, sqli.cvss, sqli.exploitable],
      ['pentest', '10.20.1.11', 443, 'high', 8.8, true],
    );
    assert.match(sqli.description ?? '', /复现过程：\n1\. 抓取/);
    assert.equal(sqli.solution, '使用参数化查询；对输入做白名单校验；部署 Web 应用防火墙。');
    assert.deepEqual(p.findings[1]!.cves, ['CVE-2020-1938']);
    assert.deepEqual(
      [p.findings[2]!.host, p.findings[2]!.hostname],
      [null, 'his-app01.hospital.local'],
    );
    assert.deepEqual([p.findings[3]!.host, p.findings[3]!.port], ['2001:db8:20::15', 8443]);
    assert.equal(p.findings[3]!.exploitable, null, 'no 复现过程: not shown exploited');
    assert.deepEqual(p.findings[4]!.cves, [], '无 is no CVE');
  });

  it('reads an .xlsx with synonym headers below a title row, on its second sheet', async () => {
    const p = await parseVerificationFile(fixture('pentest-his.xlsx'));
    assert.equal(p.findings.length, 3);
    assert.deepEqual(
      p.findings.map((f) => [f.host, f.port, f.severity, f.exploitable]),
      [
        ['10.20.1.11', 443, 'high', true],
        ['10.20.1.21', 6379, 'critical', true],
        ['10.20.1.11', 80, 'low', false],
      ],
    );
  });

  it('names every bad row and column and imports nothing', async () => {
    const csv = [
      '漏洞名称,目标地址,端口,风险等级,CVE编号,CVSS',
      ',10.0.0.1,80,高,,',
      '弱口令,,22,中,,',
      '注入,10.0.0.2,99999,很高,CVE-2021,11',
    ].join('\n');
    const problems = await refusal(Buffer.from(csv));
    assert.deepEqual(
      problems.map((p) => p.code),
      [
        'verification.pentest_name_empty',
        'verification.pentest_host_empty',
        'verification.pentest_severity',
        'verification.pentest_cvss',
        'verification.pentest_cve',
        'verification.pentest_port',
      ],
    );
    assert.ok(problems.every((p) => /^row \d$/.test(p.path)));
    assert.match(problems[2]!.message, /row 4: 风险等级 "很高"/);
  });

  it('says which required column is missing', async () => {
    const problems = await refusal(Buffer.from('漏洞名称,目标地址,端口\n弱口令,10.0.0.1,22\n'));
    assert.deepEqual(
      problems.map((p) => p.code),
      ['verification.pentest_column_missing'],
    );
    assert.match(problems[0]!.message, /no column 风险等级/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('结果').addRow(['漏洞名称', '端口']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    assert.deepEqual(
      (await refusal(xlsx)).map((p) => p.code),
      ['verification.pentest_no_sheet'],
    );
  });

  it('reads a GB18030 CSV as Excel saves it in Chinese Windows', async () => {
    const text = '漏洞名称,目标地址,风险等级\r\n弱口令,10.0.0.1,高危\r\n';
    const gb = Buffer.from(new TextEncoder().encode(text)); // UTF-8 first
    assert.equal((await parseVerificationFile(gb)).findings.length, 1);
    // GB18030 bytes of the same header (Node has no encoder for it: written by hand).
    const gbBytes = Buffer.from(
      'c2a9b6b4c3fbb3c62cc4bfb1eab5d8d6b72cb7e7cfd5b5c8bcb60d0ac8f5bfdac1ee2c31302e302e302e312cb8dfcea30d0a',
      'hex',
    );
    const p = await parseVerificationFile(gbBytes);
    assert.deepEqual([p.findings[0]!.name, p.findings[0]!.severity], ['弱口令', 'high']);
  });
});

describe('helpers', () => {
  it('parses targets as testers write them', () => {
    assert.deepEqual(parseTarget('https://10.1.2.3:8443/login'), {
      host: '10.1.2.3',
      hostname: null,
      port: 8443,
      protocol: 'tcp',
      service: 'https',
    });
    assert.equal(parseTarget('http://his.example.cn/admin')?.hostname, 'his.example.cn');
    assert.equal(parseTarget('http://his.example.cn/admin')?.port, 80);
    assert.equal(parseTarget('2001:db8::5')?.host, '2001:db8::5');
    assert.equal(parseTarget('[2001:db8::5]:22')?.port, 22);
    assert.equal(parseTarget('  '), null);
  });

  it('normalises IPv6 for matching and reads Nessus dates', () => {
    assert.equal(normaliseAddress('2001:DB8:20::15'), normaliseAddress('2001:db8:20:0:0:0:0:15'));
    assert.equal(isoDate('Sat Nov 21 09:40:02 2026'), '2026-11-21');
    assert.equal(isoDate('2026-11-20T02:00:14Z'), '2026-11-20');
  });

  it('refuses an empty file and binary junk', async () => {
    assert.equal((await refusal(Buffer.alloc(0)))[0]?.code, 'verification.empty_file');
    const junk = Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x81, 0x00]);
    assert.equal((await refusal(junk))[0]?.code, 'verification.unknown_format');
  });
});

describe('broken files (seeded mutations of the fixtures)', () => {
  it('every cut or flipped byte is read or refused with a ValidationError, never anything else', async () => {
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let refused = 0;
    for (const name of ['greenbone-his.xml', 'nessus-his.nessus', 'pentest-his.csv']) {
      const original = fixture(name);
      for (let run = 0; run < 60; run++) {
        const bytes = Buffer.from(original);
        const mutated =
          run % 3 === 0
            ? bytes.subarray(0, Math.floor(random() * bytes.length))
            : (() => {
                for (let i = 0; i < 1 + (run % 5); i++) {
                  bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
                }
                return bytes;
              })();
        try {
          const parsed = await parseVerificationFile(mutated);
          assert.ok(parsed.findings.length <= 8, name);
        } catch (e) {
          assert.ok(e instanceof ValidationError, `${name} run ${run}: ${String(e)}`);
          assert.ok(
            e.details.length > 0 && e.details.every((d) => d.code?.startsWith('verification.')),
          );
          refused += 1;
        }
      }
    }
    assert.ok(refused > 60, `${refused} of 180 refused`);
  });
});
