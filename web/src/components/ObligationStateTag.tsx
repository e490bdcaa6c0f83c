import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  QuestionCircleOutlined,
  ScheduleOutlined,
  SyncOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STATE_COLOURS,
  stateGroup,
  type EffectiveState,
  type StateGroup,
} from '../lib/obligation-states';

const ICONS: Record<StateGroup, ReactNode> = {
  overdue: <ExclamationCircleOutlined />,
  due_soon: <WarningOutlined />,
  upcoming: <ClockCircleOutlined />,
  open: <ScheduleOutlined />,
  standing: <SyncOutlined />,
  undetermined: <QuestionCircleOutlined />,
  completed: <CheckCircleOutlined />,
  not_applicable: <MinusCircleOutlined />,
};

export function ObligationStateTag({ state }: { state: EffectiveState }) {
  const { t } = useTranslation();
  const group = stateGroup(state);
  return (
    <Tag color={STATE_COLOURS[group]} icon={ICONS[group]}>
      {t(`obligation.state.${state}`)}
    </Tag>
  );
}
