import { CheckCircleOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProvenanceDto } from '../../../../src/shared/api-types';
import { PROVENANCE_COLOURS } from './catalog-model';

const ICONS = {
  confirmed: <CheckCircleOutlined />,
  derived: <InfoCircleOutlined />,
  unverified: <WarningOutlined />,
} as const;

/** 依据已核实 / 推算所得 / 依据待核实 — unverified is red, so nobody cites it unawares. */
export function ProvenanceTag({ status }: { status: ProvenanceDto['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={PROVENANCE_COLOURS[status]} icon={ICONS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`provenance.${status}`)}
    </Tag>
  );
}
