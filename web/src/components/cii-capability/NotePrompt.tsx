import { Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemResult } from '../../../../src/shared/assessment-vocabulary';
import { pick } from '../../lib/language';

export interface NoteRequest {
  /** The rows lacking a note, each with its result. */
  rows: readonly { requirementId: string; title: { zh: string; en: string }; result: ItemResult }[];
  /** One note for all rows (a bulk change) instead of one per row. */
  shared: boolean;
  onSubmit: (notes: ReadonlyMap<string, string>) => void;
  onCancel?: () => void;
}

/** 说明原因: 部分符合 and 不适用 must say why; asked before anything is saved. */
export function NotePrompt({
  request,
  onClose,
}: {
  request: NoteRequest | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [notes, setNotes] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (request) setNotes(new Map());
  }, [request]);

  const rows = request?.rows ?? [];
  const keys = request?.shared ? ['*'] : rows.map((r) => r.requirementId);
  const filled = keys.every((key) => notes.get(key)?.trim());
  const ok = () => {
    if (!request || !filled) return;
    const answer = new Map(
      rows.map((r) => [
        r.requirementId,
        (notes.get(request.shared ? '*' : r.requirementId) ?? '').trim(),
      ]),
    );
    request.onSubmit(answer);
    onClose();
  };
  const cancel = () => {
    request?.onCancel?.();
    onClose();
  };
  const field = (key: string, label: string, autoFocus: boolean) => (
    <Form.Item key={key} label={label} required style={{ marginBottom: 12 }}>
      <Input.TextArea
        autoFocus={autoFocus}
        aria-label={label}
        rows={2}
        maxLength={4000}
        value={notes.get(key) ?? ''}
        onChange={(event) => setNotes((n) => new Map(n).set(key, event.target.value))}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            ok();
          }
        }}
        placeholder={t('ciiCapability.note.placeholder')}
      />
    </Form.Item>
  );
  const resultLabel = (r: ItemResult) => t(`assessment.result.${r}`);

  return (
    <Modal
      open={request !== null}
      title={t('ciiCapability.note.title')}
      okText={t('ciiCapability.note.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !filled }}
      onOk={ok}
      onCancel={cancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {request?.shared
          ? t('ciiCapability.note.hintMany', { count: rows.length })
          : t('ciiCapability.note.hint')}
      </Typography.Paragraph>
      <Form layout="vertical">
        {request?.shared
          ? field('*', t('ciiCapability.grid.note'), true)
          : rows.map((r, i) =>
              field(
                r.requirementId,
                `${r.requirementId} ${pick(i18n.language, r.title.zh, r.title.en)}（${resultLabel(r.result)}）`,
                i === 0,
              ),
            )}
      </Form>
    </Modal>
  );
}
