import { BulbOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Input,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type {
  CaseObservationDto,
  FindingDto,
  ItemResultCode,
  RiskLevelCode,
} from '../../../../src/shared/api-types';
import { RISK_LEVELS } from '../../lib/assessment-vocabulary';
import { isVersionConflict, useFindings, useWriteFinding } from '../../api/assessment-hooks';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { RectificationStatusTag, ResultTag, RiskTag } from './assessment-labels';
import type { AssessmentPanelProps } from './panel-props';
import './assessments.css';

type RiskFilter = 'all' | RiskLevelCode | 'unconfirmed';

/** 问题与风险: every 部分符合/不符合 requirement, its suggested and confirmed risk. */
export function FindingsPanel({ orgId, assessment, editable }: AssessmentPanelProps) {
  const { t } = useTranslation();
  const findings = useFindings(orgId, assessment.id);
  const [filter, setFilter] = useState<RiskFilter>('all');
  const items = useMemo(() => findings.data?.items ?? [], [findings.data]);
  const shown = items.filter((f) =>
    filter === 'all' ? true : filter === 'unconfirmed' ? !f.risk : f.effectiveRisk === filter,
  );
  const count = (risk: RiskLevelCode) => items.filter((f) => f.effectiveRisk === risk).length;

  if (findings.isError) return <ApiErrorAlert error={findings.error} />;
  if (findings.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (items.length === 0) {
    return (
      <Card size="small">
        <Empty description={t('assessment.findings.empty')} />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Segmented<RiskFilter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('assessment.findings.all', { count: items.length }) },
              ...RISK_LEVELS.map((r) => ({
                value: r,
                label: `${t(`assessment.risk.${r}`)} ${count(r)}`,
              })),
              {
                value: 'unconfirmed',
                label: t('assessment.findings.unconfirmed', {
                  count: items.filter((f) => !f.risk).length,
                }),
              },
            ]}
          />
          <Space wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assessment.findings.hint')}
            </Typography.Text>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={`/api/organisations/${orgId}/assessments/${assessment.id}/findings.xlsx`}
              download
              data-testid="download-findings-xlsx"
            >
              {t('report.findingsXlsx')}
            </Button>
          </Space>
        </Space>
      </Card>
      {shown.map((finding) => (
        <FindingCard
          key={finding.requirementId}
          orgId={orgId}
          assessmentId={assessment.id}
          finding={finding}
          editable={editable}
        />
      ))}
    </Space>
  );
}

function FindingCard({
  orgId,
  assessmentId,
  finding,
  editable,
}: {
  orgId: string;
  assessmentId: string;
  finding: FindingDto;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const write = useWriteFinding(orgId, assessmentId);
  const text = (v: { zh: string; en: string }) => pick(i18n.language, v.zh, v.en);
  const [risk, setRisk] = useState<RiskLevelCode | null>(finding.risk);
  const [observations, setObservations] = useState<CaseObservationDto[]>(finding.observations);
  const [description, setDescription] = useState(finding.description ?? '');

  // A newer version (saved here or elsewhere) replaces what is shown.
  useEffect(() => {
    setRisk(finding.risk);
    setObservations(finding.observations);
    setDescription(finding.description ?? '');
  }, [finding.version, finding.risk, finding.observations, finding.description]);

  const observed = (caseId: string) =>
    observations.find((o) => o.caseId === caseId) ?? { caseId, symptoms: [], mitigations: [] };
  const setObserved = (caseId: string, patch: Partial<CaseObservationDto>) =>
    setObservations((list) => [
      ...list.filter((o) => o.caseId !== caseId),
      { ...observed(caseId), ...patch },
    ]);

  const dirty =
    risk !== finding.risk ||
    description.trim() !== (finding.description ?? '') ||
    JSON.stringify(normalise(observations)) !== JSON.stringify(normalise(finding.observations));

  const save = async () => {
    try {
      await write.mutateAsync({
        requirementId: finding.requirementId,
        version: finding.version,
        risk,
        observations: normalise(observations),
        description: description.trim() || null,
      });
      message.success(t('assessment.findings.saved', { clause: finding.clause }));
    } catch (error) {
      if (isVersionConflict(error)) message.warning(t('assessment.versionConflict'));
    }
  };

  return (
    <Card
      size="small"
      data-testid={`finding-${finding.requirementId}`}
      title={
        <Space wrap size={8}>
          <Typography.Text code>{finding.clause}</Typography.Text>
          <span>{text(finding.title)}</span>
          <Tooltip title={t('assessment.findings.worst')}>
            <span data-testid="finding-worst">
              <ResultTag result={finding.result} />
            </span>
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {t(`catalog.category.${finding.category}`)} · {text(finding.controlPoint)}
          </Typography.Text>
        </Space>
      }
      extra={
        finding.rectification ? (
          <Space size={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assessment.findings.rectification')}
            </Typography.Text>
            <RectificationStatusTag status={finding.rectification.status} />
          </Space>
        ) : null
      }
    >
      <Row gutter={[16, 12]}>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <div data-testid="finding-objects">
              <Typography.Text type="secondary">{t('assessment.findings.objects')}</Typography.Text>
              {t('common.labelSeparator')}
              <Typography.Text strong data-testid="finding-failing">
                {failingText(t, finding)}
              </Typography.Text>
              <div style={{ marginTop: 4 }}>
                {finding.objects.map((o) => (
                  <Tag
                    key={o.id}
                    color={o.result ? OBJECT_RESULT_COLOURS[o.result] : undefined}
                    data-testid={`finding-object-${o.id}`}
                    style={{ marginBottom: 4 }}
                  >
                    {t('assessment.findings.objectResult', {
                      name: o.name,
                      result: o.result
                        ? t(`assessment.result.${o.result}`)
                        : t('assessment.findings.notRecorded'),
                    })}
                    {o.originalResult &&
                      t('overallAssessment.adjustedFrom', {
                        result: t(`assessment.result.${o.originalResult}`),
                      })}
                  </Tag>
                ))}
              </div>
            </div>
            <Alert
              type={finding.suggested.risk === 'high' ? 'error' : 'info'}
              icon={<BulbOutlined />}
              showIcon
              data-testid="finding-suggestion"
              title={
                <Space size={6}>
                  {t('assessment.findings.suggested')}
                  <RiskTag risk={finding.suggested.risk} />
                  {finding.suggested.caseId && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('assessment.findings.case', { id: finding.suggested.caseId })}
                    </Typography.Text>
                  )}
                </Space>
              }
              description={text(finding.suggested.reason)}
            />
            {finding.majorRiskTrigger && finding.effectiveRisk === 'high' && (
              <Alert
                type="error"
                showIcon
                data-testid="finding-major-trigger"
                title={t('assessment.findings.majorTrigger', {
                  id: finding.majorRiskTrigger.id,
                  title: text(finding.majorRiskTrigger.title),
                })}
                description={t('assessment.findings.majorTriggerHint')}
                action={
                  <Link to={{ search: '?tab=major' }}>{t('assessment.findings.toMajorRisks')}</Link>
                }
              />
            )}
            <Space wrap>
              <Typography.Text strong>{t('assessment.findings.confirmed')}</Typography.Text>
              <Select<RiskLevelCode | 'none'>
                aria-label={t('assessment.findings.confirmed')}
                value={risk ?? 'none'}
                disabled={!editable}
                style={{ width: 190 }}
                onChange={(value) => setRisk(value === 'none' ? null : value)}
                options={[
                  { value: 'none', label: t('assessment.findings.notConfirmed') },
                  ...RISK_LEVELS.map((r) => ({ value: r, label: t(`assessment.risk.${r}`) })),
                ]}
              />
              {finding.confirmedBy && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('assessment.findings.confirmedBy', { by: finding.confirmedBy })}
                </Typography.Text>
              )}
            </Space>
            <Input.TextArea
              aria-label={t('assessment.findings.description')}
              placeholder={t('assessment.findings.descriptionPlaceholder')}
              rows={3}
              maxLength={4000}
              disabled={!editable}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
            {editable && (
              <Space>
                <Button type="primary" disabled={!dirty} loading={write.isPending} onClick={save}>
                  {t('assessment.findings.save')}
                </Button>
                {write.isError && !isVersionConflict(write.error) && (
                  <ApiErrorAlert error={write.error} />
                )}
              </Space>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={14}>
          {finding.highRiskCases.length === 0 ? (
            <Typography.Text type="secondary">{t('assessment.findings.noCases')}</Typography.Text>
          ) : (
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              {finding.highRiskCases.map((c) => (
                <div key={c.id} className="finding-case" data-testid={`case-${c.id}`}>
                  <Space size={6} wrap style={{ marginBottom: 6 }}>
                    <Tag color="red">{t('assessment.findings.highRiskCase')}</Tag>
                    <Typography.Text strong>
                      {c.id} {text(c.title)}
                    </Typography.Text>
                    <Link to={`/o/${orgId}/catalog?id=${finding.requirementId}`}>
                      {t('assessment.findings.inCatalog')}
                    </Link>
                  </Space>
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('assessment.findings.symptoms')}
                      </Typography.Text>
                      <Checkbox.Group<number>
                        disabled={!editable}
                        value={observed(c.id).symptoms}
                        onChange={(values) => setObserved(c.id, { symptoms: values })}
                        options={c.symptoms.map((s, i) => ({ value: i, label: text(s) }))}
                      />
                    </Col>
                    <Col xs={24} md={12}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('assessment.findings.mitigations')}
                      </Typography.Text>
                      <Checkbox.Group<number>
                        disabled={!editable}
                        value={observed(c.id).mitigations}
                        onChange={(values) => setObserved(c.id, { mitigations: values })}
                        options={c.mitigations.map((m, i) => ({ value: i, label: text(m) }))}
                      />
                    </Col>
                  </Row>
                </div>
              ))}
            </Space>
          )}
        </Col>
      </Row>
    </Card>
  );
}

/** Tag colours of each object's own result (ux.md: red, amber, green; grey when not recorded). */
const OBJECT_RESULT_COLOURS: Record<ItemResultCode, string> = {
  non_compliant: 'red',
  partial: 'orange',
  compliant: 'green',
  not_applicable: 'default',
};

/** 1/2 个对象不符合: how many of the objects answering the item fail it, and how. */
function failingText(
  t: (key: string, options?: Record<string, unknown>) => string,
  finding: FindingDto,
): string {
  const results = new Set(
    finding.objects.flatMap((o) =>
      o.result === 'partial' || o.result === 'non_compliant' ? [o.result] : [],
    ),
  );
  const how = results.size === 1 ? [...results][0]! : 'mixed';
  return t(`assessment.findings.failing.${how}`, {
    failing: finding.failingObjectCount,
    total: finding.objects.length,
  });
}

/** Observations worth sending: cases with something ticked, indexes in order. */
function normalise(list: readonly CaseObservationDto[]): CaseObservationDto[] {
  return list
    .filter((o) => o.symptoms.length > 0 || o.mitigations.length > 0)
    .map((o) => ({
      caseId: o.caseId,
      symptoms: [...o.symptoms].sort((a, b) => a - b),
      mitigations: [...o.mitigations].sort((a, b) => a - b),
    }))
    .sort((a, b) => a.caseId.localeCompare(b.caseId));
}
