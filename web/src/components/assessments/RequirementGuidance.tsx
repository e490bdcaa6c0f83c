import { ReadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequirement } from '../../api/catalog-hooks';
import { useRequirementGuidance, type GuidanceTextDto } from '../../api/guidance-hooks';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';

/** The judgement text split before each verdict (符合：…；部分符合：…；不符合：…), one per line. */
const VERDICT =
  /[；;]\s*(?=(?:符合|部分符合|不符合|不适用|[Cc]ompliant|[Pp]artially|[Nn]on-compliant|[Nn]ot applicable))/;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/**
 * 测评指导: what the assessor does for one requirement (测评步骤), what a compliant system
 * shows (预期结果) and how to judge it (判定依据), with its GB/T 28448-2019 test id.
 */
export function RequirementGuidance({ requirementId }: { requirementId: string }) {
  const { t, i18n } = useTranslation();
  const answer = useRequirementGuidance(requirementId);
  // Evidence to keep and high-risk cases come with the catalog item (already cached when shown).
  const detail = useRequirement(requirementId);
  const text = (value: GuidanceTextDto) => pick(i18n.language, value.zh, value.en);

  if (answer.isError) return <ApiErrorAlert error={answer.error} />;
  if (answer.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  const guidance = answer.data.guidance;
  if (guidance === null) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('guidance.none')} />;
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="guidance">
      <Space wrap size={[8, 4]}>
        <Typography.Text type="secondary">{t('guidance.testId')}</Typography.Text>
        {guidance.testId ? (
          <Tooltip title={guidance.testIdDerived ? t('guidance.derived') : guidance.source}>
            <Tag color={guidance.testIdDerived ? 'default' : 'blue'} data-testid="guidance-test-id">
              {guidance.testId}
              {guidance.testIdDerived ? ' *' : ''}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
      </Space>
      <Section title={t('guidance.steps')}>
        <ol className="guidance-steps" style={{ paddingInlineStart: 20, margin: 0 }}>
          {guidance.steps.map((step, index) => (
            <li key={index} style={{ marginBottom: 6 }}>
              {text(step)}
            </li>
          ))}
        </ol>
      </Section>
      <Section title={t('guidance.expected')}>
        <Typography.Paragraph style={{ margin: 0 }}>{text(guidance.expected)}</Typography.Paragraph>
      </Section>
      <Section title={t('guidance.judgement')}>
        {text(guidance.judgement)
          .split(VERDICT)
          .map((line, index) => (
            <Typography.Paragraph key={index} style={{ margin: '0 0 4px' }}>
              {line}
            </Typography.Paragraph>
          ))}
      </Section>
      {detail.data && detail.data.evidence.length > 0 && (
        <Section title={t('guidance.evidence')}>
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {detail.data.evidence.map((item, index) => (
              <li key={index}>{text(item)}</li>
            ))}
          </ul>
        </Section>
      )}
      {detail.data && detail.data.highRiskCases.length > 0 && (
        <Section title={t('guidance.highRisk')}>
          <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid="guidance-high-risk">
            {detail.data.highRiskCases.map((c) => (
              <li key={c.id}>
                <Typography.Text type="secondary">{c.id}</Typography.Text> {text(c.title)}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Alert type="info" showIcon title={t('guidance.ownWords')} />
    </Space>
  );
}

/**
 * A small "测评指导" link that opens the guidance of one requirement in a drawer. Keys pressed in
 * the drawer stay there, so the workbook's shortcuts (1–4, Enter, E) do not act behind it.
 */
export function RequirementGuidanceButton({
  requirementId,
  clause,
}: {
  requirementId: string;
  clause?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <span onKeyDown={(event: KeyboardEvent) => open && event.stopPropagation()}>
      <Button
        type="link"
        size="small"
        icon={<ReadOutlined />}
        style={{ paddingInline: 0, height: 'auto', fontSize: 12 }}
        aria-label={t('guidance.open', { clause: clause ?? requirementId })}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {t('guidance.button')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={560}
        destroyOnHidden
        title={t('guidance.title', { clause: clause ?? requirementId })}
      >
        {open && <RequirementGuidance requirementId={requirementId} />}
      </Drawer>
    </span>
  );
}
