/**
 * The document template (文书模板) of an organisation: its own wording of the blocks the document
 * builders offer (声明, cover lines, agency details) in Chinese and English, and its logo for the
 * covers. Read by every document loader (see {@link loadDocumentOverrides}); changed by owners and
 * administrators (org.update), every change audited with the block and the texts' lengths (never
 * the logo's bytes).
 */
import { createHash } from 'node:crypto';
import {
  NotFoundError,
  ValidationError,
  VersionConflictError,
  detail,
  type ErrorDetail,
} from '../../errors';
import type { DocumentOverrides, OverridableBlock } from '../../reports/overrides';
import {
  OVERRIDABLE_BLOCKS,
  TEMPLATE_DOCUMENTS,
  documentOfBlock,
  overridableBlock,
} from '../../reports/documents/overridable-blocks';
import { ImageFormatError, imageSize } from '../../reports/image-size';
import {
  LOGO_MAX_BYTES,
  LOGO_MAX_PIXELS,
  TEMPLATE_LANGS,
  TEMPLATE_LINE_MAX,
  TEMPLATE_TEXT_MAX,
  type DocumentTemplateDto,
  type LogoDto,
  type LogoMediaType,
  type TemplateBlockDto,
  type TemplateBlockInput,
  type TemplateFile,
  type TemplateLang,
} from '../../shared/document-template-schemas';
import { formatMb } from '../../spreadsheet/zip';
import {
  blockOverrides,
  deleteLogo,
  getLogo,
  listDocumentOverrides,
  logoFacts,
  upsertDocumentOverride,
  upsertLogo,
  type LogoFacts,
} from '../../store/repositories/document-template.repository';
import type { DocumentOverrideRow } from '../../store/schema';
import { getOrganisation } from '../../store/repositories/organisations.repository';
import { audited, type Actor } from '../actor';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';

/* ----------------------------------------------------------------------------------------- */
/* Checks                                                                                     */
/* ----------------------------------------------------------------------------------------- */

/** Control characters other than line feed (tab and carriage return included: a document has none). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

const maxLength = (block: OverridableBlock) =>
  block.multiline ? TEMPLATE_TEXT_MAX : TEMPLATE_LINE_MAX;

/**
 * A block's text as stored: line ends made `\n`, outer white space trimmed ('' = the default), or
 * the problems with it at `path`.
 */
export function checkBlockText(
  block: OverridableBlock,
  raw: string,
  path: string,
  problems: ErrorDetail[],
): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  const found = CONTROL.exec(text);
  if (found) {
    problems.push(detail(path, 'template.text_control', { position: found.index + 1 }));
  }
  if (!block.multiline && text.includes('\n')) {
    problems.push(detail(path, 'template.text_single_line'));
  }
  const length = [...text].length;
  if (length > maxLength(block)) {
    problems.push(detail(path, 'template.text_too_long', { length, max: maxLength(block) }));
  }
  return text;
}

function knownBlock(key: string, path: string): OverridableBlock {
  const block = overridableBlock(key);
  if (!block) {
    throw new ValidationError({ code: 'template.block_unknown', params: { key } }, [
      detail(path, 'template.block_unknown', { key }),
    ]);
  }
  return block;
}

/** PNG and JPEG by their first bytes (whatever the upload said it was). */
export function sniffLogoType(content: Uint8Array): LogoMediaType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (content.length >= 8 && png.every((b, i) => content[i] === b)) return 'image/png';
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'image/jpeg';
  return null;
}

/** The logo's type and pixel size, or a ValidationError naming what is wrong with it. */
export function checkLogo(content: Uint8Array): {
  mediaType: LogoMediaType;
  width: number;
  height: number;
} {
  const refuse = (code: Parameters<typeof detail>[1], params = {}): never => {
    throw new ValidationError({ code, params }, [detail('logo', code, params)]);
  };
  if (content.length === 0) refuse('template.logo_empty');
  if (content.length > LOGO_MAX_BYTES) {
    refuse('template.logo_too_large', {
      size: formatMb(content.length),
      max: formatMb(LOGO_MAX_BYTES),
    });
  }
  const mediaType = sniffLogoType(content);
  if (!mediaType) return refuse('template.logo_type');
  let size: { width: number; height: number };
  try {
    size = imageSize({ data: content, mediaType });
  } catch (error) {
    if (error instanceof ImageFormatError) return refuse('template.logo_damaged');
    throw error;
  }
  if (size.width > LOGO_MAX_PIXELS || size.height > LOGO_MAX_PIXELS) {
    refuse('template.logo_pixels', {
      width: size.width,
      height: size.height,
      max: LOGO_MAX_PIXELS,
    });
  }
  return { mediaType, ...size };
}

/* ----------------------------------------------------------------------------------------- */
/* Queries                                                                                    */
/* ----------------------------------------------------------------------------------------- */

const rowKey = (key: string, lang: TemplateLang) => `${key}.${lang}`;

/** The version of a block: the highest of its languages' rows (0 when never set). */
const blockVersion = (rows: readonly DocumentOverrideRow[]) =>
  rows.reduce((v, r) => Math.max(v, r.version), 0);

function presentBlock(
  block: OverridableBlock,
  rows: ReadonlyMap<string, DocumentOverrideRow>,
): TemplateBlockDto {
  const own = TEMPLATE_LANGS.map((lang) => rows.get(rowKey(block.key, lang)));
  const [zh, en] = own.map((r) => (r && r.text !== '' ? r.text : null)) as [
    string | null,
    string | null,
  ];
  const latest = own
    .filter((r): r is DocumentOverrideRow => r !== undefined)
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
  return {
    key: block.key,
    label: { zh: block.label.zh, en: block.label.en },
    defaults: { zh: block.defaults.zh, en: block.defaults.en },
    multiline: block.multiline === true,
    maxLength: maxLength(block),
    zh,
    en,
    version: blockVersion(own.filter((r): r is DocumentOverrideRow => r !== undefined)),
    updatedBy: latest?.updated_by ?? null,
    updatedAt: latest?.updated_at ?? null,
    oneLanguageOnly: (zh === null) !== (en === null),
  };
}

function presentLogo(facts: LogoFacts): LogoDto {
  return {
    mediaType: facts.media_type as LogoMediaType,
    size: facts.size,
    width: facts.width,
    height: facts.height,
    sm3: facts.sm3,
    version: facts.version,
    updatedBy: facts.updated_by,
    updatedAt: facts.updated_at,
  };
}

/** Every block the documents offer with its defaults and the organisation's text, and the logo. */
export async function documentTemplateQuery(
  ctx: AppContext,
  within: OrgScope,
): Promise<DocumentTemplateDto> {
  const { organisationId } = inScope(within);
  await getOrganisation(ctx.store.db, organisationId);
  const rows = new Map(
    (await listDocumentOverrides(ctx.store.db, organisationId)).map((r) => [r.block_key, r]),
  );
  const documents: DocumentTemplateDto['documents'] = [];
  for (const block of OVERRIDABLE_BLOCKS) {
    const document = documentOfBlock(block.key);
    let entry = documents.find((d) => d.document === document);
    if (!entry) {
      entry = {
        document,
        label: TEMPLATE_DOCUMENTS[document] ?? { zh: document, en: document },
        blocks: [],
      };
      documents.push(entry);
    }
    entry.blocks.push(presentBlock(block, rows));
  }
  const logo = await logoFacts(ctx.store.db, organisationId);
  return {
    documents,
    logo: logo ? presentLogo(logo) : null,
    oneLanguageOnly: documents.flatMap((d) =>
      d.blocks.filter((b) => b.oneLanguageOnly).map((b) => b.key),
    ),
    limits: {
      textMax: TEMPLATE_TEXT_MAX,
      lineMax: TEMPLATE_LINE_MAX,
      logoMaxBytes: LOGO_MAX_BYTES,
      logoMaxPixels: LOGO_MAX_PIXELS,
    },
  };
}

/**
 * What the document builders get: the organisation's texts by `<document>.<block>.<lang>` (blocks
 * no builder offers any more are left out) and its logo.
 */
export async function loadDocumentOverrides(
  ctx: Pick<AppContext, 'store'>,
  organisationId: string,
): Promise<DocumentOverrides> {
  const blocks: Record<string, string> = {};
  for (const row of await listDocumentOverrides(ctx.store.db, organisationId)) {
    if (row.text === '') continue;
    const key = row.block_key.slice(0, row.block_key.lastIndexOf('.'));
    if (overridableBlock(key)) blocks[row.block_key] = row.text;
  }
  const logo = await getLogo(ctx.store.db, organisationId);
  if (!logo) return { blocks };
  return {
    blocks,
    logo: {
      data: new Uint8Array(Buffer.from(logo.content_base64, 'base64')),
      mediaType: logo.media_type as LogoMediaType,
    },
  };
}

/** The logo file, for download and preview. */
export async function logoFileQuery(
  ctx: AppContext,
  within: OrgScope,
): Promise<{ mediaType: LogoMediaType; sm3: string; content: Buffer }> {
  const { organisationId } = inScope(within);
  await getOrganisation(ctx.store.db, organisationId);
  const logo = await getLogo(ctx.store.db, organisationId);
  if (!logo) throw new NotFoundError('logo', organisationId);
  return {
    mediaType: logo.media_type as LogoMediaType,
    sm3: logo.sm3,
    content: Buffer.from(logo.content_base64, 'base64'),
  };
}

/* ----------------------------------------------------------------------------------------- */
/* Commands                                                                                   */
/* ----------------------------------------------------------------------------------------- */

/** Writes one block's languages (text '' = default) at `version`; returns the audit changes. */
async function writeBlock(
  trx: AppContext['store']['db'],
  organisationId: string,
  block: OverridableBlock,
  texts: Partial<Record<TemplateLang, string>>,
  version: number,
  actor: Actor,
  now: string,
): Promise<Record<string, { before: unknown; after: unknown }> | null> {
  const keys = TEMPLATE_LANGS.map((lang) => rowKey(block.key, lang));
  const rows = new Map(
    (await blockOverrides(trx, organisationId, keys)).map((r) => [r.block_key, r]),
  );
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const lang of TEMPLATE_LANGS) {
    const text = texts[lang];
    if (text === undefined) continue;
    const before = rows.get(rowKey(block.key, lang))?.text ?? '';
    if (before === text) continue;
    changes[`${lang}_length`] = {
      before: before === '' ? null : [...before].length,
      after: text === '' ? null : [...text].length,
    };
    const written = await upsertDocumentOverride(
      trx,
      {
        organisation_id: organisationId,
        block_key: rowKey(block.key, lang),
        text,
        version,
        updated_by: actor.label,
        updated_at: now,
      },
      version - 1,
    );
    // Another change of this block committed since it was read.
    if (!written) throw new VersionConflictError('document block', version);
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/**
 * Sets a block's text in one or both languages (an empty text = the default) when `version` is
 * the block's current one; refuses keys no builder offers, over-long texts and control characters.
 */
export async function setTemplateBlockCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  key: string,
  input: TemplateBlockInput,
): Promise<TemplateBlockDto> {
  const { organisationId } = inScope(within);
  await getOrganisation(ctx.store.db, organisationId);
  const block = knownBlock(key, 'key');
  const problems: ErrorDetail[] = [];
  const texts: Partial<Record<TemplateLang, string>> = {};
  for (const lang of TEMPLATE_LANGS) {
    const raw = input[lang];
    if (raw !== undefined) texts[lang] = checkBlockText(block, raw, lang, problems);
  }
  if (input.zh === undefined && input.en === undefined) {
    problems.push(detail('(body)', 'template.lang_missing'));
  }
  if (problems.length > 0) {
    throw new ValidationError(
      { code: 'template.file_problems', params: { count: problems.length } },
      problems,
    );
  }
  return audited(ctx, actor, async (trx, audit, now) => {
    const keys = TEMPLATE_LANGS.map((lang) => rowKey(key, lang));
    const current = blockVersion(await blockOverrides(trx, organisationId, keys));
    if (current !== input.version) throw new VersionConflictError('document block', current);
    const changes = await writeBlock(trx, organisationId, block, texts, current + 1, actor, now);
    if (changes) {
      await audit({
        organisationId,
        action: 'document_template.block.update',
        entityType: 'document_template',
        entityId: key,
        changes: { block: { before: key, after: key }, ...changes },
      });
    }
    const rows = new Map(
      (await blockOverrides(trx, organisationId, keys)).map((r) => [r.block_key, r]),
    );
    return presentBlock(block, rows);
  });
}

/** Stores (or replaces) the logo when `version` (if given) is the stored one's (0: none yet). */
export async function setLogoCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  content: Buffer,
  version?: number,
): Promise<LogoDto> {
  const { organisationId } = inScope(within);
  await getOrganisation(ctx.store.db, organisationId);
  const checked = checkLogo(content);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await logoFacts(trx, organisationId);
    const current = before?.version ?? 0;
    if (version !== undefined && version !== current) {
      throw new VersionConflictError('logo', current);
    }
    const row = {
      organisation_id: organisationId,
      media_type: checked.mediaType,
      content_base64: content.toString('base64'),
      sm3: createHash('sm3').update(content).digest('hex'),
      size: content.length,
      width: checked.width,
      height: checked.height,
      version: current + 1,
      updated_by: actor.label,
      updated_at: now,
    };
    if (!(await upsertLogo(trx, row, row.version - 1))) {
      throw new VersionConflictError('logo', row.version);
    }
    await audit({
      organisationId,
      action: 'document_template.logo.update',
      entityType: 'document_template',
      entityId: 'logo',
      changes: logoChanges(before, row),
    });
    const { content_base64: _bytes, ...facts } = row;
    return presentLogo(facts);
  });
}

/** Removes the logo (when `version`, if given, is the stored one's). */
export async function deleteLogoCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  version?: number,
): Promise<void> {
  const { organisationId } = inScope(within);
  await getOrganisation(ctx.store.db, organisationId);
  await audited(ctx, actor, async (trx, audit) => {
    const before = await logoFacts(trx, organisationId);
    if (!before) throw new NotFoundError('logo', organisationId);
    if (version !== undefined && version !== before.version) {
      throw new VersionConflictError('logo', before.version);
    }
    if ((await deleteLogo(trx, organisationId, before.version)) === 0) {
      throw new VersionConflictError('logo', before.version + 1);
    }
    await audit({
      organisationId,
      action: 'document_template.logo.delete',
      entityType: 'document_template',
      entityId: 'logo',
      changes: logoChanges(before, null),
    });
  });
}

/** The logo's facts before and after, for the audit log (never its bytes). */
function logoChanges(before: LogoFacts | undefined, after: LogoFacts | null) {
  const fields = ['media_type', 'size', 'width', 'height', 'sm3'] as const;
  return Object.fromEntries(
    fields.map((f) => [f, { before: before?.[f] ?? null, after: after?.[f] ?? null }]),
  );
}

/* ----------------------------------------------------------------------------------------- */
/* The template file (dengbao template export | import)                                      */
/* ----------------------------------------------------------------------------------------- */

/** The organisation's reworded blocks (both languages) and its logo, as the template file. */
export async function exportTemplateQuery(
  ctx: AppContext,
  within: OrgScope,
): Promise<TemplateFile> {
  const template = await documentTemplateQuery(ctx, within);
  const blocks: TemplateFile['blocks'] = {};
  for (const d of template.documents) {
    for (const b of d.blocks) {
      if (b.zh === null && b.en === null) continue;
      blocks[b.key] = { zh: b.zh, en: b.en };
    }
  }
  if (!template.logo) return { blocks };
  const logo = await logoFileQuery(ctx, within);
  return { blocks, logo: { mediaType: logo.mediaType, base64: logo.content.toString('base64') } };
}

export interface TemplateImportReport {
  /** Blocks in the file. */
  blocks: number;
  /** Blocks whose text changed. */
  changed: number;
  logo: 'unchanged' | 'replaced' | 'removed';
}

/**
 * Loads a template file: every key is checked against the builders' blocks and every text and
 * the logo checked first, all problems named at once; then one audited transaction sets the
 * blocks the file names (a null or empty language = the default; blocks not named stay as they
 * are) and the logo when the file has the `logo` key (null removes it).
 */
export async function importTemplateCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  file: TemplateFile,
): Promise<TemplateImportReport> {
  const { organisationId } = inScope(within);
  await getOrganisation(ctx.store.db, organisationId);
  const problems: ErrorDetail[] = [];
  const planned: { block: OverridableBlock; texts: Partial<Record<TemplateLang, string>> }[] = [];
  for (const [key, langs] of Object.entries(file.blocks)) {
    const block = overridableBlock(key);
    if (!block) {
      problems.push(detail(`blocks.${key}`, 'template.block_unknown', { key }));
      continue;
    }
    const texts: Partial<Record<TemplateLang, string>> = {};
    for (const lang of TEMPLATE_LANGS) {
      texts[lang] = checkBlockText(block, langs[lang] ?? '', `blocks.${key}.${lang}`, problems);
    }
    planned.push({ block, texts });
  }
  let logo: { content: Buffer } | null | undefined;
  if (file.logo) {
    const base64 = file.logo.base64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
      problems.push(detail('logo.base64', 'template.logo_base64'));
    } else {
      const content = Buffer.from(base64, 'base64');
      try {
        checkLogo(content);
        logo = { content };
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        problems.push(...error.details.map((d) => ({ ...d, path: 'logo.base64' })));
      }
    }
  } else if (file.logo === null) logo = null;
  if (problems.length > 0) {
    throw new ValidationError(
      { code: 'template.file_problems', params: { count: problems.length } },
      problems,
    );
  }
  return audited(ctx, actor, async (trx, audit, now) => {
    let changed = 0;
    for (const { block, texts } of planned) {
      const keys = TEMPLATE_LANGS.map((lang) => rowKey(block.key, lang));
      const current = blockVersion(await blockOverrides(trx, organisationId, keys));
      const changes = await writeBlock(trx, organisationId, block, texts, current + 1, actor, now);
      if (!changes) continue;
      changed += 1;
      await audit({
        organisationId,
        action: 'document_template.block.update',
        entityType: 'document_template',
        entityId: block.key,
        changes: { block: { before: block.key, after: block.key }, ...changes },
      });
    }
    let logoOutcome: TemplateImportReport['logo'] = 'unchanged';
    const before = await logoFacts(trx, organisationId);
    if (logo === null && before) {
      if ((await deleteLogo(trx, organisationId, before.version)) === 0) {
        throw new VersionConflictError('logo', before.version + 1);
      }
      await audit({
        organisationId,
        action: 'document_template.logo.delete',
        entityType: 'document_template',
        entityId: 'logo',
        changes: logoChanges(before, null),
      });
      logoOutcome = 'removed';
    } else if (logo) {
      const checked = checkLogo(logo.content);
      const sm3 = createHash('sm3').update(logo.content).digest('hex');
      if (sm3 !== before?.sm3) {
        const row = {
          organisation_id: organisationId,
          media_type: checked.mediaType,
          content_base64: logo.content.toString('base64'),
          sm3,
          size: logo.content.length,
          width: checked.width,
          height: checked.height,
          version: (before?.version ?? 0) + 1,
          updated_by: actor.label,
          updated_at: now,
        };
        if (!(await upsertLogo(trx, row, row.version - 1))) {
          throw new VersionConflictError('logo', row.version);
        }
        await audit({
          organisationId,
          action: 'document_template.logo.update',
          entityType: 'document_template',
          entityId: 'logo',
          changes: logoChanges(before, row),
        });
        logoOutcome = 'replaced';
      }
    }
    if (changed === 0 && logoOutcome === 'unchanged') {
      return { blocks: planned.length, changed, logo: logoOutcome };
    }
    await audit({
      organisationId,
      action: 'document_template.import',
      entityType: 'document_template',
      entityId: organisationId,
      changes: {
        counts: { before: null, after: { blocks: planned.length, changed, logo: logoOutcome } },
      },
    });
    return { blocks: planned.length, changed, logo: logoOutcome };
  });
}
