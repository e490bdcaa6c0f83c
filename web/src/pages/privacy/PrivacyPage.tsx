import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan, useCurrentOrganisation } from '../../components/OrganisationScope';
import { ActivitiesPanel } from '../../components/privacy/ActivitiesPanel';
import { CategoriesPanel } from '../../components/privacy/CategoriesPanel';
import { CrossBorderPanel } from '../../components/privacy/CrossBorderPanel';
import { DutiesPanel } from '../../components/privacy/DutiesPanel';
import { FaceRecognitionPanel } from '../../components/privacy/FaceRecognitionPanel';
import { PipiaTab } from '../../components/privacy/pipia/PipiaTab';
import { ProfilePanel } from '../../components/privacy/ProfilePanel';
import { todayInBeijing } from '../../lib/dates';

const TABS = [
  'activities',
  'pipia',
  'cross-border',
  'face',
  'duties',
  'profile',
  'categories',
] as const;
type Tab = (typeof TABS)[number];

/**
 * 个人信息保护: the processing register (处理活动), impact assessments (影响评估, the PIPIA
 * pages' tab), cross-border paths (出境), face recognition,
 * duties, the register's profile and the sensitive-category vocabulary, one tab each (the tab and
 * the as-of date live in the URL, so a view can be shared).
 */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const canWrite = useCan('privacy.write');
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'activities';
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') ?? '')
    ? params.get('asOf')!
    : todayInBeijing();
  const set = (changes: Record<string, string>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const setAsOf = (date: string) => set({ asOf: date });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('privacy.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('privacy.subtitle')}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key })}
        destroyOnHidden
        items={[
          {
            key: 'activities',
            label: t('privacy.tab.activities'),
            children: <ActivitiesPanel orgId={organisation.id} canWrite={canWrite} />,
          },
          {
            key: 'pipia',
            label: t('pipia.tab'),
            children: <PipiaTab />,
          },
          {
            key: 'cross-border',
            label: t('privacy.tab.crossBorder'),
            children: (
              <CrossBorderPanel orgId={organisation.id} asOf={asOf} onAsOfChange={setAsOf} />
            ),
          },
          {
            key: 'face',
            label: t('privacy.tab.face'),
            children: <FaceRecognitionPanel orgId={organisation.id} asOf={asOf} />,
          },
          {
            key: 'duties',
            label: t('privacy.tab.duties'),
            children: <DutiesPanel orgId={organisation.id} asOf={asOf} onAsOfChange={setAsOf} />,
          },
          {
            key: 'profile',
            label: t('privacy.tab.profile'),
            children: <ProfilePanel orgId={organisation.id} canWrite={canWrite} />,
          },
          {
            key: 'categories',
            label: t('privacy.tab.categories'),
            children: <CategoriesPanel />,
          },
        ]}
      />
    </Space>
  );
}
