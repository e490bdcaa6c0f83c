import type { Citation } from '../domain/citation';
import {
  findInstrument,
  findProvision,
  loadKnowledgeBase,
  type KnowledgeBase,
} from '../catalogs/knowledge-base';
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
    const dto: CitationDto = {
      instrumentId: c.instrumentId,
      provisionId: c.provisionId ?? null,
      labelZh: `${titleZh}${provision ? provision.labelZh : (c.provisionId ?? '')}`,
      labelEn: `${titleEn}${provision ? `, ${provision.labelEn}` : c.provisionId ? `, ${c.provisionId}` : ''}`,
    };
    cache.set(cacheKey, dto);
    return dto;
  };
}
