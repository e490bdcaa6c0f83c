import { Alert, Button, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradingRecordDto, SystemDetailDto } from '../../../../src/shared/api-types';
import { LevelTag } from '../LevelTag';
import { AttachmentList } from '../records/AttachmentList';
import { draftFromGrading } from './grading-state';
import { SectorGuidanceQuestions } from './SectorGuidanceQuestions';

type HarmArgument = NonNullable<GradingRecordDto['narrative']>['harmArguments'][number];

/** A text as typed, its line breaks kept. */
function Text({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value)
    return <Typography.Text type="secondary">{t('grading.summary.notGiven')}</Typography.Text>;
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
      {value}
    </Typography.Paragraph>
  );
}

/**
 * The current grading of a graded system, as the 定级报告 will print it: level, date, reason,
 * the descriptions, the boundary and topology diagram, the harm arguments and the sector
 * guidance. 重新定级 opens the wizard from it.
 */
export function GradingSummary({
  detail,
  readOnly,
  onRegrade,
}: {
  detail: SystemDetailDto;
  readOnly: boolean;
  onRegrade: () => void;
}) {
  const { t } = useTranslation();
  const grading = detail.grading as GradingRecordDto;
  const narrative = grading.narrative ?? null;
  return (
    <Card
      title={
        <Space wrap>
          {t('grading.summary.title')}
          <LevelTag level={grading.level} full />
        </Space>
      }
      extra={
        <Button type={readOnly ? 'default' : 'primary'} onClick={onRegrade}>
          {readOnly ? t('grading.summary.viewSteps') : t('grading.regrade')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {readOnly && <Alert type="info" showIcon title={t('grading.readOnly')} />}
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'gradedOn', label: t('field.gradedOn'), children: grading.gradedOn },
            { key: 'reason', label: t('field.reason'), children: <Text value={grading.reason} /> },
            {
              key: 'bi',
              label: t('grading.narrative.businessDescription'),
              children: <Text value={narrative?.businessDescription} />,
            },
            {
              key: 'ss',
              label: t('grading.narrative.serviceDescription'),
              children: <Text value={narrative?.serviceDescription} />,
            },
            {
              key: 'boundary',
              label: t('grading.narrative.boundaryDescription'),
              children: <Text value={narrative?.boundaryDescription} />,
            },
            {
              key: 'topology',
              label: t('grading.narrative.topology'),
              children: (
                <AttachmentList
                  systemId={detail.system.id}
                  recordKind="system"
                  recordId={detail.system.id}
                  purpose="topology"
                  canEdit={!readOnly}
                />
              ),
            },
          ]}
        />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('grading.summary.arguments')}
        </Typography.Title>
        {narrative ? (
          <Table<HarmArgument>
            size="small"
            pagination={false}
            rowKey={(a) => `${a.dimension}:${a.object}`}
            dataSource={narrative.harmArguments}
            columns={[
              {
                title: t('grading.summary.dimension'),
                dataIndex: 'dimension',
                width: 120,
                render: (d: HarmArgument['dimension']) =>
                  t(
                    `dimension.${d === 'businessInformation' ? 'business_information' : 'system_service'}`,
                  ),
              },
              {
                title: t('grading.summary.object'),
                dataIndex: 'object',
                width: 200,
                render: (o: HarmArgument['object']) => t(`object.${o}`),
              },
              {
                title: t('grading.summary.degree'),
                dataIndex: 'degree',
                width: 110,
                render: (d: HarmArgument['degree']) => t(`degree.${d}`),
              },
              {
                title: t('grading.summary.argument'),
                dataIndex: 'argument',
                render: (a: string) => <Text value={a} />,
              },
            ]}
          />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('grading.summary.noNarrative')}
          />
        )}
        <SectorGuidanceQuestions
          guidance={detail.sectorGuidance}
          answers={draftFromGrading(grading).answers}
          level={grading.level}
          readOnly
        />
      </Space>
    </Card>
  );
}
