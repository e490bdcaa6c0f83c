import { Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradingResultDto } from '../../../../src/shared/api-types';
import { CitationList } from '../CitationPopover';
import { LevelTag } from '../LevelTag';
import { GradingMatrix } from './GradingMatrix';

/** A grading result with its reasoning: both dimensions' matrices, the rule for the final level, the sources. */
export function GradingResultPanel({ result }: { result: GradingResultDto }) {
  const { t } = useTranslation();
  const decisive = result.decisiveDimensions
    .map((d) => t(`dimension.${d}`))
    .join(t('common.listSeparator'));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" style={{ background: '#f6ffed', borderColor: '#b7eb8f' }}>
        <Space orientation="vertical" size={4}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="grading-final-level">
            {t('grading.finalLevel')}
            {t('common.labelSeparator')}
            {t(`level.full.${result.level}`)}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('grading.finalRule', {
              bi: t(`level.short.${result.businessInformation.level}`),
              ss: t(`level.short.${result.systemService.level}`),
              decisive,
            })}
          </Typography.Text>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        {[result.businessInformation, result.systemService].map((dimension) => (
          <Col key={dimension.dimension} xs={24} xl={12}>
            <Card
              size="small"
              title={
                <Space>
                  {t('grading.dimensionLevel', {
                    dimension: t(`dimension.${dimension.dimension}`),
                  })}
                  <LevelTag level={dimension.level} />
                </Space>
              }
            >
              <GradingMatrix result={dimension} matrix={result.matrix} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('grading.matrixLegend')}
      </Typography.Text>
      <Card size="small" title={t('citation.title')}>
        <CitationList citations={result.citations} />
      </Card>
    </Space>
  );
}
