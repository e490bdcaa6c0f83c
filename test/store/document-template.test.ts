import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { AppContext } from '../../src/app/context';
import { documentOverrides } from '../../src/app/documents/source';
import {
  documentTemplateQuery,
  exportTemplateQuery,
  importTemplateCommand,
  setLogoCommand,
  setTemplateBlockCommand,
} from '../../src/app/documents/template';
import { buildReport, renderReport } from '../../src/app/reports';
import type { Lang } from '../../src/reports/model';
import { documentText } from '../../src/reports/model';
import {
  OVERRIDABLE_BLOCKS,
  TEMPLATE_DOCUMENTS,
  documentOfBlock,
  overridableBlock,
} from '../../src/reports/documents/overridable-blocks';
import { wording } from '../../src/reports/overrides';
import { ValidationError } from '../../src/errors';
import type { Store } from '../../src/store/database';
import { solidPng } from '../api/document-template-fixtures';
import { createHospitalAssessment, type AssessmentFixture } from '../fixtures/assessment-fixture';
import { openTestStore, testContext, TEST_DIALECTS } from '../support';

/**
 * 文书模板 in the documents: what an organisation stores reaches the builders through
 * documentOverrides, the builders' `wording(...)` prints it instead of their default, and the
 * PDF (pdftotext) and Word (document.xml) say it, in each language. The template file round
 * trip (export → import) is all or nothing and names unknown keys.
 */
const AS_OF = '2026-05-06';
const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-template-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(data: Uint8Array, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const flat = (text: string) => text.replace(/\s+/g, '');

describe('the registry of overridable blocks', () => {
  it('has unique `<document>.<block>` keys of known documents, with labels and defaults in zh and en', () => {
    const keys = OVERRIDABLE_BLOCKS.map((b) => b.key);
    assert.equal(new Set(keys).size, keys.length, `duplicate keys: ${keys}`);
    for (const b of OVERRIDABLE_BLOCKS) {
      assert.match(b.key, /^[a-z]+\.[A-Za-z0-9_]+$/, b.key);
      assert.ok(documentOfBlock(b.key) in TEMPLATE_DOCUMENTS, `${b.key}: document known`);
      assert.ok(b.label.zh.trim() && b.label.en.trim(), `${b.key}: labels`);
      assert.equal(typeof b.defaults.zh, 'string');
      assert.equal(typeof b.defaults.en, 'string');
      assert.equal(overridableBlock(b.key), b);
    }
  });
});

for (const dialect of TEST_DIALECTS) {
  describe(`document templates in the documents (${dialect})`, () => {
    let store: Store | null;
    let ctx: AppContext;
    let fixture: AssessmentFixture;

    before(async () => {
      store = await openTestStore(dialect);
      if (!store) return;
      ctx = testContext(store, AS_OF);
      fixture = await createHospitalAssessment(ctx);
    });
    after(async () => store?.close());

    const build = async (kind: 'filing' | 'assessment', id: string, lang: Lang) => {
      const doc = await buildReport(ctx, fixture.organisationId, kind, id, lang, AS_OF);
      const pdf = pdfText(await renderReport(doc, 'pdf'), `${kind}-${lang}.pdf`);
      const docx = unzipSync(new Uint8Array(await renderReport(doc, 'docx')));
      // The body, and the footers (the cover's foot line is the first section's footer).
      const xml = Object.entries(docx)
        .filter(([name]) => /^word\/(document|footer\d*|header\d*)\.xml$/.test(name))
        .map(([, data]) => strFromU8(data).replace(/<[^>]+>/g, ''))
        .join('\n');
      return { doc, pdf, xml, docx };
    };

    it('documentOverrides hands the stored text and logo to wording(); the defaults stay for the rest', async (t) => {
      if (!store) return t.skip('database unavailable');
      const none = await documentOverrides(ctx, fixture.organisationId);
      assert.deepEqual(none.blocks, {});
      assert.equal(none.logo, undefined);
      const block = OVERRIDABLE_BLOCKS[0];
      if (!block) return t.skip('no overridable block yet');
      await setTemplateBlockCommand(ctx, fixture.actor, fixture.organisationId, block.key, {
        zh: '本单位的中文段落',
        version: 0,
      });
      const logo = solidPng(200, 80, [0, 90, 160]);
      await setLogoCommand(ctx, fixture.actor, fixture.organisationId, logo);
      const got = await documentOverrides(ctx, fixture.organisationId);
      assert.deepEqual(got.blocks, { [`${block.key}.zh`]: '本单位的中文段落' });
      assert.equal(got.logo?.mediaType, 'image/png');
      assert.ok(Buffer.from(got.logo!.data).equals(logo));
      assert.equal(wording(got, block.key, 'zh', block.defaults.zh), '本单位的中文段落');
      assert.equal(wording(got, block.key, 'en', block.defaults.en), block.defaults.en);
      // Back to the default for the next tests.
      await setTemplateBlockCommand(ctx, fixture.actor, fixture.organisationId, block.key, {
        zh: '',
        version: 1,
      });
    });

    it('the filing form prints the organisation’s cover footer and instructions in PDF and Word, per language', async (t) => {
      if (!store) return t.skip('database unavailable');
      const footer = overridableBlock('filing.coverFooter');
      const instructions = overridableBlock('filing.instructions');
      if (!footer || !instructions) return t.skip('the filing form offers no such blocks');
      const template = await documentTemplateQuery(ctx, fixture.organisationId);
      const version = (key: string) =>
        template.documents.flatMap((d) => d.blocks).find((b) => b.key === key)!.version;
      await setTemplateBlockCommand(ctx, fixture.actor, fixture.organisationId, footer.key, {
        zh: '浙江省公安厅网络安全保卫总队监制',
        en: 'Issued by the Zhejiang Public Security Department',
        version: version(footer.key),
      });
      await setTemplateBlockCommand(ctx, fixture.actor, fixture.organisationId, instructions.key, {
        zh: '一、本表由备案单位填写。\n二、本单位补充：请附网络拓扑图。',
        version: version(instructions.key),
      });
      const zh = await build('filing', fixture.systemId, 'zh');
      for (const [where, text] of [
        ['model', documentText(zh.doc).join('\n')],
        ['pdf', zh.pdf],
        ['docx', zh.xml],
      ] as const) {
        assert.ok(flat(text).includes('浙江省公安厅网络安全保卫总队监制'), `${where}: footer`);
        assert.ok(flat(text).includes('本单位补充：请附网络拓扑图。'), `${where}: instructions`);
        assert.ok(!flat(text).includes(flat(footer.defaults.zh)), `${where}: default gone`);
      }
      const en = await build('filing', fixture.systemId, 'en');
      assert.ok(flat(en.pdf).includes(flat('Issued by the Zhejiang Public Security Department')));
      assert.ok(flat(en.xml).includes(flat('Issued by the Zhejiang Public Security Department')));
      // Instructions were reworded in Chinese only: the English form keeps its default.
      assert.ok(flat(en.xml).includes(flat(instructions.defaults.en).slice(0, 40)));
      const listed = await documentTemplateQuery(ctx, fixture.organisationId);
      assert.deepEqual(listed.oneLanguageOnly, [instructions.key], '中英文不一致 is flagged');
    });

    it('the assessment report prints the organisation’s statement and its logo on the cover', async (t) => {
      if (!store) return t.skip('database unavailable');
      const statement = overridableBlock('assessment.statement');
      if (!statement) return t.skip('the assessment report offers no statement block yet');
      const current = (await documentTemplateQuery(ctx, fixture.organisationId)).documents
        .flatMap((d) => d.blocks)
        .find((b) => b.key === statement.key)!;
      await setTemplateBlockCommand(ctx, fixture.actor, fixture.organisationId, statement.key, {
        zh: '本报告由本机构依据委托合同出具，仅供委托单位备案使用。',
        en: 'This report is issued under our engagement contract for the client’s filing only.',
        version: current.version,
      });
      const zh = await build('assessment', fixture.assessmentId, 'zh');
      assert.ok(flat(zh.pdf).includes('本报告由本机构依据委托合同出具，仅供委托单位备案使用。'));
      assert.ok(flat(zh.xml).includes('本报告由本机构依据委托合同出具，仅供委托单位备案使用。'));
      const en = await build('assessment', fixture.assessmentId, 'en');
      assert.ok(flat(en.pdf).includes(flat('issued under our engagement contract')));
      // The logo stored above is the cover's picture, byte for byte, in the Word file.
      const { logo } = await documentOverrides(ctx, fixture.organisationId);
      assert.equal(zh.doc.cover.logo?.mediaType, 'image/png');
      const media = Object.entries(zh.docx).filter(([name]) => name.startsWith('word/media/'));
      assert.ok(
        media.some(([, data]) => Buffer.from(data).equals(Buffer.from(logo!.data))),
        `logo among ${media.map(([n]) => n).join(', ')}`,
      );
    });

    it('every block a document prints by default prints the organisation’s text instead, in zh and en', async (t) => {
      if (!store) return t.skip('database unavailable');
      const fresh = await createHospitalAssessment(ctx);
      const ids = {
        grading: fresh.systemId,
        filing: fresh.systemId,
        assessment: fresh.assessmentId,
        rectification: fresh.assessmentId,
      } as const;
      const kinds = Object.keys(ids) as (keyof typeof ids)[];
      const texts = async () => {
        const out = new Map<string, string>();
        for (const lang of ['zh', 'en'] as const) {
          for (const kind of kinds) {
            const doc = await buildReport(ctx, fresh.organisationId, kind, ids[kind], lang, AS_OF);
            out.set(`${kind}.${lang}`, flat(documentText(doc).join('')));
          }
        }
        return out;
      };
      const marker = (key: string, lang: Lang) =>
        lang === 'zh' ? `【本单位${key}】` : `[ours:${key}]`;
      const defaults = await texts();
      const blocks: Record<string, { zh: string; en: string }> = {};
      for (const b of OVERRIDABLE_BLOCKS)
        blocks[b.key] = { zh: marker(b.key, 'zh'), en: marker(b.key, 'en') };
      await importTemplateCommand(ctx, fresh.actor, fresh.organisationId, { blocks });
      const reworded = await texts();
      const missing: string[] = [];
      const skipped: string[] = [];
      let checked = 0;
      for (const b of OVERRIDABLE_BLOCKS) {
        const kind = documentOfBlock(b.key);
        for (const lang of ['zh', 'en'] as const) {
          const before = defaults.get(`${kind}.${lang}`);
          assert.ok(before !== undefined, `${b.key}: a document of kind ${kind}`);
          // A block shown only for some data (e.g. the harm argument's lead-in) is skipped when
          // this data does not show its default; a block without a default shows once set.
          const shown = b.defaults[lang] === '' || before.includes(flat(b.defaults[lang]));
          if (!shown) {
            skipped.push(`${b.key}.${lang}`);
            continue;
          }
          checked += 1;
          if (!reworded.get(`${kind}.${lang}`)!.includes(flat(marker(b.key, lang))))
            missing.push(`${b.key}.${lang}`);
        }
      }
      t.diagnostic(
        `${checked} block texts checked; not shown for this data: ${skipped.join(', ')}`,
      );
      assert.deepEqual(missing, [], 'reworded blocks the documents do not print');
      assert.ok(checked >= OVERRIDABLE_BLOCKS.length, `${checked} block texts checked`);
    });

    it('exports the template and imports it back; an unknown key refuses the whole file by name', async (t) => {
      if (!store) return t.skip('database unavailable');
      const exported = await exportTemplateQuery(ctx, fixture.organisationId);
      assert.ok(Object.keys(exported.blocks).length > 0 || OVERRIDABLE_BLOCKS.length === 0);
      assert.equal(exported.logo?.mediaType, 'image/png');
      const before = await documentTemplateQuery(ctx, fixture.organisationId);
      const first = OVERRIDABLE_BLOCKS[0];
      if (!first) return t.skip('no overridable block yet');
      await assert.rejects(
        importTemplateCommand(ctx, fixture.actor, fixture.organisationId, {
          blocks: {
            [first.key]: { zh: '不会保存', en: 'not stored' },
            'assessment.no_such_block': { zh: '未知' },
          },
        }),
        (error: unknown) => {
          assert.ok(error instanceof ValidationError);
          assert.deepEqual(
            error.details.map((d) => d.path),
            ['blocks.assessment.no_such_block'],
          );
          assert.match(error.details[0]!.message, /assessment\.no_such_block/);
          return true;
        },
      );
      assert.deepEqual(
        await documentTemplateQuery(ctx, fixture.organisationId),
        before,
        'nothing stored',
      );
      const report = await importTemplateCommand(
        ctx,
        fixture.actor,
        fixture.organisationId,
        exported,
      );
      assert.deepEqual(report, {
        blocks: Object.keys(exported.blocks).length,
        changed: 0,
        logo: 'unchanged',
      });
      const changed = await importTemplateCommand(ctx, fixture.actor, fixture.organisationId, {
        blocks: { [first.key]: { zh: '导入的中文', en: 'Imported English' } },
        logo: null,
      });
      assert.deepEqual(changed, { blocks: 1, changed: 1, logo: 'removed' });
      const after = await documentOverrides(ctx, fixture.organisationId);
      assert.equal(after.blocks[`${first.key}.zh`], '导入的中文');
      assert.equal(after.blocks[`${first.key}.en`], 'Imported English');
      assert.equal(after.logo, undefined);
    });
  });
}
