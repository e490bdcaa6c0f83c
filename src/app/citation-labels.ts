import type { Citation } from '../domain/citation';
import {
  findInstrument,
  findProvision,
  loadKnowledgeBase,
  type KnowledgeBase,
} from '../catalogs/knowledge-base';
import type { Instrument } from '../catalogs/knowledge-base.schema';
import type { CitationDto } from '../shared/api-types';
import type { CitationLabeller } from './presenters';

/** Loads the shipped knowledge base or fails start-up listing every problem. */
export function loadShippedKnowledgeBase(): KnowledgeBase {
  const result = loadKnowledgeBase();
  if (!result.ok) {
    const lines = result.problems.map(
      (p) => `  ${p.file}${'line' in p && p.line ? `:${p.line}` : ''} ${p.path}: ${p.message}`,
    );
    throw new Error(`knowledge base is invalid:\n${lines.join('\n')}`);
  }
  return result.kb;
}

/** Labels citations from the knowledge base, e.g. 《中华人民共和国网络安全法》第二十一条. */
export function citationLabeller(kb: KnowledgeBase): CitationLabeller {
  const cache = new Map<string, CitationDto>();
  return (c: Citation) => {
    const cacheKey = `${c.instrumentId}#${c.provisionId ?? ''}`;
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    const instrument = findInstrument(kb, c.instrumentId);
    const provision = c.provisionId ? findProvision(kb, c) : undefined;
    // Standards are known by their number (GB/T 22240-2020), laws by their title.
    const number =
      instrument?.kind.endsWith('standard') && instrument.documentNumber
        ? instrument.documentNumber
        : null;
    const titleZh = instrument ? `${number ?? ''}《${instrument.titleZh}》` : c.instrumentId;
    const titleEn = instrument
      ? `${number ? `${number} ` : ''}${instrument.titleEn}`
      : c.instrumentId;
    const provisionZh = provision ? provision.labelZh : (c.provisionId ?? '');
    const provisionEn = provision
      ? `, ${provision.labelEn}`
      : c.provisionId
        ? `, ${c.provisionId}`
        : '';
    const dto: CitationDto = {
      instrumentId: c.instrumentId,
      provisionId: c.provisionId ?? null,
      labelZh: `${titleZh}${provisionZh}`,
      labelEn: `${titleEn}${provisionEn}`,
      referenceZh: instrument
        ? `《${instrument.titleZh}》${referenceDetailsZh(instrument)}${provisionZh}`
        : c.instrumentId,
      referenceEn: instrument
        ? `${instrument.titleEn}${referenceDetailsEn(instrument)}${provisionEn}`
        : c.instrumentId,
      url: instrument?.officialUrl ?? null,
    };
    cache.set(cacheKey, dto);
    return dto;
  };
}

/** （number，date公布，date施行） from what the knowledge base knows. */
function referenceDetailsZh(instrument: Instrument): string {
  const parts = [
    instrument.documentNumber,
    instrument.promulgatedOn ? `${instrument.promulgatedOn}公布` : null,
    instrument.effectiveFrom && instrument.effectiveFrom !== instrument.promulgatedOn
      ? `${instrument.effectiveFrom}施行`
      : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
}

function referenceDetailsEn(instrument: Instrument): string {
  const parts = [
    instrument.documentNumber,
    instrument.promulgatedOn ? `issued ${instrument.promulgatedOn}` : null,
    instrument.effectiveFrom && instrument.effectiveFrom !== instrument.promulgatedOn
      ? `in force ${instrument.effectiveFrom}`
      : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
