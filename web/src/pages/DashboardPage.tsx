import { Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PROTECTION_LEVELS } from '../../../src/shared/mlps';
import { useAllSystems, useObligations } from '../api/hooks';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { LevelTag } from '../components/LevelTag';
import { ObligationStateTag } from '../components/ObligationStateTag';
import { useCurrentOrganisation } from '../components/OrganisationScope';
import { todayInBeijing } from '../lib/dates';
import { pick } from '../lib/language';
import { compareObligations, stateGroup } from '../lib/obligation-states';

const RED = '#cf1322';
const AMBER = '#d48806';
const GREEN = '#389e0d';

/** 工作台: the estate at a glance, each number linking to the list behind it. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const organisation = useCurrentOrganisation();
  const base = `/o/${organisation.id}`;
  const today = todayInBeijing();
  const systems = useAllSystems(organisation.id);
  const obligations = useObligations(organisation.id, today);

  const all = systems.data?.items ?? [];
  const byLevel = new Map(
    PROTECTION_LEVELS.map((l) => [l, all.filter((s) => s.level === l).length]),
  );
  const ungraded = all.filter((s) => s.level === null).length;
  const mustFile = all.filter((s) => s.level !== null && s.level >= 2);
  const filed = mustFile.filter((s) => s.filedOn !== null).length;
  const items = obligations.data?.items ?? [];
  const overdue = items.filter((o) => o.effectiveState === 'overdue');
  const dueSoon = items.filter((o) => o.effectiveState === 'due_soon');
  const urgent = [...overdue, ...dueSoon].sort(compareObligations).slice(0, 8);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {organisation.name}
      </Typography.Title>
      {systems.isError && <ApiErrorAlert error={systems.error} />}
      {obligations.isError && <ApiErrorAlert error={obligations.error} />}
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card loading={systems.isPending} style={{ height: '100%' }}>
            <Link to={`${base}/systems`}>
              <Statistic
                title={t('dashboard.systems')}
                value={all.length}
                suffix={t('dashboard.unitSystems')}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card loading={systems.isPending} style={{ height: '100%' }}>
            <Statistic
              title={t('dashboard.filed')}
              value={filed}
              suffix={`/ ${mustFile.length}`}
              styles={{ content: { color: filed < mustFile.length ? AMBER : GREEN } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.filedHint')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card loading={obligations.isPending} style={{ height: '100%' }}>
            <Link to={`${base}/obligations?state=overdue`}>
              <Statistic
                title={t('dashboard.overdue')}
                value={overdue.length}
                suffix={t('dashboard.unitItems')}
                styles={{ content: { color: overdue.length > 0 ? RED : undefined } }}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card loading={obligations.isPending} style={{ height: '100%' }}>
            <Link to={`${base}/obligations?state=due_soon`}>
              <Statistic
                title={t('dashboard.dueSoon')}
                value={dueSoon.length}
                suffix={t('dashboard.unitItems')}
                styles={{ content: { color: dueSoon.length > 0 ? AMBER : undefined } }}
              />
            </Link>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('dashboard.byLevel')} loading={systems.isPending}>
            <Row gutter={[8, 16]}>
              {PROTECTION_LEVELS.map((level) => (
                <Col span={8} key={level}>
                  <Link to={`${base}/systems?level=${level}`}>
                    <Statistic
                      title={<LevelTag level={level} />}
                      value={byLevel.get(level) ?? 0}
                      suffix={t('dashboard.unitSystems')}
                    />
                  </Link>
                </Col>
              ))}
              <Col span={8}>
                <Statistic
                  title={<LevelTag level={null} />}
                  value={ungraded}
                  suffix={t('dashboard.unitSystems')}
                />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('dashboard.urgent')}
            loading={obligations.isPending}
            extra={<Link to={`${base}/obligations`}>{t('dashboard.allObligations')}</Link>}
          >
            <List
              size="small"
              dataSource={urgent}
              locale={{ emptyText: t('dashboard.nothingUrgent') }}
              renderItem={(o) => (
                <List.Item>
                  <Space wrap>
                    <ObligationStateTag state={o.effectiveState} />
                    <Typography.Text
                      type={stateGroup(o.effectiveState) === 'overdue' ? 'danger' : undefined}
                    >
                      {o.dueDate}
                    </Typography.Text>
                    <Link to={`${base}/systems/${o.systemId}?tab=obligations`}>{o.systemName}</Link>
                    <Typography.Text>{pick(i18n.language, o.titleZh, o.titleEn)}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
