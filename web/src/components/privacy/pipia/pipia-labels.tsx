/** Tags and labels of impact assessments: status, risk level, Art. 55 triggers. */
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PipiaRiskLevel, PipiaStatus, PipiaTriggerDto } from '../../../api/pipia-hooks';
import { pick } from '../../../lib/language';

/** Status colours of ux.md: done green, waiting amber, sent back red, draft grey. */
const STATUS_COLOUR: Record<PipiaStatus, string> = {
  draft: 'default',
  in_review: 'gold',
  approved: 'green',
  returned: 'red',
};

const RISK_COLOUR: Record<PipiaRiskLevel, string> = {
  low: 'green',
  medium: 'gold',
  high: 'red',
  severe: 'magenta',
};

export function PipiaStatusTag({ status }: { status: PipiaStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOUR[status]} data-testid="pipia-status">
      {t(`pipia.status.${status}`)}
    </Tag>
  );
}

export function PipiaRiskTag({ risk }: { risk: PipiaRiskLevel | null | undefined }) {
  const { t } = useTranslation();
  if (!risk) return <Tag>{t('pipia.risk.none')}</Tag>;
  return <Tag color={RISK_COLOUR[risk]}>{t(`pipia.risk.${risk}`)}</Tag>;
}

type TriggerLike = PipiaTriggerDto | string;

/** The code of a trigger, whether it came as a code, `{code}` or `{trigger}`. */
export const codeOf = (trigger: TriggerLike): string =>
  typeof trigger === 'string' ? trigger : trigger.code || trigger.trigger || '';

/** A trigger's words: the server's own label, else ours by code. */
export function useTriggerLabel() {
  const { t, i18n } = useTranslation();
  return (trigger: PipiaTriggerDto | string): string => {
    const code = codeOf(trigger);
    const own =
      typeof trigger === 'string'
        ? ''
        : pick(i18n.language, trigger.titleZh ?? '', trigger.titleEn ?? '');
    return own || t(`pipia.trigger.${code}`, { defaultValue: code });
  };
}

export function TriggerTags({ triggers }: { triggers: readonly (PipiaTriggerDto | string)[] }) {
  const { t, i18n } = useTranslation();
  const label = useTriggerLabel();
  if (triggers.length === 0) return <span>{t('common.none')}</span>;
  return (
    <Space size={[0, 4]} wrap>
      {triggers.map((trigger) => {
        const code = codeOf(trigger);
        const reason =
          typeof trigger === 'string'
            ? ''
            : pick(i18n.language, trigger.reasonZh ?? '', trigger.reasonEn ?? '');
        const tag = (
          <Tag key={code} color="blue">
            {label(trigger)}
          </Tag>
        );
        return reason ? (
          <Tooltip key={code} title={reason}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </Space>
  );
}

/** The trigger codes of a list of triggers or codes. */
export const triggerCodes = (triggers: readonly TriggerLike[]): string[] => triggers.map(codeOf);
