/**
 * Sector grading guidance in the app: the organisation's sector, the shipped guides, the
 * answers on a grading → the domain's {@link sectorGuidanceFor}, its warnings labelled like any
 * other citation, and the DTO the wizard and the 定级报告 show.
 */
import type { Kysely } from 'kysely';
import { shippedSectorGrading } from '../../catalogs/sector-grading/load';
import type { SectorGradingGuide } from '../../catalogs/sector-grading/schema';
import {
  bareTitle,
  sectorGuidanceFor,
  type OrganisationSector,
  type SectorGuidanceResult,
} from '../../domain/mlps/sector-guidance';
import { ValidationError } from '../../errors';
import type { CitationDto, SectorGuideDto, SectorGuidanceDto } from '../../shared/api-types';
import type { ProtectionLevel } from '../../shared/mlps';
import type { GradingNarrative } from '../../shared/schemas';
import type { Database } from '../../store/schema';
import type { FieldCipher } from '../../security/field-crypto';
import { getOrganisation } from '../../store/repositories/organisations.repository';
import { presentOrganisation, type CitationLabeller } from '../presenters';

const SOURCE_PREFIX = 'sector-grading:';

/**
 * The organisation's sector: the 行业类别 code of its filing profile (表一) where one is stored,
 * else the free-text sector it was created with.
 */
export async function organisationSector(
  db: Kysely<Database>,
  cipher: FieldCipher,
  organisationId: string,
): Promise<OrganisationSector> {
  const organisation = presentOrganisation(await getOrganisation(db, organisationId), cipher);
  // The profile is optional on older organisations; read it loosely.
  const profile = (organisation as { filingProfile?: { sectorCode?: string | null } | null })
    .filingProfile;
  return { code: profile?.sectorCode ?? null, name: organisation.sector };
}

export function sectorGuidance(
  sector: OrganisationSector,
  narrative: GradingNarrative | null | undefined,
  level: ProtectionLevel | null,
  asOf: string,
): SectorGuidanceResult {
  return sectorGuidanceFor(
    shippedSectorGrading().guides,
    sector,
    narrative?.sectorGuidance ?? [],
    level,
    asOf,
  );
}

export function knownGuideIds(): ReadonlySet<string> {
  return new Set(shippedSectorGrading().guides.map((g) => g.id));
}

/** Refuses answers to guides dengbao does not know, naming each one's path. */
export function assertKnownGuides(
  narrative: GradingNarrative | null | undefined,
  base = 'narrative',
): void {
  if (!narrative) return;
  const known = knownGuideIds();
  const details = narrative.sectorGuidance.flatMap((a, i) =>
    known.has(a.guideId)
      ? []
      : [
          {
            path: `${base}.sectorGuidance[${i}].guideId`,
            message: `unknown sector grading guide "${a.guideId}"`,
          },
        ],
  );
  if (details.length > 0) throw new ValidationError('unknown sector grading guide', details);
}

export function presentSectorGuide(g: SectorGradingGuide): SectorGuideDto {
  return {
    id: g.id,
    sector: { code: g.sector.code, zh: g.sector.zh, en: g.sector.en },
    questionZh: g.question.zh,
    questionEn: g.question.en,
    recommendedMinimum: g.recommendedMinimum as ProtectionLevel,
    ruleZh: g.rule.zh,
    ruleEn: g.rule.en,
    sources: g.sources.map((s) => ({
      id: s.id,
      labelZh: `《${bareTitle(s.instrumentZh)}》（${[s.documentNumber, s.issuerZh, s.issuedOn].filter(Boolean).join('，')}）`,
      labelEn: `${s.instrumentEn} (${[s.documentNumber, s.issuerEn, s.issuedOn].filter(Boolean).join(', ')})`,
      provisionZh: s.provisionZh,
      provisionEn: s.provisionEn,
      url: s.url,
      note: s.note,
      relation: s.relation,
    })),
    effectiveFrom: g.effectiveFrom,
    effectiveTo: g.effectiveTo,
    status: g.status,
  };
}

export function presentSectorGuidance(result: SectorGuidanceResult): SectorGuidanceDto {
  return {
    matchedBy: result.matchedBy,
    guides: result.outcomes.map((o) => ({
      guide: presentSectorGuide(o.guide),
      applies: o.applies,
      meets: o.meets,
    })),
    recommendedMinimum: result.recommendedMinimum,
  };
}

/** The knowledge-base labeller, also labelling the sector guides' sources (`sector-grading:<id>`). */
export function withSectorSources(label: CitationLabeller): CitationLabeller {
  return (c) => {
    if (!c.instrumentId.startsWith(SOURCE_PREFIX)) return label(c);
    const id = c.instrumentId.slice(SOURCE_PREFIX.length);
    const source = shippedSectorGrading()
      .guides.flatMap((g) => presentSectorGuide(g).sources)
      .find((s) => s.id === id);
    const dto: CitationDto = {
      instrumentId: c.instrumentId,
      provisionId: c.provisionId ?? null,
      labelZh: source ? `${source.labelZh}${source.provisionZh ?? ''}` : id,
      labelEn: source
        ? `${source.labelEn}${source.provisionEn ? `, ${source.provisionEn}` : ''}`
        : id,
      referenceZh: source?.labelZh ?? id,
      referenceEn: source?.labelEn ?? id,
      url: source?.url ?? null,
    };
    return dto;
  };
}
