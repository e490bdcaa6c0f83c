import { useQueryClient } from '@tanstack/react-query';
import { ReloadOutlined, SaveOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RESULTS_NEEDING_REASON,
  type ItemResult,
} from '../../../../src/shared/assessment-vocabulary';
import type {
  ChapterScoreDto,
  CiiEvaluationDetailDto,
  CiiEvaluationRequirementDto,
  CiiEvaluationResultRow,
  CiiOutcome,
} from '../../../../src/shared/cii-evaluation-schemas';
import { ApiRequestError } from '../../api/client';
import {
  conflictRowIndex,
  isVersionConflict,
  reloadEvaluation,
  useWriteCiiResults,
} from '../../api/cii-capability';
import { detailMessage } from '../../lib/api-errors';
import { formatTimestamp } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { RESULT_KEYS, ResultTag } from '../assessments/assessment-labels';
import { Hint, ProvenanceMark, rateText } from './capability-labels';
import { NotePrompt, type NoteRequest } from './NotePrompt';
import { ReferencePopover, type ReferenceIndex } from './reference';

type Requirement = CiiEvaluationRequirementDto;

/** An unsaved edit of one row, with the version it was made on (sent as the row's version). */
interface Draft {
  result: ItemResult | null;
  note: string;
  evidence: string;
  baseVersion: number;
}

type GridRow =
  | { key: string; kind: 'chapter'; chapter: ChapterScoreDto; children: GridRow[] }
  | { key: string; kind: 'requirement'; row: Requirement };

const CHAPTER_KEY = 'chapter:';
const needsNote = (result: ItemResult | null) =>
  result !== null && RESULTS_NEEDING_REASON.includes(result);

const fromRow = (row: Requirement): Draft => ({
  result: row.result,
  note: row.note ?? '',
  evidence: row.evidence ?? '',
  baseVersion: row.version,
});
const sameAsRow = (d: Draft, row: Requirement) =>
  d.result === row.result &&
  d.note === (row.note ?? '') &&
  d.evidence === (row.evidence ?? '') &&
  d.baseVersion === row.version;

/** Typing in a text field or a select: single-key shortcuts stay out of the way. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (target.closest('.ant-select, .ant-picker, .ant-modal')) return true;
  return (
    target.tagName === 'INPUT' && !['checkbox', 'radio'].includes((target as HTMLInputElement).type)
  );
}

/** The index of the row a validation detail names ("rows[2].note", "rows.2.note"). */
const detailRow = (path: string): number | null => {
  const match = /rows[[./](\d+)/.exec(path);
  return match ? Number(match[1]) : null;
};

/**
 * 评价记录: every requirement of the catalog grouped by chapter, with result, note and evidence.
 * Edits stay in the page until 保存 (Ctrl+S) sends them in one request with their versions;
 * a row someone else changed meanwhile fails the whole request (409) and is marked.
 */
export function RequirementsGrid({
  orgId,
  evaluation,
  references,
  editable,
  chapter,
  onChapterChange,
  onUnsavedChange,
}: {
  orgId: string;
  evaluation: CiiEvaluationDetailDto;
  references: ReferenceIndex | null;
  editable: boolean;
  chapter: string | null;
  onChapterChange: (chapterId: string | null) => void;
  onUnsavedChange: (count: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const write = useWriteCiiResults(orgId, evaluation.id);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [rowErrors, setRowErrors] = useState<Map<string, string>>(new Map());
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ requirementId: string | null } | null>(null);
  const [noteRequest, setNoteRequest] = useState<NoteRequest | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [filters, setFilters] = useState<{
    result: CiiOutcome | null;
    q: string;
    changed: boolean;
  }>({ result: null, q: '', changed: false });
  const text = useCallback(
    (b: { zh: string; en: string }) => pick(i18n.language, b.zh, b.en),
    [i18n.language],
  );

  const requirements = evaluation.requirements;
  const byId = useMemo(
    () => new Map(requirements.map((r) => [r.requirementId, r])),
    [requirements],
  );
  const effective = useCallback(
    (row: Requirement): Draft => drafts.get(row.requirementId) ?? fromRow(row),
    [drafts],
  );
  const isStale = (row: Requirement) => {
    const d = drafts.get(row.requirementId);
    return d !== undefined && d.baseVersion !== row.version;
  };

  useEffect(() => onUnsavedChange(drafts.size), [drafts.size, onUnsavedChange]);
  useEffect(() => {
    if (drafts.size === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [drafts.size]);
  // Completed (or reopened) elsewhere: nothing is editable, so nothing is pending.
  useEffect(() => {
    if (!editable) setDrafts(new Map());
  }, [editable]);

  const setRowError = (id: string, error: string | null) =>
    setRowErrors((previous) => {
      const next = new Map(previous);
      if (error) next.set(id, error);
      else next.delete(id);
      return next;
    });

  /** Changes the drafts of some rows; a draft equal to the stored row is dropped. */
  const update = (rows: readonly Requirement[], patch: (d: Draft) => Partial<Draft>) => {
    setDrafts((previous) => {
      const next = new Map(previous);
      for (const row of rows) {
        const current = previous.get(row.requirementId) ?? fromRow(row);
        const merged = { ...current, ...patch(current) };
        if (sameAsRow(merged, row)) next.delete(row.requirementId);
        else next.set(row.requirementId, merged);
      }
      return next;
    });
    setRowErrors((previous) => {
      const next = new Map(previous);
      for (const row of rows) next.delete(row.requirementId);
      return next;
    });
  };

  /** Sets a result; 部分符合 / 不适用 without a note ask for one (the result stays either way). */
  const setResult = (rows: readonly Requirement[], result: ItemResult) => {
    if (rows.length === 0) return;
    update(rows, () => ({ result }));
    if (!needsNote(result)) return;
    const lacking = rows.filter((row) => !effective(row).note.trim());
    if (lacking.length === 0) return;
    setNoteRequest({
      rows: lacking.map((row) => ({ requirementId: row.requirementId, title: row.title, result })),
      shared: lacking.length > 1,
      onSubmit: (notes) =>
        lacking.forEach((row) =>
          update([row], () => ({ note: notes.get(row.requirementId) ?? '' })),
        ),
      onCancel: () =>
        lacking.forEach((row) => setRowError(row.requirementId, t('ciiCapability.note.missing'))),
    });
  };

  const discard = () => {
    setDrafts(new Map());
    setRowErrors(new Map());
    setSaveError(null);
    setConflict(null);
  };

  const save = () => {
    if (!editable || drafts.size === 0 || write.isPending) return;
    const pending = [...drafts.entries()].flatMap(([id, draft]) => {
      const row = byId.get(id);
      return row ? [{ row, draft }] : [];
    });
    const withoutResult = pending.filter((p) => p.draft.result === null);
    if (withoutResult.length > 0) {
      withoutResult.forEach((p) =>
        setRowError(p.row.requirementId, t('ciiCapability.grid.resultFirst')),
      );
      message.error(
        t('ciiCapability.grid.resultFirstMany', {
          ids: withoutResult.map((p) => p.row.requirementId).join(t('common.listSeparator')),
        }),
      );
      return;
    }
    const lacking = pending.filter((p) => needsNote(p.draft.result) && !p.draft.note.trim());
    if (lacking.length > 0) {
      setNoteRequest({
        rows: lacking.map((p) => ({
          requirementId: p.row.requirementId,
          title: p.row.title,
          result: p.draft.result!,
        })),
        shared: false,
        onSubmit: (notes) =>
          lacking.forEach((p) =>
            update([p.row], () => ({ note: notes.get(p.row.requirementId) ?? '' })),
          ),
        onCancel: () =>
          lacking.forEach((p) => setRowError(p.row.requirementId, t('ciiCapability.note.missing'))),
      });
      return;
    }
    const rows: CiiEvaluationResultRow[] = pending.map(({ row, draft }) => ({
      requirementId: row.requirementId,
      result: draft.result!,
      note: draft.note.trim() || null,
      evidence: draft.evidence.trim() || null,
      version: draft.baseVersion,
    }));
    const sent = new Map(pending.map((p) => [p.row.requirementId, p.draft]));
    setSaveError(null);
    setConflict(null);
    write
      .mutateAsync(rows)
      .then((answer) => {
        const versions = new Map(answer.requirements.map((r) => [r.requirementId, r.version]));
        // Edits made while saving stay, now on top of the version just written.
        setDrafts((previous) => {
          const next = new Map<string, Draft>();
          for (const [id, draft] of previous) {
            if (sent.get(id) === draft) continue;
            next.set(id, sent.has(id) ? { ...draft, baseVersion: versions.get(id) ?? 0 } : draft);
          }
          return next;
        });
        setRowErrors(new Map());
        message.success(t('ciiCapability.grid.saved', { count: rows.length }));
      })
      .catch((error: unknown) => {
        if (isVersionConflict(error)) {
          const index = conflictRowIndex(error);
          setConflict({
            requirementId: index === null ? null : (rows[index]?.requirementId ?? null),
          });
          return;
        }
        setSaveError(error);
        if (error instanceof ApiRequestError) {
          for (const detail of error.body.details) {
            const index = detailRow(detail.path);
            const id = index === null ? undefined : rows[index]?.requirementId;
            if (id) setRowError(id, detailMessage(detail, i18n.language));
          }
        }
      });
  };

  /** 刷新 after a conflict: the latest results; edits of rows changed meanwhile are dropped. */
  const refresh = async () => {
    const fresh = await reloadEvaluation(client, orgId, evaluation.id);
    const versions = new Map(fresh.requirements.map((r) => [r.requirementId, r.version]));
    const dropped: string[] = [];
    setDrafts((previous) => {
      const next = new Map<string, Draft>();
      for (const [id, draft] of previous) {
        if (draft.baseVersion === versions.get(id)) next.set(id, draft);
        else dropped.push(id);
      }
      return next;
    });
    setConflict(null);
    setSaveError(null);
    if (dropped.length > 0) {
      message.info(
        t('ciiCapability.grid.dropped', { ids: dropped.join(t('common.listSeparator')) }),
      );
    }
  };

  // The rows shown: the chapter chosen above, the result and text filters, grouped by chapter.
  const q = filters.q.trim().toLowerCase();
  const shownRows = requirements.filter((row) => {
    if (chapter && row.chapterId !== chapter) return false;
    const d = effective(row);
    if (filters.result) {
      const outcome: CiiOutcome = d.result ?? 'not_assessed';
      if (outcome !== filters.result) return false;
    }
    if (filters.changed && !drafts.has(row.requirementId)) return false;
    if (!q) return true;
    return [row.requirementId, row.title.zh, row.title.en, d.note, d.evidence].some((s) =>
      s.toLowerCase().includes(q),
    );
  });
  const groups: GridRow[] = evaluation.chapters.flatMap((c) => {
    const children = shownRows
      .filter((row) => row.chapterId === c.chapterId)
      .map((row): GridRow => ({ key: row.requirementId, kind: 'requirement', row }));
    return children.length > 0
      ? [{ key: `${CHAPTER_KEY}${c.chapterId}`, kind: 'chapter' as const, chapter: c, children }]
      : [];
  });
  const visible = shownRows.map((r) => r.requirementId);
  // Only rows still shown count: a filter change does not leave hidden rows selected.
  const shownIds = new Set(visible);
  const selectedRows = selected.flatMap((key) => {
    const row = shownIds.has(key) ? byId.get(key) : undefined;
    return row ? [row] : [];
  });

  // Keyboard: ↑/↓ move, 1–4 set the result, Ctrl+S saves.
  const keyRef = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keyRef.current = (event: KeyboardEvent) => {
    if (event.defaultPrevented || noteRequest) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      if (drafts.size > 0 && editable) {
        event.preventDefault();
        save();
      }
      return;
    }
    if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = active ? visible.indexOf(active) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (index < 0 && !active) return;
      event.preventDefault();
      const to = Math.max(
        0,
        Math.min(visible.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)),
      );
      const id = visible[to];
      if (id) {
        setActive(id);
        document
          .querySelector(`[data-row-key="${CSS.escape(id)}"]`)
          ?.scrollIntoView({ block: 'nearest' });
      }
      return;
    }
    const row = active ? byId.get(active) : undefined;
    if (row && editable && /^[1-4]$/.test(event.key)) {
      event.preventDefault();
      setResult([row], RESULT_KEYS[Number(event.key) - 1]!);
    } else if (event.key === 'Escape') {
      setActive(null);
    }
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => keyRef.current(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const COLUMN_COUNT = 6;
  const groupCell = (r: GridRow) => (r.kind === 'chapter' ? { colSpan: 0 } : {});
  const textCell = (field: 'note' | 'evidence', label: string) => (_: unknown, r: GridRow) => {
    if (r.kind !== 'requirement') return null;
    const row = r.row;
    const value = effective(row)[field];
    if (!editable) {
      return value ? (
        <div className="cap-text">{value}</div>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      );
    }
    return (
      <Input.TextArea
        size="small"
        autoSize={{ minRows: 1, maxRows: 6 }}
        maxLength={4000}
        aria-label={`${label} ${row.requirementId}`}
        value={value}
        status={field === 'note' && rowErrors.has(row.requirementId) ? 'error' : undefined}
        placeholder={
          field === 'note' && needsNote(effective(row).result)
            ? t('ciiCapability.note.required')
            : undefined
        }
        onFocus={() => setActive(row.requirementId)}
        onChange={(event) => update([row], () => ({ [field]: event.target.value }))}
      />
    );
  };

  const columns: ColumnsType<GridRow> = [
    {
      title: t('ciiCapability.grid.clause'),
      key: 'clause',
      width: 92,
      onCell: (r) => (r.kind === 'chapter' ? { colSpan: COLUMN_COUNT } : {}),
      render: (_, r) => {
        if (r.kind === 'chapter') {
          const c = r.chapter;
          return (
            <div className="cap-group" data-testid={`group-${c.chapterId}`}>
              <Typography.Text strong>
                {c.chapterId} {text(c.title)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('ciiCapability.grid.groupSummary', {
                  rate: rateText(c.conformanceRate),
                  assessed: c.assessed,
                  total: c.total,
                })}
              </Typography.Text>
            </div>
          );
        }
        const reference = references?.byId.get(r.row.requirementId);
        return (
          <span className="cap-clause-cell">
            <span className="cap-clause">{r.row.requirementId}</span>
            <ProvenanceMark
              status={r.row.provenanceStatus}
              note={reference ? text(reference.provenance.note) : null}
            />
          </span>
        );
      },
    },
    {
      title: t('ciiCapability.grid.requirement'),
      key: 'title',
      width: 230,
      onCell: groupCell,
      render: (_, r) => {
        if (r.kind !== 'requirement') return null;
        const reference = references?.byId.get(r.row.requirementId);
        return (
          <div className="cap-title">
            <span>
              {text(r.row.title)}
              {reference?.hasItems && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  {t('ciiCapability.grid.clauseRest')}
                </Typography.Text>
              )}
            </span>
            <ReferencePopover requirementId={r.row.requirementId} index={references} />
          </div>
        );
      },
    },
    {
      title: t('ciiCapability.grid.result'),
      key: 'result',
      width: 150,
      onCell: groupCell,
      render: (_, r) => {
        if (r.kind !== 'requirement') return null;
        const row = r.row;
        const d = effective(row);
        const error = rowErrors.get(row.requirementId);
        return (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            {editable ? (
              <Select<ItemResult>
                size="small"
                value={d.result ?? undefined}
                placeholder={t('ciiCapability.result.not_assessed')}
                aria-label={`${t('ciiCapability.grid.result')} ${row.requirementId}`}
                style={{ width: '100%' }}
                className={d.result ? `cap-result cap-result-${d.result}` : 'cap-result'}
                onFocus={() => setActive(row.requirementId)}
                onChange={(value) => setResult([row], value)}
                options={RESULT_KEYS.map((key, i) => ({
                  value: key,
                  label: `${i + 1} ${t(`assessment.result.${key}`)}`,
                }))}
                labelRender={({ value }) => t(`assessment.result.${String(value)}`)}
              />
            ) : row.result ? (
              <ResultTag result={row.result} />
            ) : (
              <Tag>{t('ciiCapability.result.not_assessed')}</Tag>
            )}
            {isStale(row) && (
              <Tag color="error" data-testid="row-stale">
                {t('ciiCapability.grid.stale')}
              </Tag>
            )}
            {error && (
              <Typography.Text type="danger" className="cap-row-error" data-testid="row-error">
                {error}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: t('ciiCapability.grid.note'),
      key: 'note',
      onCell: groupCell,
      render: textCell('note', t('ciiCapability.grid.note')),
    },
    {
      title: t('ciiCapability.grid.evidence'),
      key: 'evidence',
      onCell: groupCell,
      render: textCell('evidence', t('ciiCapability.grid.evidence')),
    },
    {
      title: t('ciiCapability.grid.recorded'),
      key: 'recorded',
      width: 128,
      onCell: groupCell,
      render: (_, r) =>
        r.kind === 'requirement' && r.row.recordedAt ? (
          <div className="cap-recorded">
            <span>{r.row.recordedBy}</span>
            <span>{formatTimestamp(r.row.recordedAt)}</span>
          </div>
        ) : null,
    },
  ];

  const conflictAlert = conflict && (
    <Alert
      type="error"
      showIcon
      data-testid="save-conflict"
      title={t('ciiCapability.conflict')}
      description={
        conflict.requirementId
          ? t('ciiCapability.grid.conflictRow', { id: conflict.requirementId })
          : t('ciiCapability.grid.conflictAny')
      }
      action={
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void refresh()}>
          {t('ciiCapability.grid.refresh')}
        </Button>
      }
    />
  );

  return (
    <Card
      size="small"
      title={t('ciiCapability.grid.title', { count: requirements.length })}
      extra={
        editable && (
          <Space>
            {drafts.size > 0 && (
              <Typography.Text type="warning" data-testid="unsaved-count">
                {t('ciiCapability.grid.unsaved', { count: drafts.size })}
              </Typography.Text>
            )}
            <Popconfirm
              title={t('ciiCapability.grid.discardConfirm')}
              okText={t('ciiCapability.grid.discard')}
              cancelText={t('common.cancel')}
              disabled={drafts.size === 0}
              onConfirm={discard}
            >
              <Button disabled={drafts.size === 0}>{t('ciiCapability.grid.discard')}</Button>
            </Popconfirm>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={drafts.size === 0}
              loading={write.isPending}
              onClick={save}
            >
              {t('ciiCapability.grid.save')}
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size={8} className="cap-stack">
        {conflictAlert}
        {saveError !== null && <ApiErrorAlert error={saveError} />}
        <Space wrap size={[8, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap size={[8, 8]}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              aria-label={t('ciiCapability.grid.search')}
              placeholder={t('ciiCapability.grid.searchPlaceholder')}
              value={filters.q}
              onChange={(event) => setFilters((f) => ({ ...f, q: event.target.value }))}
              style={{ width: 240 }}
            />
            <Select
              allowClear
              aria-label={t('ciiCapability.grid.chapter')}
              placeholder={t('ciiCapability.grid.allChapters')}
              value={chapter ?? undefined}
              onChange={(value?: string) => onChapterChange(value ?? null)}
              options={evaluation.chapters.map((c) => ({
                value: c.chapterId,
                label: `${c.chapterId} ${text(c.title)}`,
              }))}
              style={{ width: 150 }}
            />
            <Select<CiiOutcome>
              allowClear
              aria-label={t('ciiCapability.grid.resultFilter')}
              placeholder={t('ciiCapability.grid.allResults')}
              value={filters.result ?? undefined}
              onChange={(value?: CiiOutcome) =>
                setFilters((f) => ({ ...f, result: value ?? null }))
              }
              options={[...RESULT_KEYS, 'not_assessed' as const].map((key) => ({
                value: key,
                label:
                  key === 'not_assessed'
                    ? t('ciiCapability.result.not_assessed')
                    : t(`assessment.result.${key}`),
              }))}
              style={{ width: 130 }}
            />
            {editable && (
              <Checkbox
                checked={filters.changed}
                onChange={(event) => setFilters((f) => ({ ...f, changed: event.target.checked }))}
              >
                {t('ciiCapability.grid.onlyChanged')}
              </Checkbox>
            )}
          </Space>
          <Typography.Text type="secondary" data-testid="grid-count">
            {t('ciiCapability.grid.shown', { shown: shownRows.length, total: requirements.length })}
          </Typography.Text>
        </Space>
        {editable && selectedRows.length > 0 && (
          <div className="cap-bulk" role="toolbar" aria-label={t('ciiCapability.grid.bulk')}>
            <Typography.Text strong>
              {t('ciiCapability.grid.selected', { count: selectedRows.length })}
            </Typography.Text>
            <Select<ItemResult>
              size="small"
              aria-label={t('ciiCapability.grid.bulkSet')}
              placeholder={t('ciiCapability.grid.bulkSet')}
              value={null}
              onChange={(value) => {
                setResult(selectedRows, value);
                setSelected([]);
              }}
              options={RESULT_KEYS.map((key) => ({
                value: key,
                label: t(`assessment.result.${key}`),
              }))}
              style={{ width: 160 }}
            />
            <Button size="small" type="link" onClick={() => setSelected([])}>
              {t('ciiCapability.grid.clearSelection')}
            </Button>
          </div>
        )}
        <Hint>
          {editable ? t('ciiCapability.grid.keyboardHint') : t('ciiCapability.grid.readOnlyHint')}
        </Hint>
        <Table<GridRow>
          className="cap-grid"
          size="small"
          bordered
          tableLayout="fixed"
          rowKey="key"
          dataSource={groups}
          columns={columns}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('ciiCapability.grid.noMatch') }}
          expandable={{
            expandedRowKeys: groups.map((g) => g.key),
            expandIcon: () => null,
            indentSize: 0,
          }}
          rowSelection={
            editable
              ? {
                  selectedRowKeys: selected,
                  // Chapter keys stay in the selection so their boxes (and select-all) show checked.
                  onChange: (keys) => setSelected(keys as string[]),
                  columnWidth: 36,
                }
              : undefined
          }
          rowClassName={(r) => {
            if (r.kind === 'chapter') return 'cap-group-row';
            const classes: string[] = [];
            if (drafts.has(r.key)) classes.push('cap-row-changed');
            if (isStale(r.row)) classes.push('cap-row-stale');
            if (r.key === active) classes.push('cap-row-active');
            return classes.join(' ');
          }}
          onRow={(r) => ({
            onClick: () => {
              if (r.kind === 'requirement') setActive(r.key);
            },
          })}
        />
      </Space>
      <NotePrompt request={noteRequest} onClose={() => setNoteRequest(null)} />
    </Card>
  );
}
