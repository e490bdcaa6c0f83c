/**
 * The rectification status machine (整改状态), one rule for the level assessment's (MLPS)
 * rectification items and the CII capability evaluation's. Each regime names its states in a
 * flow; the transitions are checked here, never in the app layer or the shells.
 */

/** A problem with a requested change, by field (the app turns these into a VALIDATION error). */
export interface RectificationProblem {
  readonly path: 'status' | 'approver' | 'acceptanceReason';
  readonly message: string;
}

export interface RectificationFlow<S extends string> {
  /** Every state, in the order the UI lists them. */
  readonly states: readonly S[];
  /** Where a new item starts and where a closed item goes back to when reopened. */
  readonly open: S;
  /** States that close the item (it stops counting as open or overdue). */
  readonly closed: readonly S[];
  /** Closed states an item leaves only by being reopened; empty = any change is allowed. */
  readonly reopenOnlyFrom: readonly S[];
  /** States reached by a re-test only, never set directly. */
  readonly byRetestOnly: readonly S[];
  /** States that record a risk acceptance: they need the approver and the reason. */
  readonly needsAcceptance: readonly S[];
  /** The outcome of a re-test: passed closes the item, failed sends it back to work. */
  readonly retest: { readonly passed: S; readonly failed: S } | null;
}

/** GB/T 28449 level assessment: 待整改 → 整改中 → 已整改待复测 → 复测通过, or 风险接受. */
export const MLPS_RECTIFICATION_FLOW: RectificationFlow<
  'open' | 'in_progress' | 'fixed' | 'verified' | 'risk_accepted'
> = {
  states: ['open', 'in_progress', 'fixed', 'verified', 'risk_accepted'],
  open: 'open',
  closed: ['verified', 'risk_accepted'],
  reopenOnlyFrom: ['verified', 'risk_accepted'],
  byRetestOnly: ['verified'],
  needsAcceptance: ['risk_accepted'],
  retest: { passed: 'verified', failed: 'in_progress' },
};

/**
 * CII capability evaluation (GB/T 39204): 待整改, 整改中, 已整改, 风险接受. The operator sets the
 * state freely (no re-test step, no recorded approver).
 */
export const CII_RECTIFICATION_FLOW: RectificationFlow<
  'open' | 'in_progress' | 'done' | 'accepted'
> = {
  states: ['open', 'in_progress', 'done', 'accepted'],
  open: 'open',
  closed: ['done', 'accepted'],
  reopenOnlyFrom: [],
  byRetestOnly: [],
  needsAcceptance: [],
  retest: null,
};

export interface RectificationState<S extends string> {
  readonly status: S;
  readonly approver?: string | null;
  readonly acceptanceReason?: string | null;
}

export interface RectificationChange<S extends string> {
  readonly status?: S | undefined;
  readonly approver?: string | null | undefined;
  readonly acceptanceReason?: string | null | undefined;
}

export function isClosed<S extends string>(flow: RectificationFlow<S>, status: S): boolean {
  return flow.closed.includes(status);
}

/**
 * Checks a requested change against the flow. Returns the resulting status, whether the item is
 * then closed, and every problem (an empty list means the change is allowed).
 */
export function checkRectificationChange<S extends string>(
  flow: RectificationFlow<S>,
  before: RectificationState<S>,
  change: RectificationChange<S>,
): { readonly status: S; readonly closed: boolean; readonly problems: RectificationProblem[] } {
  const status = change.status ?? before.status;
  const problems: RectificationProblem[] = [];
  if (flow.byRetestOnly.includes(status) && before.status !== status) {
    problems.push({
      path: 'status',
      message: 'an item is verified by an assessor’s re-test (POST …/retest), not set directly',
    });
  }
  if (flow.needsAcceptance.includes(status)) {
    const approver = change.approver !== undefined ? change.approver : before.approver;
    const reason =
      change.acceptanceReason !== undefined ? change.acceptanceReason : before.acceptanceReason;
    if (!approver?.trim())
      problems.push({ path: 'approver', message: 'risk acceptance needs the approver' });
    if (!reason?.trim())
      problems.push({ path: 'acceptanceReason', message: 'risk acceptance needs a reason' });
  }
  if (
    flow.reopenOnlyFrom.includes(before.status) &&
    change.status &&
    change.status !== before.status &&
    change.status !== flow.open
  ) {
    problems.push({
      path: 'status',
      message: `a ${before.status} item can only be reopened (status ${flow.open})`,
    });
  }
  return { status, closed: isClosed(flow, status), problems };
}

/**
 * A re-test of the item: refused on a closed item (reopen it first); a pass closes it, anything
 * else sends it back to work.
 */
export function retestTransition<S extends string>(
  flow: RectificationFlow<S>,
  before: S,
  passed: boolean,
): { readonly status: S; readonly closed: boolean } | { readonly refused: string } {
  if (!flow.retest) return { refused: 'this kind of rectification item has no re-test' };
  if (isClosed(flow, before))
    return { refused: `the item is ${before}; reopen it before re-testing` };
  const status = passed ? flow.retest.passed : flow.retest.failed;
  return { status, closed: isClosed(flow, status) };
}
