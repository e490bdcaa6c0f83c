/**
 * The filing dossier of a system (备案材料包): one zip a public-security desk or a reviewer can
 * take as it is — the 备案表 and the 定级报告, the latest assessment's 等级测评报告 and 整改方案
 * (each as Word and PDF), every attachment of the system (scans of the expert review opinion,
 * the approval, the filing certificate, assessment reports; the topology diagram) under
 * `attachments/<purpose>/`, and a manifest (JSON and Chinese text) giving each file's size, SM3
 * digest, what it is and which record it belongs to.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { AppError } from '../errors';
import type { Lang } from '../reports/model';
import type { RecordAttachmentDto } from '../shared/api-types';
import { label } from '../shared/vocabulary';
import { assertSystemVisible, inScope, type OrgScope } from './access';
import { attachmentContent, systemAttachments } from './attachments/queries';
import type { AppContext } from './context';
import { buildReport, renderReport, safeFileStem, type ReportKind } from './reports';
import { getSystemDetail } from './systems/detail';

/**
 * The most a dossier may hold, uncompressed (documents + attachments). The zip is built in
 * memory; above this the user downloads the pieces one by one instead.
 */
export const DOSSIER_MAX_BYTES = 200 * 1024 * 1024;

/** One file of the dossier as the manifest lists it. */
export interface DossierEntry {
  readonly path: string;
  readonly size: number;
  readonly sm3: string;
  readonly mediaType: string;
  /** 'document' (generated now) or 'attachment' (an uploaded scan, as stored). */
  readonly source: 'document' | 'attachment';
  /** What the file is, in both languages. */
  readonly what: { readonly zh: string; readonly en: string };
  /** The record it belongs to (null for the generated documents of the system itself). */
  readonly record: {
    readonly kind: RecordAttachmentDto['recordKind'] | 'assessment';
    readonly id: string;
    readonly label: string;
  } | null;
  readonly attachmentId?: string;
}

export interface DossierManifest {
  readonly format: 'dengbao-dossier/1';
  readonly organisation: { readonly id: string; readonly name: string };
  readonly system: { readonly id: string; readonly name: string; readonly level: number | null };
  readonly assessment: {
    readonly id: string;
    readonly title: string;
    readonly status: string;
  } | null;
  readonly lang: Lang;
  readonly asOf: string;
  readonly generatedAt: string;
  readonly files: readonly DossierEntry[];
}

export interface Dossier {
  readonly zip: Buffer;
  /** A file name for the zip, e.g. 医院信息系统-备案材料包.zip. */
  readonly fileName: string;
  readonly manifest: DossierManifest;
}

const DOCUMENT_WHAT: Readonly<Record<ReportKind, { zh: string; en: string }>> = {
  filing: { zh: '备案表', en: 'Filing form' },
  grading: { zh: '定级报告', en: 'Grading report' },
  assessment: { zh: '等级测评报告', en: 'Level assessment report' },
  rectification: { zh: '整改方案', en: 'Rectification plan' },
  calendar: { zh: '合规义务日历', en: 'Obligations calendar' },
};

const MEDIA: Readonly<Record<'docx' | 'pdf', string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const sm3 = (data: Uint8Array) => createHash('sm3').update(data).digest('hex');

const tooLarge = (bytes: number, limit: number) =>
  new AppError('VALIDATION_FAILED', 413, {
    code: 'attachment.dossier_too_large',
    params: {
      mb: Math.ceil(bytes / 1024 / 1024),
      limit: Math.round((limit / 1024 / 1024) * 100) / 100,
    },
  });

/** The completed assessment reported last (else the latest one), or null when there is none. */
async function latestAssessment(ctx: AppContext, organisationId: string, systemId: string) {
  const rows = await ctx.store.db
    .selectFrom('assessments')
    .select(['id', 'title', 'status', 'report_date', 'created_at', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .execute();
  const key = (r: (typeof rows)[number]) =>
    `${r.status === 'completed' ? 1 : 0}|${r.report_date ?? ''}|${r.created_at}|${r.id}`;
  return rows.sort((a, b) => key(b).localeCompare(key(a)))[0] ?? null;
}

/** `name` made unique among `taken` by a ` (2)`, ` (3)` … before its extension. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; taken.has(candidate); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate);
  return candidate;
}

/**
 * Builds the dossier of one system within the caller's scope. Documents come from
 * {@link buildReport} exactly as their own downloads; attachments are decrypted and checked
 * against their SM3 digest before they go in. Refused (413) above {@link DOSSIER_MAX_BYTES}.
 */
export async function buildDossier(
  ctx: AppContext,
  within: OrgScope,
  systemId: string,
  lang: Lang,
  asOf: string,
  /** The ceiling (tests lower it). */
  maxBytes: number = DOSSIER_MAX_BYTES,
): Promise<Dossier> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const detail = await getSystemDetail(ctx, within, systemId);
  const organisation = await ctx.store.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const attachments = await systemAttachments(ctx.store.db, organisationId, systemId);
  // Refuse before decrypting or rendering anything when the scans alone are too much.
  let total = attachments.reduce((sum, a) => sum + a.size, 0);
  if (total > maxBytes) throw tooLarge(total, maxBytes);

  const files: Zippable = {};
  const entries: DossierEntry[] = [];
  const taken = new Set<string>();
  const add = (
    path: string,
    data: Uint8Array,
    entry: Omit<DossierEntry, 'path' | 'size' | 'sm3'>,
    compress: boolean,
  ) => {
    const unique = uniqueName(path, taken);
    files[unique] = [data, { level: compress ? 6 : 0 }];
    entries.push({ path: unique, size: data.length, sm3: sm3(data), ...entry });
    total += data.length;
    if (total > maxBytes) throw tooLarge(total, maxBytes);
  };

  const documents: { kind: ReportKind; id: string; record: DossierEntry['record'] }[] = [
    { kind: 'filing', id: systemId, record: null },
    { kind: 'grading', id: systemId, record: null },
  ];
  const assessment = await latestAssessment(ctx, organisationId, systemId);
  if (assessment) {
    const record = { kind: 'assessment' as const, id: assessment.id, label: assessment.title };
    documents.push(
      { kind: 'assessment', id: assessment.id, record },
      { kind: 'rectification', id: assessment.id, record },
    );
  }
  let position = 0;
  for (const d of documents) {
    position += 1;
    const doc = await buildReport(ctx, within, d.kind, d.id, lang, asOf);
    for (const format of ['docx', 'pdf'] as const) {
      const data = await renderReport(doc, format);
      const name = `${String(position).padStart(2, '0')}-${safeFileStem(doc.title)}.${format}`;
      add(
        name,
        data,
        {
          mediaType: MEDIA[format],
          source: 'document',
          what: DOCUMENT_WHAT[d.kind],
          record: d.record,
        },
        format === 'docx' ? false : true,
      );
    }
  }

  const recordLabel = recordLabeller(detail, lang);
  for (const a of attachments) {
    const content = await attachmentContent(ctx, organisationId, a.id);
    add(
      `attachments/${a.purpose}/${safeFileStem(a.fileName)}`,
      content.data,
      {
        mediaType: a.mediaType,
        source: 'attachment',
        what: {
          zh: label('attachment_purpose', a.purpose, 'zh'),
          en: label('attachment_purpose', a.purpose, 'en'),
        },
        record: { kind: a.recordKind, id: a.recordId, label: recordLabel(a) },
        attachmentId: a.id,
      },
      // PDF, JPEG and PNG are compressed already.
      false,
    );
  }

  const manifest: DossierManifest = {
    format: 'dengbao-dossier/1',
    organisation: { id: organisation.id, name: organisation.name },
    system: { id: systemId, name: detail.system.name, level: detail.system.level },
    assessment: assessment
      ? { id: assessment.id, title: assessment.title, status: assessment.status }
      : null,
    lang,
    asOf,
    generatedAt: ctx.clock.now().toISOString(),
    files: entries,
  };
  files['manifest.json'] = [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6 }];
  files['manifest.txt'] = [strToU8(manifestText(manifest)), { level: 6 }];
  const mtime = new Date(manifest.generatedAt);
  const zip = Buffer.from(zipSync(files, { mtime }));
  return {
    zip,
    fileName: `${safeFileStem(detail.system.name)}-${lang === 'zh' ? '备案材料包' : 'filing-dossier'}.zip`,
    manifest,
  };
}

/** How the manifest names a record: its kind, date and who (e.g. 专家评审 2026-01-10 张三). */
function recordLabeller(
  detail: Awaited<ReturnType<typeof getSystemDetail>>,
  lang: Lang,
): (a: RecordAttachmentDto) => string {
  const zh = lang === 'zh';
  return (a) => {
    switch (a.recordKind) {
      case 'review': {
        const r = detail.reviews.find((x) => x.id === a.recordId);
        const kind =
          r?.kind === 'competent_approval'
            ? zh
              ? '主管部门核准'
              : 'Competent-authority approval'
            : zh
              ? '专家评审'
              : 'Expert review';
        return r ? `${kind} ${r.reviewedOn} ${r.reviewer}` : kind;
      }
      case 'filing': {
        const f = detail.filings.find((x) => x.id === a.recordId);
        const kind = zh ? '备案' : 'Filing';
        return f
          ? [kind, f.filedOn, f.bureau, f.certificateNumber].filter(Boolean).join(' ')
          : kind;
      }
      case 'event': {
        const e = detail.events.find((x) => x.id === a.recordId);
        const names = {
          mlps_assessment: zh ? '等级测评' : 'MLPS assessment',
          crypto_assessment: zh ? '密码应用安全性评估' : 'Crypto assessment',
          cii_risk_assessment: zh ? '关键信息基础设施安全检测评估' : 'CII risk assessment',
        } as const;
        return e
          ? [names[e.kind], e.completedOn, e.agency, e.reportNumber].filter(Boolean).join(' ')
          : zh
            ? '测评记录'
            : 'Assessment record';
      }
      case 'system':
        return detail.system.name;
    }
  };
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The manifest as Chinese text, for the person at the desk (manifest.json holds the same). */
export function manifestText(m: DossierManifest): string {
  const lines = [
    `备案材料包清单（${m.system.name}）`,
    `单位：${m.organisation.name}`,
    `定级对象：${m.system.name}${m.system.level ? `（第${m.system.level}级）` : ''}`,
    `测评项目：${m.assessment ? `${m.assessment.title}（${m.assessment.status === 'completed' ? '已完成' : '进行中'}）` : '无'}`,
    `生成时间：${m.generatedAt}，日期：${m.asOf}`,
    `文件数：${m.files.length}（不含本清单及 manifest.json）`,
    '摘要算法：SM3（GB/T 32905-2016），十六进制',
    '',
  ];
  m.files.forEach((f, i) => {
    lines.push(
      `${i + 1}. ${f.path}`,
      `   内容：${f.what.zh}${f.source === 'attachment' ? '（上传的扫描件/附件）' : '（系统生成）'}`,
      `   所属：${f.record ? f.record.label : m.system.name}`,
      `   大小：${f.size} 字节（${sizeText(f.size)}）`,
      `   SM3：${f.sm3}`,
      '',
    );
  });
  return `${lines.join('\n')}\n`;
}
