/**
 * The assessment vocabulary the UI needs as values. It mirrors src/domain/mlps/assessment/types.ts,
 * which web may not import (lint: web shares only src/shared); the API rejects anything else, so a
 * drift shows as a validation error, never as wrong data.
 */
import type { CatalogCategory, ItemResultCode, RiskLevelCode } from '../../../src/shared/api-types';

export const TEST_OBJECT_KINDS = [
  'machine_room',
  'network_device',
  'security_device',
  'server',
  'database',
  'middleware',
  'application',
  'terminal',
  'management_platform',
  'cloud_platform',
  'document',
  'personnel',
] as const;
export type TestObjectKind = (typeof TEST_OBJECT_KINDS)[number];

const MANAGEMENT: readonly CatalogCategory[] = ['PSS', 'ORS', 'HRS', 'CMS', 'MMS'];

/** The categories each kind of object is tested under (the server's rule, for display). */
export const CATEGORIES_BY_OBJECT_KIND: Readonly<
  Record<TestObjectKind, readonly CatalogCategory[]>
> = {
  machine_room: ['PES'],
  network_device: ['CNS', 'ABS', 'CES'],
  security_device: ['CNS', 'ABS', 'CES', 'SMC'],
  server: ['CES'],
  database: ['CES'],
  middleware: ['CES'],
  application: ['CES'],
  terminal: ['CES'],
  management_platform: ['SMC', 'CES'],
  cloud_platform: ['CNS', 'ABS', 'CES', 'SMC'],
  document: MANAGEMENT,
  personnel: MANAGEMENT,
};

export const RISK_LEVELS: readonly RiskLevelCode[] = ['high', 'medium', 'low'];

/** 部分符合 and 不适用 must give a reason. */
export const RESULTS_NEEDING_REASON: readonly ItemResultCode[] = ['partial', 'not_applicable'];
