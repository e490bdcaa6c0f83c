/**
 * Verification tests (漏洞扫描 and 渗透测试) in words: messages of the scan and penetration-test
 * importers (src/verification, src/app/assessment/verification.ts) and the labels of their
 * severities and formats.
 */
import type { WordTable } from './types';

/** Messages of the verification importers (area `verification`). */
export const VERIFICATION = {
  unreadable: {
    en: 'the verification file cannot be imported',
    zh: '无法导入该漏洞扫描/渗透测试文件',
  },
  not_imported: {
    en: 'the verification results were not imported',
    zh: '漏洞扫描/渗透测试结果未导入',
  },
  empty_file: { en: 'the file is empty', zh: '文件为空' },
  too_large: {
    en: 'the file has {size}; at most {max} is accepted',
    zh: '文件大小为 {size}，最多接受 {max}',
  },
  unknown_format: {
    en: 'not a Greenbone/OpenVAS XML report, a Nessus .nessus (v2) file or a penetration-test sheet (.xlsx or .csv)',
    zh: '既不是 Greenbone/OpenVAS XML 报告、Nessus .nessus（v2）文件，也不是渗透测试结果表（.xlsx 或 .csv）',
  },
  wrong_root: {
    en: 'the XML root element is <{root}>; expected <report> or <get_reports_response> (Greenbone) or <NessusClientData_v2> (Nessus)',
    zh: 'XML 根元素为 <{root}>；应为 <report> 或 <get_reports_response>（Greenbone）或 <NessusClientData_v2>（Nessus）',
  },
  xml_broken: {
    en: 'the XML is broken near line {line} (truncated or not well-formed): {reason}',
    zh: 'XML 在第 {line} 行附近损坏（文件不完整或格式错误）：{reason}',
  },
  xml_truncated: {
    en: 'the XML ends before <{element}> is closed (the file is truncated)',
    zh: 'XML 在 <{element}> 结束之前中断（文件不完整）',
  },
  doctype: {
    en: 'the XML declares a DOCTYPE; DTDs and entities are refused',
    zh: 'XML 含有 DOCTYPE 声明；不接受 DTD 与实体',
  },
  too_many_elements: {
    en: 'the XML has more than {max} elements',
    zh: 'XML 元素数量超过 {max} 个',
  },
  too_deep: { en: 'the XML nests deeper than {max} levels', zh: 'XML 嵌套层级超过 {max} 层' },
  text_too_long: {
    en: 'a text in the XML is longer than {max} characters',
    zh: 'XML 中某段文本超过 {max} 个字符',
  },
  too_many_findings: {
    en: 'the file holds more than {max} findings',
    zh: '文件中的漏洞条目超过 {max} 条',
  },
  not_utf8: { en: 'the file is not UTF-8 text', zh: '文件不是 UTF-8 编码的文本' },
  csv_quote: {
    en: 'row {row}: a quoted field is not closed',
    zh: '第 {row} 行：引号内的字段没有结束引号',
  },
  pentest_no_sheet: {
    en: 'the workbook has no sheet with the columns 漏洞名称 and 目标地址',
    zh: '工作簿中没有含“漏洞名称”和“目标地址”列的工作表',
  },
  pentest_column_missing: {
    en: 'the header row has no column {column}',
    zh: '表头缺少“{column}”列',
  },
  pentest_name_empty: { en: 'row {row}: 漏洞名称 is empty', zh: '第 {row} 行：漏洞名称为空' },
  pentest_host_empty: { en: 'row {row}: 目标地址 is empty', zh: '第 {row} 行：目标地址为空' },
  pentest_severity: {
    en: 'row {row}: 风险等级 "{value}" is not one of 严重, 高, 中, 低, 信息',
    zh: '第 {row} 行：风险等级“{value}”应为 严重、高、中、低、信息 之一',
  },
  pentest_cvss: {
    en: 'row {row}: CVSS "{value}" is not a score from 0 to 10',
    zh: '第 {row} 行：CVSS“{value}”不是 0 至 10 的评分',
  },
  pentest_cve: {
    en: 'row {row}: "{value}" is not a CVE id (CVE-YYYY-NNNN)',
    zh: '第 {row} 行：“{value}”不是 CVE 编号（CVE-YYYY-NNNN）',
  },
  pentest_port: {
    en: 'row {row}: 端口 "{value}" is not a port number (0-65535)',
    zh: '第 {row} 行：端口“{value}”不是端口号（0-65535）',
  },
  pentest_exploitable: {
    en: 'row {row}: 是否可利用 "{value}" is not 是 or 否',
    zh: '第 {row} 行：是否可利用“{value}”应为“是”或“否”',
  },
  pentest_too_long: {
    en: 'row {row}: {column} is longer than {max} characters',
    zh: '第 {row} 行：{column}超过 {max} 个字符',
  },
  pentest_too_many_rows: {
    en: 'the sheet has more than {max} rows',
    zh: '表格超过 {max} 行',
  },
  host_unmatched: {
    en: 'host {host} matches no test object; map it to one or allow unassigned hosts',
    zh: '主机 {host} 未匹配到任何测评对象；请指定对应的测评对象，或允许保留为未分配',
  },
  assign_unknown_host: {
    en: 'host {host} is not in the file',
    zh: '文件中没有主机 {host}',
  },
  assign_unknown_object: {
    en: 'test object {object} is not in this assessment',
    zh: '本测评中没有测评对象 {object}',
  },
  already_imported: {
    en: 'this file was already imported as {file} on {at}; delete that import first',
    zh: '该文件已于 {at} 以“{file}”导入；请先删除那次导入',
  },
  assign_syntax: {
    en: 'write host=test object (id or name)',
    zh: '应写为 主机=测评对象（标识或名称）',
  },
  assign_option: {
    en: '--assign "{value}": write host=test object (name or id)',
    zh: '--assign“{value}”：应写为 主机=测评对象（名称或标识）',
  },
  file_name: {
    en: 'give a plain file name (no path, at most 255 characters)',
    zh: '请提供文件名（不含路径，不超过 255 个字符）',
  },
} as const satisfies WordTable;

/** Severities of a scan or penetration-test finding (area `verification_severity`). */
export const VERIFICATION_SEVERITY = {
  critical: { zh: '严重', en: 'Critical' },
  high: { zh: '高危', en: 'High' },
  medium: { zh: '中危', en: 'Medium' },
  low: { zh: '低危', en: 'Low' },
  info: { zh: '信息', en: 'Info' },
} as const satisfies WordTable;

/** Formats of verification files (area `verification_format`). */
export const VERIFICATION_FORMAT = {
  greenbone: { zh: 'Greenbone/OpenVAS 扫描报告', en: 'Greenbone/OpenVAS scan report' },
  nessus: { zh: 'Nessus 扫描结果（.nessus）', en: 'Nessus scan (.nessus)' },
  pentest: { zh: '渗透测试结果', en: 'Penetration-test findings' },
} as const satisfies WordTable;
