import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { DataSecurityDutyDto } from '../../../api/data-security-client';
import type { PrivacyDutyDto } from '../../../api/privacy-client';
import { pick } from '../../../lib/language';
import { CitationPopover } from '../../CitationPopover';
import { ObligationStateTag } from '../../ObligationStateTag';
import { compareDuties, dutyState } from '../../privacy/duty-order';
import { PenaltyCell } from '../../privacy/PenaltyCell';

/** The personal-information helpers read only fields both duty shapes share. */
const asShared = (d: DataSecurityDutyDto) => d as unknown as PrivacyDutyDto;
export const dataDutyState = (d: DataSecurityDutyDto) => dutyState(asShared(d));
export const compareDataDuties = (a: DataSecurityDutyDto, b: DataSecurityDutyDto) =>
  compareDuties(asShared(a), asShared(b));
export const dataDutyKey = (d: DataSecurityDutyDto, i: number) =>
  d.key ?? `${d.ruleId}|${d.subject.kind}|${d.subject.id}|${i}`;

/**
 * The columns of a data-security duty, shared by 数据安全 › 重要数据 and the card on 义务日历:
 * state, title with its subject, due date, reason, citations and penalty risk.
 */
export function dataSecurityDutyColumns(
  t: TFunction,
  language: string,
  titleLink?: string,
): ColumnsType<DataSecurityDutyDto> {
  return [
    {
      title: t('obligation.column.state'),
      key: 'state',
      width: 115,
      render: (_, d) => <ObligationStateTag state={dataDutyState(d)} />,
    },
    {
      title: t('obligation.column.title'),
      key: 'title',
      width: 240,
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
              {t(`dataSecurity.subjectKind.${d.subject.kind}`, { defaultValue: d.subject.kind })} ·{' '}
              {d.subject.name}
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
          strong={dataDutyState(d) === 'overdue'}
          type={dataDutyState(d) === 'overdue' ? 'danger' : undefined}
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
      render: (_, d) => <PenaltyCell duty={asShared(d)} />,
    },
  ];
}
