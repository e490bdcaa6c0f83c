import { CloseOutlined, LinkOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CatalogRequirementDetailDto,
  HighRiskCaseDto,
  MajorRiskTriggerDto,
} from '../../../../src/shared/api-types';
import { useRequirement } from '../../api/catalog-hooks';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { LevelTag } from '../LevelTag';
import {
  CATALOG_LEVELS,
  EXTENSION_COLOURS,
  bilingual,
  formatWeight,
  type CatalogLevel,
} from './catalog-model';
import { ProvenanceTag } from './ProvenanceTag';

const MONO = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: 12,
};

function Section({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="catalog-section">
      <div className="catalog-section-title">
        <span>{title}</span>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** The detail panel: one requirement at every level, with its cases, triggers and crosswalk. */
export function RequirementDetail({
  id,
  level,
  onClose,
}: {
  id: string;
  level: CatalogLevel;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useRequirement(id);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      message.success(t('catalog.detail.linkCopied'));
    } catch {
      message.info(window.location.href);
    }
  };

  return (
    <Card
      size="small"
      className="catalog-detail"
      role="region"
      aria-label={t('catalog.detail.label')}
      title={
        <Typography.Text style={MONO} copyable={{ text: id }}>
          {id}
        </Typography.Text>
      }
      extra={
        <Space size={4}>
          <Tooltip title={t('catalog.detail.copyLink')}>
            <Button
              type="text"
              size="small"
              icon={<LinkOutlined />}
              aria-label={t('catalog.detail.copyLink')}
              onClick={() => void copyLink()}
            />
          </Tooltip>
          <Tooltip title={`${t('catalog.detail.close')} (Esc)`}>
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              aria-label={t('catalog.detail.close')}
              onClick={onClose}
            />
          </Tooltip>
        </Space>
      }
    >
      {detail.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : detail.isError ? (
        <ApiErrorAlert error={detail.error} />
      ) : (
        <RequirementBody detail={detail.data} level={level} />
      )}
    </Card>
  );
}

function RequirementBody({
  detail,
  level,
}: {
  detail: CatalogRequirementDetailDto;
  level: CatalogLevel;
}) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const text = (value: { zh: string; en: string }) => bilingual(i18n.language, value);
  const current = detail.levels.find((entry) => entry.level === level);
  const levelRows = CATALOG_LEVELS.map(
    (l) => detail.levels.find((entry) => entry.level === l) ?? { level: l, absent: true as const },
  );
  const cpClause = detail.controlPoint.clauses[String(level) as '1' | '2' | '3' | '4'];

  return (
    <div className="catalog-detail-body">
      <Space size={[4, 4]} wrap>
        {current && (
          <Tag color="geekblue" style={MONO}>
            {current.clause} {current.item})
          </Tag>
        )}
        {detail.extension !== 'general' && (
          <Tag color={EXTENSION_COLOURS[detail.extension]}>
            {t(`catalog.extensionFull.${detail.extension}`)}
          </Tag>
        )}
        <Tag>{t(`catalog.category.${detail.category}`)}</Tag>
        <Tag>{t(`catalog.kind.${detail.kind}`)}</Tag>
        <ProvenanceTag status={detail.provenance.status} />
      </Space>
      <Typography.Title level={4} style={{ margin: '8px 0 2px' }}>
        {text(detail.title)}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('catalog.detail.controlPoint')}
        {t('common.labelSeparator')}
        {cpClause
          ? t('catalog.detail.controlPointClause', {
              title: text(detail.controlPoint.title),
              clause: cpClause,
            })
          : text(detail.controlPoint.title)}
      </Typography.Text>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 8 }}>
        {text(detail.summary)}
      </Typography.Paragraph>
      {!current && (
        <Alert
          type="info"
          showIcon
          title={t('catalog.detail.absentAtLevel', { level: t(`level.short.${level}`) })}
          style={{ marginBottom: 8 }}
        />
      )}
      {detail.provenance.status === 'unverified' && (
        <Alert
          type="warning"
          showIcon
          title={t('catalog.detail.unverifiedWarning')}
          style={{ marginBottom: 8 }}
        />
      )}

      <Section title={t('catalog.detail.levels')}>
        <Table
          size="small"
          pagination={false}
          rowKey="level"
          dataSource={levelRows}
          onRow={(row) => ({
            style:
              row.level === level
                ? { background: token.colorPrimaryBg }
                : 'absent' in row
                  ? { color: token.colorTextQuaternary }
                  : undefined,
          })}
          columns={[
            {
              title: t('catalog.detail.level'),
              dataIndex: 'level',
              width: 72,
              render: (l: CatalogLevel) => <LevelTag level={l} />,
            },
            {
              title: t('catalog.detail.clause'),
              width: 92,
              className: 'catalog-nowrap',
              render: (_, row) =>
                'absent' in row ? (
                  t('catalog.detail.notRequired')
                ) : (
                  <span style={MONO}>
                    {row.clause} {row.item})
                  </span>
                ),
            },
            {
              title: t('catalog.detail.testId'),
              width: 100,
              className: 'catalog-nowrap',
              render: (_, row) =>
                'absent' in row || !row.testId ? (
                  t('common.none')
                ) : (
                  <span style={MONO}>{row.testId}</span>
                ),
            },
            {
              title: t('catalog.detail.weight'),
              width: 52,
              className: 'catalog-nowrap',
              align: 'right',
              render: (_, row) =>
                'absent' in row || !row.weight ? (
                  t('common.none')
                ) : (
                  <Tooltip title={row.weight.source}>{formatWeight(row.weight.value)}</Tooltip>
                ),
            },
            {
              title: t('catalog.detail.wording'),
              render: (_, row) =>
                'absent' in row ? null : row.wording ? (
                  text(row.wording)
                ) : (
                  <Typography.Text type="secondary">
                    {t('catalog.detail.sameWording')}
                  </Typography.Text>
                ),
            },
          ]}
        />
      </Section>

      <Section
        title={
          <>
            {t('catalog.detail.highRisk')}
            <Typography.Text
              type="secondary"
              style={{ fontWeight: 'normal', marginInlineStart: 6 }}
            >
              {t('catalog.detail.highRiskSource')}
            </Typography.Text>
          </>
        }
      >
        {detail.highRiskCases.length === 0 ? (
          <Typography.Text type="secondary">{t('catalog.detail.noHighRisk')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {detail.highRiskCases.map((c) => (
              <HighRiskCase key={c.id} value={c} level={level} />
            ))}
          </Space>
        )}
      </Section>

      <Section title={t('catalog.detail.majorRisk')}>
        {detail.majorRiskTriggers.length === 0 ? (
          <Typography.Text type="secondary">{t('catalog.detail.noMajorRisk')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {detail.majorRiskTriggers.map((trigger) => (
              <MajorRiskTrigger key={trigger.id} value={trigger} />
            ))}
          </Space>
        )}
      </Section>

      <Section title={t('catalog.detail.assessment')}>
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: 120 } }}
          items={[
            {
              key: 'methods',
              label: t('catalog.detail.methods'),
              children: (
                <Space size={4} wrap>
                  {detail.methods.map((m) => (
                    <Tag key={m} style={{ marginInlineEnd: 0 }}>
                      {t(`catalog.method.${m}`)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'evidence',
              label: t('catalog.detail.evidence'),
              children:
                detail.evidence.length === 0 ? (
                  t('common.none')
                ) : (
                  <ul className="catalog-list">
                    {detail.evidence.map((e, i) => (
                      <li key={i}>{text(e)}</li>
                    ))}
                  </ul>
                ),
            },
            ...(detail.responsibility
              ? [
                  {
                    key: 'responsibility',
                    label: t('catalog.detail.responsibility'),
                    children: (
                      <Tag color="blue">{t(`catalog.responsibility.${detail.responsibility}`)}</Tag>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>

      <Section title={t('catalog.detail.alsoSatisfies')}>
        {detail.alsoSatisfies.length === 0 ? (
          <Typography.Text type="secondary">{t('catalog.detail.noAlsoSatisfies')}</Typography.Text>
        ) : (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey={(row) => `${row.crosswalkId}:${row.controlId}`}
              dataSource={detail.alsoSatisfies}
              columns={[
                {
                  title: t('catalog.detail.crosswalkControl'),
                  render: (_, row) => (
                    <Tooltip title={row.catalog}>
                      <span style={MONO}>A.{row.controlId}</span> {text(row.controlTitle)}
                    </Tooltip>
                  ),
                },
                {
                  title: (
                    <Tooltip title={t('catalog.detail.relationHint')}>
                      {t('catalog.detail.relationLabel')}
                    </Tooltip>
                  ),
                  dataIndex: 'relation',
                  width: 72,
                  render: (r: string) => t(`catalog.relation.${r}`, { defaultValue: r }),
                },
                {
                  title: t('catalog.detail.coverageLabel'),
                  dataIndex: 'coverage',
                  width: 80,
                  render: (c: string) => (
                    <Tag color={c === 'full' ? 'green' : 'gold'} style={{ marginInlineEnd: 0 }}>
                      {t(`catalog.coverage.${c}`, { defaultValue: c })}
                    </Tag>
                  ),
                },
              ]}
              expandable={{
                rowExpandable: (row) => row.note !== null,
                expandedRowRender: (row) => (
                  <Typography.Text type="secondary">
                    {row.note && bilingual(i18n.language, row.note)}
                  </Typography.Text>
                ),
              }}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
              {t('catalog.detail.crosswalkDisclaimer')}
            </Typography.Paragraph>
          </>
        )}
      </Section>

      <Section
        title={t('catalog.detail.provenance')}
        extra={<ProvenanceTag status={detail.provenance.status} />}
      >
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { width: 72 } }}
          items={[
            {
              key: 'sources',
              label: t('catalog.detail.sources'),
              children: (
                <ul className="catalog-list" data-testid="catalog-sources">
                  {detail.provenance.sources.map((s) => (
                    <li key={s.key}>
                      <Typography.Text strong style={MONO}>
                        {s.key}
                      </Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {bilingual(i18n.language, s.description)}
                      </Typography.Text>
                    </li>
                  ))}
                </ul>
              ),
            },
            ...(detail.provenance.note
              ? [
                  {
                    key: 'note',
                    label: t('catalog.detail.note'),
                    children: bilingual(i18n.language, detail.provenance.note),
                  },
                ]
              : []),
          ]}
        />
      </Section>
    </div>
  );
}

function HighRiskCase({ value, level }: { value: HighRiskCaseDto; level: CatalogLevel }) {
  const { t, i18n } = useTranslation();
  const text = (v: { zh: string; en: string }) => bilingual(i18n.language, v);
  const applies = level >= value.minLevel;
  return (
    <div
      className={`catalog-case${applies ? '' : ' catalog-case-inactive'}`}
      data-testid={`high-risk-case-${value.id}`}
    >
      <Space size={[6, 4]} wrap align="center">
        <Tag color="red" style={{ ...MONO, marginInlineEnd: 0 }}>
          {value.id}
        </Tag>
        <Typography.Text strong>{text(value.title)}</Typography.Text>
        <Tag color={applies ? 'volcano' : 'default'} style={{ marginInlineEnd: 0 }}>
          {t('catalog.detail.appliesFrom', { level: t(`level.short.${value.minLevel}`) })}
        </Tag>
        {value.provenance.status !== 'confirmed' && (
          <ProvenanceTag status={value.provenance.status} />
        )}
      </Space>
      {value.conditions.length > 0 && (
        <div className="catalog-case-row">
          <Typography.Text type="secondary">
            {t('catalog.detail.conditions')}
            {t('common.labelSeparator')}
          </Typography.Text>
          {value.conditions
            .map((c) => t(`catalog.condition.${c}`, { defaultValue: c }))
            .join(t('common.listSeparator'))}
        </div>
      )}
      <div className="catalog-case-row">
        <Typography.Text type="secondary">{t('catalog.detail.symptoms')}</Typography.Text>
        <ul className="catalog-list">
          {value.symptoms.map((s, i) => (
            <li key={i}>{text(s)}</li>
          ))}
        </ul>
      </div>
      <div className="catalog-case-row">
        <Typography.Text type="secondary">{t('catalog.detail.mitigations')}</Typography.Text>
        {value.mitigations.length === 0 ? (
          <div>
            <Typography.Text type="danger" strong>
              {t('catalog.detail.noMitigation')}
            </Typography.Text>
          </div>
        ) : (
          <ul className="catalog-list">
            {value.mitigations.map((m, i) => (
              <li key={i}>{text(m)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function MajorRiskTrigger({ value }: { value: MajorRiskTriggerDto }) {
  const { i18n } = useTranslation();
  const text = (v: { zh: string; en: string }) => bilingual(i18n.language, v);
  return (
    <div className="catalog-case catalog-trigger">
      <Space size={6} wrap>
        <Tag color="magenta" style={{ ...MONO, marginInlineEnd: 0 }}>
          {value.id}
        </Tag>
        <Typography.Text strong>{text(value.title)}</Typography.Text>
        {value.provenance.status !== 'confirmed' && (
          <ProvenanceTag status={value.provenance.status} />
        )}
      </Space>
      <div className="catalog-case-row">{text(value.summary)}</div>
    </div>
  );
}

export function RequirementPlaceholder() {
  const { t } = useTranslation();
  return (
    <Card size="small" className="catalog-detail">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.detail.placeholder')} />
    </Card>
  );
}
