import { Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkbookProgressDto } from '../../../../src/shared/api-types';

/** 填写进度 per category: answered (green) and reviewed (the success segment) out of rows. */
export function CategoryProgress({
  progress,
  active,
  onSelect,
}: {
  progress: readonly WorkbookProgressDto[];
  active?: string | null;
  onSelect?: (category: string | null) => void;
}) {
  const { t } = useTranslation();
  const total = progress.reduce(
    (sum, p) => ({
      rows: sum.rows + p.rows,
      answered: sum.answered + p.answered,
      reviewed: sum.reviewed + p.reviewed,
    }),
    { rows: 0, answered: 0, reviewed: 0 },
  );
  const cell = (key: string | null, label: string, p: Omit<WorkbookProgressDto, 'category'>) => {
    const percent = p.rows ? Math.round((p.answered / p.rows) * 100) : 0;
    const reviewed = p.rows ? Math.round((p.reviewed / p.rows) * 100) : 0;
    const selected = active === key || (key === null && !active);
    return (
      <Tooltip
        key={key ?? 'all'}
        title={t('assessment.progress.tooltip', {
          answered: p.answered,
          rows: p.rows,
          reviewed: p.reviewed,
        })}
      >
        <div
          className={`assessment-progress-cell${selected && onSelect ? ' is-active' : ''}${onSelect ? ' is-clickable' : ''}`}
          data-testid={`progress-${key ?? 'all'}`}
          onClick={onSelect ? () => onSelect(key) : undefined}
        >
          <Typography.Text style={{ fontSize: 12 }} strong={key === null}>
            {label}
          </Typography.Text>
          <Progress
            percent={percent}
            success={{ percent: reviewed }}
            size="small"
            status={percent === 100 ? 'success' : 'normal'}
            format={() => `${p.answered}/${p.rows}`}
          />
        </div>
      </Tooltip>
    );
  };
  return (
    <div className="assessment-progress">
      {cell(null, t('assessment.progress.all'), total)}
      {progress.map((p) => cell(p.category, t(`catalog.category.${p.category}`), p))}
    </div>
  );
}
