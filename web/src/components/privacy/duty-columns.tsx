import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { PrivacyDutyDto } from '../../api/privacy-client';
import { pick } from '../../lib/language';
import { CitationPopover } from '../CitationPopover';
import { ObligationStateTag } from '../ObligationStateTag';
import { dutyState } from './duty-order';
import { PenaltyCell } from './PenaltyCell';

/**
 * The columns of a personal-information duty, shared by 个人信息保护 › 义务 and the card on
 * 义务日历: state, title with its subject, due date, reason, citations and penalty risk.
 * `titleLink`: the title links there (the calendar's card links to the duties tab).
 */
export function privacyDutyColumns(
  t: TFunction,
  language: string,
  titleLink?: string,
): ColumnsType<PrivacyDutyDto> {
  return [
    {
      title: t('obligation.column.state'),
      key: 'state',
      width: 115,
      render: (_, d) => <ObligationStateTag state={dutyState(d)} />,
    },
    {
      title: t('obligation.column.title'),
      key: 'title',
      width: 235,
      render: (_, d) => {
        const title = pick(language, d.titleZh, d.titleEn);
        return (
          <Space orientation="vertical" size={2}>
            {titleLink ? (
              <Link to={titleLink}>{title}</Link>
            ) : (
              <Typography.Text>{title}</Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`privacy.subjectKind.${d.subject.kind}`)} · {d.subject.name}
            </Typography.Text>
            {d.provenance !== 'confirmed' && (
              <Tag style={{ fontSize: 11 }} variant="filled">
                {t(`provenance.${d.provenance}`)}
              </Tag>
            )}
          </Space>
        );
      },
    },
    {
      title: t('obligation.column.due'),
      key: 'due',
      width: 115,
      render: (_, d) => (
        <Typography.Text
          strong={dutyState(d) === 'overdue'}
          type={dutyState(d) === 'overdue' ? 'danger' : undefined}
        >
          {d.dueDate ?? t('common.none')}
        </Typography.Text>
      ),
    },
    {
      title: t('obligation.column.reason'),
      key: 'reason',
      render: (_, d) => (
        <Typography.Text style={{ fontSize: 13 }}>
          {pick(language, d.reasonZh, d.reasonEn)}
        </Typography.Text>
      ),
    },
    {
      title: t('obligation.column.citations'),
      key: 'citations',
      width: 105,
      render: (_, d) => <CitationPopover citations={d.citations} />,
    },
    {
      title: t('privacy.duties.penalty'),
      key: 'penalty',
      width: 230,
      render: (_, d) => <PenaltyCell duty={d} />,
    },
  ];
}
