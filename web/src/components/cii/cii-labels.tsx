/** Labels and colours of the CII vocabulary; the labels themselves live in src/shared/cii-schemas.ts. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CII_ASSET_KIND_LABELS,
  CII_DEPENDENCY_LABELS,
  CII_SECTOR_LABELS,
  CII_STAGE_LABELS,
  type CiiAssetKind,
  type CiiAssetView,
  type CiiDependencyKind,
  type CiiLifecycleStage,
  type CiiSector,
} from '../../../../src/shared/cii-schemas';
import { pick } from '../../lib/language';

type Labels<K extends string> = Readonly<Record<K, { zh: string; en: string }>>;

/** The label of a vocabulary value in the UI language (the value itself if unknown). */
function labelOf<K extends string>(labels: Labels<K>, key: K, language: string): string {
  const l = labels[key] as { zh: string; en: string } | undefined;
  return l ? pick(language, l.zh, l.en) : key;
}

/** t-like helpers for the four CII vocabularies, in the current language. */
export function useCiiLabels() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    sector: (s: CiiSector) => labelOf(CII_SECTOR_LABELS, s, language),
    stage: (s: CiiLifecycleStage) => labelOf(CII_STAGE_LABELS, s, language),
    kind: (k: CiiAssetKind) => labelOf(CII_ASSET_KIND_LABELS, k, language),
    dependency: (k: CiiDependencyKind) => labelOf(CII_DEPENDENCY_LABELS, k, language),
  };
}

/** One colour per asset kind (the graph's node stripe and the tables' kind tag). */
export const KIND_COLOURS: Readonly<Record<CiiAssetKind, string>> = {
  information_system: '#1677ff',
  network_facility: '#13a8a8',
  cloud_platform: '#722ed1',
  data_centre: '#2f54eb',
  identity_service: '#d48806',
  dns_service: '#7cb305',
  time_service: '#08979c',
  om_system: '#c41d7f',
  security_system: '#389e0d',
  external_system: '#8c8c8c',
};

/** Node shapes: applications square, infrastructure rounded, services notched, external a pill. */
export function kindShape(kind: CiiAssetKind): 'app' | 'infra' | 'service' | 'external' {
  switch (kind) {
    case 'cloud_platform':
    case 'data_centre':
    case 'network_facility':
      return 'infra';
    case 'identity_service':
    case 'dns_service':
    case 'time_service':
      return 'service';
    case 'external_system':
      return 'external';
    default:
      return 'app';
  }
}

export function AssetKindTag({ kind }: { kind: CiiAssetKind }) {
  const labels = useCiiLabels();
  return (
    <Tag color={KIND_COLOURS[kind]} style={{ marginInlineEnd: 0 }}>
      {labels.kind(kind)}
    </Tag>
  );
}

/** "CODE 名称" as assets are named in selects and lists. */
export const assetText = (a: Pick<CiiAssetView, 'code' | 'name'>) => `${a.code} ${a.name}`;
