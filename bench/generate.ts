import type { SystemFacts } from '../src/domain/obligations/types';
import type { GradingInput } from '../src/domain/mlps/grading';
import { HARM_DEGREES, HARMED_OBJECTS, SYSTEM_TYPES } from '../src/shared/mlps';

/** The benchmarks' encryption key (never a real one). */
export const BENCH_KEYS = 'bench:00112233445566778899aabbccddeeff';

/** Small deterministic PRNG (mulberry32) so every run measures the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T =>
  list[Math.floor(r() * list.length)] as T;

function date(r: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function judgements(r: () => number) {
  const n = 1 + Math.floor(r() * 3);
  const objects = [...HARMED_OBJECTS].sort(() => r() - 0.5).slice(0, n);
  return objects.map((object) => ({ object, degree: pick(r, HARM_DEGREES) }));
}

/** A synthetic estate: grading inputs and the facts the obligation rules read. */
export function generateSystems(
  count: number,
  seed = 42,
): { gradings: GradingInput[]; facts: SystemFacts[] } {
  const r = rng(seed);
  const gradings: GradingInput[] = [];
  const facts: SystemFacts[] = [];
  for (let i = 0; i < count; i++) {
    gradings.push({ businessInformation: judgements(r), systemService: judgements(r) });
    const graded = r() < 0.9;
    const gradedOn = graded ? date(r, 2019, 2026) : null;
    const filed = graded && r() < 0.7;
    const isCii = r() < 0.05;
    facts.push({
      id: `sys-${i}`,
      name: `系统${i}`,
      types: [pick(r, SYSTEM_TYPES)],
      level: null, // filled from the grading by the benchmark
      gradedOn,
      goLiveOn: date(r, 2015, 2027),
      isCii,
      ciiDesignatedOn: isCii ? date(r, 2021, 2025) : null,
      isNationalEgov: r() < 0.1,
      hasCompetentAuthority: r() < 0.5,
      expertReviewOn: graded && r() < 0.8 ? gradedOn : null,
      competentApprovalOn: null,
      filings: filed
        ? [{ filedOn: date(r, 2019, 2026), certificateNumber: `3301${i}`, bureau: '某市公安局' }]
        : [],
      assessments: r() < 0.6 ? [{ completedOn: date(r, 2022, 2026) }] : [],
      cryptoAssessments: r() < 0.3 ? [{ completedOn: date(r, 2023, 2026) }] : [],
      ciiRiskAssessments: isCii && r() < 0.5 ? [{ completedOn: date(r, 2023, 2026) }] : [],
      ciiSecurityOrganisationOn: isCii && r() < 0.5 ? date(r, 2021, 2025) : null,
    });
  }
  return { gradings, facts };
}
