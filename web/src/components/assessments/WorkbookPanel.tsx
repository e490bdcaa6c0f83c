import { useQueryClient } from '@tanstack/react-query';
import {
  CheckCircleFilled,
  EditOutlined,
  PaperClipOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Input,
  Select,
  Skeleton,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType, TableRef } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CatalogCategory,
  ItemResultCode,
  WorkbookRowDto,
} from '../../../../src/shared/api-types';
import { objectIdentity, RESULTS_NEEDING_REASON } from '../../lib/assessment-vocabulary';
import { ApiRequestError } from '../../api/client';
import {
  isVersionConflict,
  refreshAssessment,
  rowKey,
  useReviewResults,
  useWorkbook,
  useWriteResult,
  useWriteResults,
} from '../../api/assessment-hooks';
import { detailMessage, errorMessage } from '../../lib/api-errors';
import { formatTimestamp } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { useCan } from '../OrganisationScope';
import { RESULT_KEYS, ResultTag } from './assessment-labels';
import { CategoryProgress } from './CategoryProgress';
import { EvidenceDrawer } from './EvidenceDrawer';
import { progressOf, type AssessmentPanelProps } from './panel-props';
import { ReasonModal, type ReasonRequest } from './ReasonModal';
import { needsRecord, ResultNotesModal, type ResultNotesRequest } from './ResultNotesModal';
import { RequirementGuidanceButton } from './RequirementGuidance';
import './assessments.css';

const GRID_HEIGHT = 560;
/** The sum of the column widths: fits a 1440-pixel screen without scrolling sideways. */
const GRID_WIDTH = 1160;

/** Typing in a text field or a select: single-key shortcuts stay out of the way. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (target.closest('.ant-select, .ant-picker')) return true;
  return (
    target.tagName === 'INPUT' && !['checkbox', 'radio'].includes((target as HTMLInputElement).type)
  );
}

const needsReason = (result: ItemResultCode) => RESULTS_NEEDING_REASON.includes(result);

interface Filters {
  category: CatalogCategory | null;
  objectId: string | null;
  result: ItemResultCode | null;
  unanswered: boolean;
  q: string;
}

/** 测评记录: requirement × test object, answered with the keyboard; save is implicit. */
export function WorkbookPanel({
  orgId,
  assessment,
  editable,
  onAddObjects,
}: AssessmentPanelProps & { onAddObjects: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const workbook = useWorkbook(orgId, assessment.id);
  const write = useWriteResult(orgId, assessment.id);
  const writeMany = useWriteResults(orgId, assessment.id);
  const review = useReviewResults(orgId, assessment.id);
  const canReview = useCan('assessments.review') && assessment.status === 'in_progress';
  const rows = useMemo(() => workbook.data?.rows ?? [], [workbook.data]);
  const progress = useMemo(() => progressOf(rows), [rows]);
  const objectNames = useMemo(
    () => new Map(assessment.objects.map((o) => [o.id, o.name])),
    [assessment.objects],
  );
  /** 数据库服务器（10.0.0.5 · 7.9）: the object with its addresses and version, where known. */
  const objectLabels = useMemo(
    () =>
      new Map(
        assessment.objects.map((o) => {
          const identity = objectIdentity(o.attributes, t('common.listSeparator'));
          return [
            o.id,
            identity
              ? t('assessment.workbook.objectWithIdentity', { name: o.name, identity })
              : o.name,
          ];
        }),
      ),
    [assessment.objects, t],
  );

  const [filters, setFilters] = useState<Filters>({
    category: null,
    objectId: null,
    result: null,
    unanswered: false,
    q: '',
  });
  const setFilter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const [active, setActive] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [saving, setSaving] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string[]>([]);
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);
  const [notesRequest, setNotesRequest] = useState<ResultNotesRequest | null>(null);
  const [evidenceRow, setEvidenceRow] = useState<WorkbookRowDto | null>(null);
  const [bulkError, setBulkError] = useState<unknown>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<TableRef>(null);

  const shown = useMemo(() => {
    const q = filters.q.trim().toLowerCase();
    return rows.filter((row) => {
      if (filters.category && row.category !== filters.category) return false;
      if (filters.objectId && row.objectId !== filters.objectId) return false;
      if (filters.result && row.result !== filters.result) return false;
      if (filters.unanswered && row.result) return false;
      if (!q) return true;
      return [
        row.clause,
        row.requirementId,
        row.testId ?? '',
        row.text.zh,
        row.text.en,
        row.standardText ?? '',
        row.title.zh,
        row.title.en,
        row.controlPoint.zh,
        row.controlPoint.en,
        row.record ?? '',
        row.reason ?? '',
        objectNames.get(row.objectId) ?? '',
      ].some((text) => text.toLowerCase().includes(q));
    });
  }, [rows, filters, objectNames]);
  const byKey = useMemo(() => new Map(rows.map((r) => [rowKey(r), r])), [rows]);

  const setRowError = (key: string, error: string | null) =>
    setErrors((previous) => {
      const next = new Map(previous);
      if (error) next.set(key, error);
      else next.delete(key);
      return next;
    });

  const errorText = useCallback(
    (error: unknown): string => {
      if (isVersionConflict(error)) return t('assessment.workbook.rowConflict');
      if (error instanceof ApiRequestError) {
        if (error.body.details.length > 0)
          return error.body.details.map((d) => detailMessage(d, i18n.language)).join('；');
        return t(`error.code.${error.body.code}`, {
          defaultValue: errorMessage(error.body, i18n.language),
        });
      }
      return String(error);
    },
    [t, i18n.language],
  );

  /** Saves one row; 部分符合/不适用 without a reason ask for it first. */
  const saveRow = (
    row: WorkbookRowDto,
    change: { result?: ItemResultCode; record?: string | null; reason?: string | null },
  ) => {
    const key = rowKey(row);
    const result = change.result ?? row.result;
    const record = change.record !== undefined ? change.record : (drafts.get(key) ?? row.record);
    const reason = change.reason !== undefined ? change.reason : row.reason;
    if (!result) {
      if (change.record !== undefined) {
        setDrafts((d) => new Map(d).set(key, change.record ?? ''));
        setRowError(key, t('assessment.workbook.resultFirst'));
      }
      return;
    }
    // 不符合/部分符合 must say what was seen (and 部分符合 why): asked before saving.
    if (needsRecord(result) && !record?.trim()) {
      setNotesRequest({
        result,
        count: 1,
        record: record ?? '',
        reason: reason ?? '',
        askReason: needsReason(result) && !reason?.trim(),
        onSubmit: (notes) =>
          saveRow(row, { ...change, result, record: notes.record, reason: notes.reason ?? reason }),
      });
      return;
    }
    if (needsReason(result) && !reason?.trim()) {
      setReasonRequest({
        result,
        count: 1,
        initial: '',
        onSubmit: (text) => saveRow(row, { ...change, result, reason: text }),
      });
      return;
    }
    setSaving((s) => new Set(s).add(key));
    write
      .mutateAsync({
        requirementId: row.requirementId,
        objectId: row.objectId,
        result,
        record: record?.trim() || null,
        reason: reason?.trim() || null,
        version: row.version,
      })
      .then(() => {
        setRowError(key, null);
        setDrafts((d) => {
          const next = new Map(d);
          next.delete(key);
          return next;
        });
      })
      .catch((error: unknown) => {
        setRowError(key, errorText(error));
        if (isVersionConflict(error)) {
          message.warning(t('assessment.workbook.rowConflict'));
          void refreshAssessment(client, orgId, assessment.id);
        }
      })
      .finally(() =>
        setSaving((s) => {
          const next = new Set(s);
          next.delete(key);
          return next;
        }),
      );
  };

  const startEditing = (row: WorkbookRowDto) => {
    if (!editable) return;
    const key = rowKey(row);
    setActive(key);
    setEditing(key);
    setDraft(drafts.get(key) ?? row.record ?? '');
  };
  // Enter blurs the editor (which saves); Escape unmounts it: whichever comes first wins.
  const editingRef = useRef<string | null>(null);
  editingRef.current = editing;
  const finishEditing = (commit: boolean) => {
    const key = editingRef.current;
    editingRef.current = null;
    setEditing(null);
    gridRef.current?.focus({ preventScroll: true });
    if (!commit || !key) return;
    const row = byKey.get(key);
    if (!row) return;
    if ((draft.trim() || null) === (row.record ?? null) && !drafts.has(key)) return;
    saveRow(row, { record: draft });
  };

  const askReason = (row: WorkbookRowDto) => {
    if (!editable || !row.result) return;
    const result = row.result;
    setReasonRequest({
      result,
      count: 1,
      initial: row.reason ?? '',
      onSubmit: (text) => saveRow(row, { result, reason: text }),
    });
  };

  // Keyboard: ↑/↓ move, 1–4 set the result, Enter edits the record, E opens the evidence.
  const keyRef = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keyRef.current = (event: KeyboardEvent) => {
    if (event.defaultPrevented || isTyping(event.target) || reasonRequest || evidenceRow) return;
    if (notesRequest) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const index = active ? shown.findIndex((r) => rowKey(r) === active) : -1;
    const move = (to: number) => {
      const row = shown[Math.max(0, Math.min(shown.length - 1, to))];
      if (!row) return;
      setActive(rowKey(row));
      tableRef.current?.scrollTo({ key: rowKey(row) });
    };
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(index < 0 ? 0 : index + (event.key === 'ArrowDown' ? 1 : -1));
      return;
    }
    const row = index >= 0 ? shown[index] : undefined;
    if (!row) return;
    if (/^[1-4]$/.test(event.key) && editable) {
      event.preventDefault();
      saveRow(row, { result: RESULT_KEYS[Number(event.key) - 1]! });
    } else if (event.key === 'Enter' && editable) {
      event.preventDefault();
      startEditing(row);
    } else if (event.key === 'e' || event.key === 'E') {
      event.preventDefault();
      setEvidenceRow(row);
    } else if (event.key === 'Escape') {
      setActive(null);
    }
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => keyRef.current(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const selectedRows = selected.flatMap((key) => {
    const row = byKey.get(key);
    return row ? [row] : [];
  });

  const bulkSet = (result: ItemResultCode) => {
    const send = (reason: string | null, record: string | null = null) => {
      setBulkError(null);
      writeMany
        .mutateAsync({
          rows: selectedRows.map((row) => ({
            requirementId: row.requirementId,
            objectId: row.objectId,
            version: row.version,
            result,
            record: row.record?.trim() ? row.record : record,
            reason: reason ?? row.reason,
          })),
        })
        .then((answer) => {
          message.success(t('assessment.workbook.bulkSaved', { count: answer.total }));
          setSelected([]);
        })
        .catch((error: unknown) => {
          setBulkError(error);
          if (isVersionConflict(error)) {
            message.warning(t('assessment.workbook.rowConflict'));
            void refreshAssessment(client, orgId, assessment.id);
          }
        });
    };
    if (needsRecord(result) && selectedRows.some((row) => !row.record?.trim())) {
      setNotesRequest({
        result,
        count: selectedRows.length,
        record: '',
        reason: '',
        askReason: needsReason(result) && selectedRows.some((row) => !row.reason?.trim()),
        onSubmit: (notes) => send(notes.reason, notes.record),
      });
    } else if (needsReason(result) && selectedRows.some((row) => !row.reason?.trim())) {
      setReasonRequest({ result, count: selectedRows.length, initial: '', onSubmit: send });
    } else {
      send(null);
    }
  };

  const bulkReview = () => {
    const rowsToReview = selectedRows.filter((row) => row.version > 0 && row.result);
    if (rowsToReview.length === 0) {
      message.info(t('assessment.workbook.nothingToReview'));
      return;
    }
    setBulkError(null);
    review
      .mutateAsync({
        rows: rowsToReview.map((row) => ({
          requirementId: row.requirementId,
          objectId: row.objectId,
          version: row.version,
        })),
      })
      .then(() => {
        message.success(t('assessment.workbook.reviewed', { count: rowsToReview.length }));
        setSelected([]);
      })
      .catch((error: unknown) => {
        setBulkError(error);
        if (isVersionConflict(error)) message.warning(t('assessment.workbook.rowConflict'));
      });
  };

  const text = (value: { zh: string; en: string }) => pick(i18n.language, value.zh, value.en);
  const categories = progress.map((p) => p.category);

  const columns: ColumnsType<WorkbookRowDto> = [
    {
      title: t('assessment.workbook.col.object'),
      dataIndex: 'objectId',
      width: 96,
      render: (id: string) => (
        <Typography.Text ellipsis={{ tooltip: objectLabels.get(id) }} style={{ width: 80 }}>
          {objectNames.get(id) ?? id}
        </Typography.Text>
      ),
    },
    {
      title: (
        <span>
          {t('assessment.workbook.col.category')}
          <br />
          {t('assessment.workbook.col.controlPoint')}
        </span>
      ),
      key: 'controlPoint',
      width: 108,
      render: (_, row) => (
        <div className="wb-cp">
          <Typography.Text type="secondary" className="wb-category">
            {t(`catalog.category.${row.category}`)}
          </Typography.Text>
          <span>{text(row.controlPoint)}</span>
        </div>
      ),
    },
    {
      title: t('assessment.workbook.col.clause'),
      dataIndex: 'clause',
      width: 84,
      render: (clause: string, row) => (
        <>
          <Tooltip title={row.testId ? `${row.requirementId} · ${row.testId}` : row.requirementId}>
            <span className="wb-clause">{clause}</span>
          </Tooltip>
          <br />
          <RequirementGuidanceButton requirementId={row.requirementId} clause={clause} />
        </>
      ),
    },
    {
      title: t('assessment.workbook.col.text'),
      dataIndex: 'text',
      width: 250,
      render: (value: WorkbookRowDto['text'], row) => (
        <Tooltip
          title={
            row.standardText
              ? `${text(value)}\n${t('assessment.workbook.standardText')}：${row.standardText}`
              : text(value)
          }
          placement="topLeft"
          mouseEnterDelay={0.6}
        >
          <div className="wb-text">
            <Typography.Text strong style={{ fontSize: 12 }}>
              {text(row.title)}
            </Typography.Text>{' '}
            {text(value)}
            {/* The organisation's own copy of the standard's wording, where it loaded one. */}
            {row.standardText ? (
              <Typography.Text
                type="secondary"
                className="wb-standard-text"
                style={{ display: 'block', fontSize: 11 }}
              >
                {t('assessment.workbook.standardText')}：{row.standardText}
              </Typography.Text>
            ) : null}
          </div>
        </Tooltip>
      ),
    },
    {
      title: t('assessment.workbook.col.result'),
      dataIndex: 'result',
      width: 112,
      render: (result: ItemResultCode | null, row) => {
        const key = rowKey(row);
        const error = errors.get(key);
        return (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            {editable ? (
              <Select<ItemResultCode>
                size="small"
                value={result ?? undefined}
                placeholder={t('assessment.result.unanswered')}
                aria-label={t('assessment.workbook.col.result')}
                loading={saving.has(key)}
                style={{ width: 98 }}
                className={result ? `wb-result wb-result-${result}` : 'wb-result'}
                onChange={(value) => {
                  setActive(key);
                  saveRow(row, { result: value });
                }}
                options={RESULT_KEYS.map((r, i) => ({
                  value: r,
                  label: `${i + 1} ${t(`assessment.result.${r}`)}`,
                }))}
                labelRender={({ value }) => t(`assessment.result.${String(value)}`)}
              />
            ) : (
              <ResultTag result={result} />
            )}
            {row.previous && (
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12 }}
                data-testid="previous-result"
                title={
                  row.previous.record
                    ? t('assessment.workbook.previousRecord', { record: row.previous.record })
                    : undefined
                }
              >
                {t('assessment.workbook.previous', {
                  result: t(`assessment.result.${row.previous.result}`),
                })}
              </Typography.Text>
            )}
            {error && (
              <Typography.Text type="danger" className="wb-row-error" data-testid="row-error">
                {error}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: t('assessment.workbook.col.record'),
      dataIndex: 'record',
      width: 200,
      render: (record: string | null, row) => {
        const key = rowKey(row);
        if (editing === key) {
          return (
            <Input.TextArea
              autoFocus
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={4000}
              aria-label={t('assessment.workbook.col.record')}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onBlur={() => finishEditing(true)}
              onKeyDown={(event) => {
                if (event.nativeEvent.isComposing) return;
                if (event.key === 'Escape') {
                  event.preventDefault();
                  finishEditing(false);
                } else if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  event.currentTarget.blur();
                }
              }}
            />
          );
        }
        const pending = drafts.get(key);
        const shownText = pending ?? record;
        return (
          <div
            className={`wb-record${editable ? ' is-editable' : ''}`}
            onDoubleClick={() => startEditing(row)}
            title={shownText ?? undefined}
          >
            {shownText ? (
              <span className={pending !== undefined ? 'wb-draft' : undefined}>{shownText}</span>
            ) : (
              editable &&
              key === active && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('assessment.workbook.recordPlaceholder')}
                </Typography.Text>
              )
            )}
          </div>
        );
      },
    },
    {
      title: t('assessment.workbook.col.reason'),
      dataIndex: 'reason',
      width: 130,
      render: (reason: string | null, row) => (
        <div className="wb-reason">
          <span title={reason ?? undefined}>{reason ?? ''}</span>
          {editable && row.result && (reason || needsReason(row.result)) && (
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('assessment.workbook.editReason')}
              onClick={() => askReason(row)}
            />
          )}
        </div>
      ),
    },
    {
      title: t('assessment.workbook.col.weight'),
      dataIndex: 'weight',
      width: 48,
      align: 'right',
      render: (w: number | null) => (w === null ? '—' : w.toFixed(1)),
    },
    {
      title: t('assessment.workbook.col.review'),
      dataIndex: 'reviewedBy',
      width: 44,
      align: 'center',
      render: (by: string | null, row) =>
        by ? (
          <Tooltip
            title={t('assessment.workbook.reviewedBy', {
              by,
              at: formatTimestamp(row.reviewedAt),
            })}
          >
            <CheckCircleFilled
              style={{ color: '#52c41a' }}
              aria-label={t('assessment.workbook.col.review')}
            />
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('assessment.workbook.col.evidence'),
      dataIndex: 'evidenceCount',
      width: 52,
      align: 'center',
      render: (count: number, row) => (
        <Button
          type="link"
          size="small"
          icon={<PaperClipOutlined />}
          aria-label={t('assessment.workbook.openEvidence')}
          onClick={() => {
            setActive(rowKey(row));
            setEvidenceRow(row);
          }}
        >
          {count}
        </Button>
      ),
    },
  ];

  if (workbook.isError) return <ApiErrorAlert error={workbook.error} />;
  if (workbook.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (assessment.objects.length === 0) {
    return (
      <Card size="small">
        <Empty description={t('assessment.workbook.noObjects')}>
          <Button type="primary" onClick={onAddObjects}>
            {t('assessment.objects.add')}
          </Button>
        </Empty>
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <CategoryProgress
          progress={progress}
          active={filters.category}
          onSelect={(category) => setFilter({ category: category as CatalogCategory | null })}
        />
      </Card>
      <Card size="small" styles={{ body: { paddingBottom: 8 } }}>
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap size={[12, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space wrap size={[8, 8]}>
              <Input
                allowClear
                prefix={<SearchOutlined />}
                aria-label={t('assessment.workbook.search')}
                placeholder={t('assessment.workbook.searchPlaceholder')}
                value={filters.q}
                onChange={(event) => setFilter({ q: event.target.value })}
                style={{ width: 240 }}
              />
              <Select
                allowClear
                aria-label={t('assessment.workbook.col.category')}
                placeholder={t('assessment.workbook.allCategories')}
                value={filters.category ?? undefined}
                onChange={(category) => setFilter({ category: category ?? null })}
                options={categories.map((c) => ({ value: c, label: t(`catalog.category.${c}`) }))}
                style={{ width: 150 }}
              />
              <Select
                allowClear
                aria-label={t('assessment.workbook.col.object')}
                placeholder={t('assessment.workbook.allObjects')}
                value={filters.objectId ?? undefined}
                onChange={(objectId) => setFilter({ objectId: objectId ?? null })}
                options={assessment.objects.map((o) => ({
                  value: o.id,
                  label: objectLabels.get(o.id) ?? o.name,
                }))}
                popupMatchSelectWidth={false}
                style={{ width: 170 }}
              />
              <Select<ItemResultCode>
                allowClear
                aria-label={t('assessment.workbook.col.result')}
                placeholder={t('assessment.workbook.allResults')}
                value={filters.result ?? undefined}
                onChange={(result) => setFilter({ result: result ?? null, unanswered: false })}
                options={RESULT_KEYS.map((r) => ({
                  value: r,
                  label: t(`assessment.result.${r}`),
                }))}
                style={{ width: 130 }}
              />
              <Checkbox
                checked={filters.unanswered}
                onChange={(event) => setFilter({ unanswered: event.target.checked, result: null })}
              >
                {t('assessment.workbook.onlyUnanswered')}
              </Checkbox>
            </Space>
            <Typography.Text type="secondary" data-testid="workbook-count">
              {t('assessment.workbook.shown', { shown: shown.length, total: rows.length })}
            </Typography.Text>
          </Space>
          {selected.length > 0 && (
            <div className="wb-bulk" role="toolbar" aria-label={t('assessment.workbook.bulk')}>
              <Typography.Text strong>
                {t('assessment.workbook.selected', { count: selected.length })}
              </Typography.Text>
              {editable && (
                <Select<ItemResultCode>
                  size="small"
                  aria-label={t('assessment.workbook.bulkSet')}
                  placeholder={t('assessment.workbook.bulkSet')}
                  value={null}
                  loading={writeMany.isPending}
                  onChange={(result) => bulkSet(result)}
                  options={RESULT_KEYS.map((r) => ({
                    value: r,
                    label: t(`assessment.result.${r}`),
                  }))}
                  style={{ width: 160 }}
                />
              )}
              {canReview && (
                <Button size="small" loading={review.isPending} onClick={bulkReview}>
                  {t('assessment.workbook.review')}
                </Button>
              )}
              <Button size="small" type="link" onClick={() => setSelected([])}>
                {t('assessment.workbook.clearSelection')}
              </Button>
            </div>
          )}
          {bulkError !== null && <ApiErrorAlert error={bulkError} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {editable
              ? t('assessment.workbook.keyboardHint')
              : t('assessment.workbook.readOnlyHint')}
          </Typography.Text>
        </Space>
      </Card>
      <div
        ref={gridRef}
        tabIndex={-1}
        className="wb-grid"
        aria-label={t('assessment.workbook.gridLabel')}
        role="region"
      >
        <Table<WorkbookRowDto>
          ref={tableRef}
          virtual
          size="small"
          bordered
          rowKey={rowKey}
          dataSource={shown}
          columns={columns}
          pagination={false}
          scroll={{ x: GRID_WIDTH, y: GRID_HEIGHT }}
          locale={{ emptyText: t('assessment.workbook.noMatch') }}
          rowClassName={(row) => (rowKey(row) === active ? 'wb-row-active' : '')}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            columnWidth: 36,
          }}
          onRow={(row) => ({
            onClick: (event) => {
              setActive(rowKey(row));
              const target = event.target as HTMLElement;
              if (!target.closest('input, textarea, button, .ant-select, a')) {
                gridRef.current?.focus({ preventScroll: true });
              }
            },
          })}
        />
      </div>
      {!editable && assessment.status === 'completed' && (
        <Alert type="info" showIcon title={t('assessment.completedReadOnly')} />
      )}
      <ReasonModal
        request={reasonRequest}
        onClose={() => {
          setReasonRequest(null);
          gridRef.current?.focus({ preventScroll: true });
        }}
      />
      <ResultNotesModal
        request={notesRequest}
        onClose={() => {
          setNotesRequest(null);
          gridRef.current?.focus({ preventScroll: true });
        }}
      />
      <EvidenceDrawer
        orgId={orgId}
        assessmentId={assessment.id}
        row={evidenceRow ? (byKey.get(rowKey(evidenceRow)) ?? evidenceRow) : null}
        objectName={evidenceRow ? (objectNames.get(evidenceRow.objectId) ?? '') : ''}
        editable={editable}
        onClose={() => setEvidenceRow(null)}
      />
    </Space>
  );
}
