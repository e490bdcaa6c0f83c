import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityView, PrivacyDutyDto } from '../../api/privacy-client';
import { useActivities, usePrivacyDuties } from '../../api/privacy-hooks';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CitationPopover } from '../CitationPopover';
import { ObligationStateTag } from '../ObligationStateTag';
import { dutyState } from './DutiesPanel';

/** Art. 15 of the 2025 Measures: stored face information of 100,000 individuals (达到, inclusive). */
const FILING_THRESHOLD = 100_000;

type FilingStatus =
  'deregistered' | 'stopped' | 'changed' | 'filed' | 'due' | 'below' | 'unrecorded';
const STATUS_COLOURS: Record<FilingStatus, string> = {
  deregistered: 'default',
  stopped: 'orange',
  changed: 'gold',
  filed: 'green',
  due: 'red',
  below: 'default',
  unrecorded: 'orange',
};

/** The catalog's category of face information (人脸识别特征). */
const FACE_CATEGORY = 'face_features';

function filingStatus(a: ActivityView): FilingStatus {
  const f = a.faceRecognition;
  if (!f) return 'unrecorded';
  if (f.deregisteredOn) return 'deregistered';
  if (f.stoppedOn) return 'stopped';
  if (f.changedOn && !f.changeFiledOn && f.filedOn) return 'changed';
  if (f.filedOn) return 'filed';
  return f.storedIndividuals >= FILING_THRESHOLD ? 'due' : 'below';
}

/** The filing duties (filing, change, deregistration) of an activity, from the register's duties. */
const FILING_RULES = /^privacy\.face\.(filing|change-filing|deregistration)$/;
const dutiesOf = (duties: readonly PrivacyDutyDto[], a: ActivityView) =>
  duties.filter((d) => d.subject.id === a.id && FILING_RULES.test(d.ruleId));

/**
 * 人脸识别: activities applying face recognition (2025 Measures, in force 2025-06-01) with the
 * stored count, the filing due date (30 working days after reaching 100,000, computed by the
 * server) and where the filing stands.
 */
export function FaceRecognitionPanel({ orgId, asOf }: { orgId: string; asOf: string }) {
  const { t, i18n } = useTranslation();
  const activities = useActivities(orgId);
  const duties = usePrivacyDuties(orgId, asOf);
  // Activities with a face-recognition record, and those processing face features without one.
  const rows = (activities.data ?? []).filter(
    (a) => a.faceRecognition || a.dataCategories.includes(FACE_CATEGORY),
  );

  return (
    <Card size="small" title={t('privacy.face.title')}>
      <Typography.Paragraph type="secondary">{t('privacy.face.hint')}</Typography.Paragraph>
      {activities.isError && <ApiErrorAlert error={activities.error} />}
      <Table<ActivityView>
        rowKey="id"
        size="small"
        loading={activities.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('privacy.face.empty') }}
        columns={[
          {
            title: t('privacy.field.name'),
            key: 'name',
            width: 200,
            render: (_, a) => `${a.code} ${a.name}`,
          },
          {
            title: t('privacy.field.storedIndividuals'),
            key: 'stored',
            width: 140,
            align: 'right',
            render: (_, a) => {
              if (!a.faceRecognition) return t('common.none');
              const n = a.faceRecognition.storedIndividuals;
              return (
                <Typography.Text type={n >= FILING_THRESHOLD ? 'danger' : undefined}>
                  {t('privacy.people', { count: n, n: n.toLocaleString() })}
                </Typography.Text>
              );
            },
          },
          {
            title: t('privacy.field.reachedThresholdOn'),
            key: 'reached',
            width: 130,
            render: (_, a) => a.faceRecognition?.reachedThresholdOn ?? t('common.none'),
          },
          {
            title: t('privacy.face.filingDue'),
            key: 'due',
            width: 220,
            render: (_, a) => {
              const found = dutiesOf(duties.data?.duties ?? [], a);
              if (found.length === 0)
                return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
              return (
                <Space orientation="vertical" size={4}>
                  {found.map((d) => (
                    <Space key={d.ruleId} size={4} wrap>
                      <ObligationStateTag state={dutyState(d)} />
                      <Typography.Text style={{ fontSize: 13 }}>
                        {pick(i18n.language, d.titleZh, d.titleEn)}
                        {d.dueDate ? ` · ${d.dueDate}` : ''}
                      </Typography.Text>
                      <CitationPopover citations={d.citations} />
                    </Space>
                  ))}
                </Space>
              );
            },
          },
          {
            title: t('privacy.face.status'),
            key: 'status',
            width: 160,
            render: (_, a) => {
              const f = a.faceRecognition;
              const status = filingStatus(a);
              return (
                <Space orientation="vertical" size={0}>
                  <Tag color={STATUS_COLOURS[status]}>{t(`privacy.face.statusOf.${status}`)}</Tag>
                  {f?.filingReference && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.filingReference}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('privacy.face.safeguards'),
            key: 'safeguards',
            render: (_, a) => {
              const f = a.faceRecognition;
              if (!f) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
              return (
                <Space size={4} wrap>
                  <Tag color={f.storedOnDevice ? 'green' : 'orange'}>
                    {f.storedOnDevice ? t('privacy.face.onDevice') : t('privacy.face.offDevice')}
                  </Tag>
                  <Tag color={f.alternativeOffered ? 'green' : 'orange'}>
                    {f.alternativeOffered
                      ? t('privacy.face.alternative')
                      : t('privacy.face.noAlternative')}
                  </Tag>
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
