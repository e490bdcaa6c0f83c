/** The assessment vocabulary, shared with the server (src/shared/assessment-vocabulary.ts). */
import type { TestObjectAttributesDto } from '../../../src/shared/api-types';
import { IpAddressSchema } from '../../../src/shared/assessment-schemas';
import { type TestObjectKind } from '../../../src/shared/assessment-vocabulary';
import { label } from '../../../src/shared/vocabulary';

export {
  CATEGORIES_BY_OBJECT_KIND,
  DATA_CLASSES,
  DEFAULT_SCOPE_BY_OBJECT_KIND,
  OBJECT_IMPORTANCE,
  objectCovers,
  RESULTS_NEEDING_REASON,
  RESULTS_NEEDING_RECORD,
  RISK_LEVELS,
  TEST_OBJECT_KINDS,
  type DataClass,
  type ObjectImportance,
  type TestObjectKind,
} from '../../../src/shared/assessment-vocabulary';

/**
 * How assessors lay out their test objects: the machine room and the whole-network objects
 * (安全通信网络, 区域边界, 安全管理中心) first, then devices and software, data, and management.
 */
export const OBJECT_GROUPS = [
  {
    key: 'overall',
    kinds: ['machine_room', 'network', 'area_boundary', 'management_centre'],
  },
  {
    key: 'devices',
    kinds: [
      'network_device',
      'security_device',
      'server',
      'database',
      'middleware',
      'application',
      'terminal',
      'management_platform',
      'cloud_platform',
    ],
  },
  { key: 'data', kinds: ['data'] },
  { key: 'management', kinds: ['document', 'personnel'] },
] as const satisfies readonly { key: string; kinds: readonly TestObjectKind[] }[];
export type ObjectGroupKey = (typeof OBJECT_GROUPS)[number]['key'];

/** The group of a kind (an unknown kind counts as a device). */
export function objectGroupOf(kind: string): ObjectGroupKey {
  return OBJECT_GROUPS.find((g) => (g.kinds as readonly string[]).includes(kind))?.key ?? 'devices';
}

/** The whole-network kind that answers a category, for a one-click 添加整体对象. */
export const WHOLE_OBJECT_KIND_BY_CATEGORY: Readonly<Record<string, TestObjectKind>> = {
  CNS: 'network',
  ABS: 'area_boundary',
  SMC: 'management_centre',
};

/** A test-object kind in the UI language, from the shared vocabulary (area `object_kind`). */
export function objectKindLabel(kind: string, language: string): string {
  return label('object_kind', kind, language.startsWith('en') ? 'en' : 'zh');
}

/** Whether `value` is an IP address as the server accepts it (IpAddressSchema). */
export function isIpAddress(value: string): boolean {
  return IpAddressSchema.safeParse(value).success;
}

/** `10.0.0.1、10.0.0.2 · 7.9`: the addresses and version an object is known by, or ''. */
export function objectIdentity(
  attributes: Pick<TestObjectAttributesDto, 'ipAddresses' | 'version' | 'os'>,
  separator: string,
): string {
  const version = [attributes.os, attributes.version].filter(Boolean).join(' ');
  return [attributes.ipAddresses.join(separator), version].filter(Boolean).join(' · ');
}
