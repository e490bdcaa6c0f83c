/**
 * The register's checks beyond the wire schema, each with its field path: data categories in
 * the classifier's catalog, recipient and transfer keys, systems of the organisation, counts
 * that cannot exceed the individuals, the privacy-notice version, duplicates. One set of checks
 * for the API, the file import and the CLI.
 */
import type { ErrorDetail } from '../../errors';
import type {
  ActivityInput,
  PrivacyRegisterFile,
  RegisterProfile,
  TransferBatchInput,
} from '../../shared/privacy-schemas';
import { ftzListIds } from '../../catalogs/ftz-negative-lists';
import { categoryCodesHint, categoryKnown } from './categories';

type Path = string;

/** What an activity may refer to outside itself. */
export interface ActivityReferences {
  /** Privacy-notice versions of the register profile. */
  readonly noticeVersions: ReadonlySet<string>;
  /** Whether a system reference (id on the API, name in a file) is the organisation's. */
  readonly systemKnown: (ref: string) => boolean;
  /** Batches stored per transfer key of this activity (an edit may not drop a used key). */
  readonly batchesByTransfer?: ReadonlyMap<string, number>;
}

const twice = <T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  at: (i: number) => Path,
  out: ErrorDetail[],
) => {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const seen = first.get(key);
    if (seen !== undefined)
      out.push({ path: at(i), message: `listed twice: "${key}" is also at ${at(seen)}` });
    else first.set(key, i);
  });
};

function categoryProblems(codes: readonly string[], at: (i: number) => Path, out: ErrorDetail[]) {
  codes.forEach((code, i) => {
    if (!categoryKnown(code))
      out.push({
        path: at(i),
        message: `"${code}" is not a data category of the classifier; use one of ${categoryCodesHint()}`,
      });
  });
}

/**
 * Problems of one activity (`systemRefs` are ids on the API, names in a file) with paths below
 * `base` (e.g. `''` for a request body, `activities[3]` in a file).
 */
export function activityProblems(
  a: Omit<ActivityInput, 'systemIds'> & { systemIds?: readonly string[] },
  systemRefs: readonly string[],
  systemField: 'systemIds' | 'systems',
  refs: ActivityReferences,
  base = '',
): ErrorDetail[] {
  const p = (rest: string) => (base ? `${base}.${rest}` : rest);
  const out: ErrorDetail[] = [];
  twice(
    a.legalBases,
    (x) => x,
    (i) => p(`legalBases[${i}]`),
    out,
  );
  twice(
    a.dataCategories,
    (x) => x,
    (i) => p(`dataCategories[${i}]`),
    out,
  );
  categoryProblems(a.dataCategories, (i) => p(`dataCategories[${i}]`), out);
  twice(
    a.dataSubjects,
    (x) => x,
    (i) => p(`dataSubjects[${i}]`),
    out,
  );
  if (a.sensitiveIndividuals > a.individuals)
    out.push({
      path: p('sensitiveIndividuals'),
      message: `${a.sensitiveIndividuals} individuals with sensitive information is more than the ${a.individuals} individuals of the activity`,
    });
  if (a.minorsUnder14 > a.individuals)
    out.push({
      path: p('minorsUnder14'),
      message: `${a.minorsUnder14} minors under 14 is more than the ${a.individuals} individuals of the activity`,
    });
  if (a.minorsUnder14 > 0 && !a.dataSubjects.includes('minors_under_14'))
    out.push({
      path: p('dataSubjects'),
      message: 'the activity counts minors under 14: add minors_under_14 to its data subjects',
    });
  twice(
    systemRefs,
    (x) => x,
    (i) => p(`${systemField}[${i}]`),
    out,
  );
  systemRefs.forEach((ref, i) => {
    if (!refs.systemKnown(ref))
      out.push({
        path: p(`${systemField}[${i}]`),
        message:
          systemField === 'systemIds'
            ? `system ${ref} is not a system of this organisation`
            : `no system named "${ref}" in this organisation`,
      });
  });
  twice(
    a.recipients,
    (r) => r.key,
    (i) => p(`recipients[${i}].key`),
    out,
  );
  const activityCategories = new Set(a.dataCategories);
  a.recipients.forEach((r, ri) => {
    categoryProblems(r.dataCategories, (i) => p(`recipients[${ri}].dataCategories[${i}]`), out);
    r.dataCategories.forEach((c, i) => {
      if (categoryKnown(c) && !activityCategories.has(c))
        out.push({
          path: p(`recipients[${ri}].dataCategories[${i}]`),
          message: `"${c}" is not one of the activity's data categories`,
        });
    });
  });
  // The first of a duplicated key is the one a transfer refers to (the second is reported).
  const recipients = new Map<string, (typeof a.recipients)[number]>();
  for (const r of a.recipients) if (!recipients.has(r.key)) recipients.set(r.key, r);
  twice(
    a.transfers,
    (t) => t.key,
    (i) => p(`transfers[${i}].key`),
    out,
  );
  a.transfers.forEach((t, i) => {
    const r = recipients.get(t.recipientKey);
    if (!r)
      out.push({
        path: p(`transfers[${i}].recipientKey`),
        message: `no recipient "${t.recipientKey}" in this activity (have: ${[...recipients.keys()].join(', ') || 'none'})`,
      });
    else if (r.country === 'CN')
      out.push({
        path: p(`transfers[${i}].recipientKey`),
        message: `recipient "${r.key}" is in the mainland (CN): a transfer abroad needs a recipient abroad`,
      });
  });
  const keys = new Set(a.transfers.map((t) => t.key));
  for (const [key, n] of refs.batchesByTransfer ?? [])
    if (n > 0 && !keys.has(key))
      out.push({
        path: p('transfers'),
        message: `transfer "${key}" has ${n} batch(es) on record; delete them before removing the transfer`,
      });
  twice(
    a.consents,
    (c) => c.case,
    (i) => p(`consents[${i}].case`),
    out,
  );
  if (a.privacyNoticeVersion && !refs.noticeVersions.has(a.privacyNoticeVersion))
    out.push({
      path: p('privacyNoticeVersion'),
      message: `privacy notice version "${a.privacyNoticeVersion}" is not in the register profile (have: ${[...refs.noticeVersions].join(', ') || 'none'})`,
    });
  const face = a.faceRecognition;
  if (face) {
    if (face.reachedThresholdOn && face.storedIndividuals < 100_000)
      out.push({
        path: p('faceRecognition.reachedThresholdOn'),
        message: `the date 100,000 was reached is given, but ${face.storedIndividuals} individuals are stored`,
      });
    if (face.deregisteredOn && !face.stoppedOn)
      out.push({
        path: p('faceRecognition.stoppedOn'),
        message: 'a deregistration needs the day face recognition stopped',
      });
  }
  return out;
}

/**
 * Problems of the profile: duplicate notice versions; a free-trade zone that is not the id of a
 * known negative list (src/catalogs/ftz-negative-lists, 2024 Provisions Art. 6).
 */
export function profileProblems(profile: RegisterProfile, base = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const p = (rest: string) => (base ? `${base}.${rest}` : rest);
  const zone = profile.freeTradeZone || null;
  if (zone !== null && !ftzListIds().includes(zone))
    out.push({
      path: p('freeTradeZone'),
      message: `"${zone}" is not a known free-trade-zone negative list id (自由贸易试验区负面清单); known: ${ftzListIds().join(', ')}`,
    });
  twice(
    profile.privacyNotices,
    (n) => n.version,
    (i) => p(`privacyNotices[${i}].version`),
    out,
  );
  return out;
}

/** Problems of a batch against its activity's transfers. */
export function batchProblems(
  batch: TransferBatchInput,
  activity: Pick<ActivityInput, 'code' | 'transfers' | 'recipients'>,
  base = '',
): ErrorDetail[] {
  const p = (rest: string) => (base ? `${base}.${rest}` : rest);
  const out: ErrorDetail[] = [];
  const transfer = activity.transfers.find((t) => t.key === batch.transferKey);
  if (!transfer)
    out.push({
      path: p('transferKey'),
      message: `activity ${activity.code} has no transfer "${batch.transferKey}" (have: ${activity.transfers.map((t) => t.key).join(', ') || 'none'})`,
    });
  if (batch.individuals === 0 && batch.sensitiveIndividuals === 0)
    out.push({
      path: p('individuals'),
      message: 'a batch sends information of at least one individual',
    });
  return out;
}

/** Every cross-reference problem of a register file against itself and the organisation. */
export function fileProblems(
  file: PrivacyRegisterFile,
  stored: {
    /** The organisation's system names; null without a store (the CLI reads a file alone). */
    readonly systemNames: ReadonlySet<string> | null;
    /** Stored activities by code (batches may name one the file leaves out). */
    readonly activities?: ReadonlyMap<
      string,
      Pick<ActivityInput, 'code' | 'transfers' | 'recipients'>
    >;
    /** The stored profile's notice versions, used when the file has no profile. */
    readonly noticeVersions?: ReadonlySet<string>;
  } = { systemNames: null },
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const systemNames = stored.systemNames;
  const profile = file.profile;
  if (profile) out.push(...profileProblems(profile, 'profile'));
  const noticeVersions = profile
    ? new Set(profile.privacyNotices.map((n) => n.version))
    : (stored.noticeVersions ?? new Set<string>());
  twice(
    file.activities,
    (a) => a.code,
    (i) => `activities[${i}].code`,
    out,
  );
  file.activities.forEach((a, i) => {
    out.push(
      ...activityProblems(
        a,
        a.systems,
        'systems',
        {
          noticeVersions,
          systemKnown: (name) => systemNames === null || systemNames.has(name),
        },
        `activities[${i}]`,
      ),
    );
  });
  const byCode = new Map<string, Pick<ActivityInput, 'code' | 'transfers' | 'recipients'>>([
    ...(stored.activities ?? []),
    ...file.activities.map((a) => [a.code, a] as const),
  ]);
  file.transferBatches.forEach((b, i) => {
    const activity = byCode.get(b.activity);
    if (!activity)
      out.push({
        path: `transferBatches[${i}].activity`,
        message: `no activity "${b.activity}" in the file or the register`,
      });
    else out.push(...batchProblems(b, activity, `transferBatches[${i}]`));
  });
  return out;
}
