import { Form, Input, Modal, Typography } from 'antd';
import { useEffect, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemResultCode } from '../../../../src/shared/api-types';
import { RESULTS_NEEDING_REASON, RESULTS_NEEDING_RECORD } from '../../lib/assessment-vocabulary';

export interface ResultNotes {
  record: string;
  /** null when the result needs no reason (or the rows keep their own). */
  reason: string | null;
}

export interface ResultNotesRequest {
  result: ItemResultCode;
  /** Rows the notes are for (1 = a single row). */
  count: number;
  record: string;
  reason: string;
  /** Ask for the reason too (部分符合/不适用 without one). */
  askReason: boolean;
  onSubmit: (notes: ResultNotes) => void;
}

/** Whether a result must say what was seen (结果记录), as the server's ResultInputSchema. */
export const needsRecord = (result: ItemResultCode) => RESULTS_NEEDING_RECORD.includes(result);
/** Whether a result must give a reason (原因说明), as the server's ResultInputSchema. */
export const needsReasonFor = (result: ItemResultCode) => RESULTS_NEEDING_REASON.includes(result);

/**
 * 结果记录: 不符合 and 部分符合 must say what was seen (a finding is built from it), and 部分符合
 * why; asked before anything is saved, so the server never has to refuse it.
 */
export function ResultNotesModal({
  request,
  onClose,
}: {
  request: ResultNotesRequest | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ record: string; reason?: string }>();
  useEffect(() => {
    if (request) form.setFieldsValue({ record: request.record, reason: request.reason });
  }, [request, form]);
  const result = request ? t(`assessment.result.${request.result}`) : '';

  const submit = (values: { record: string; reason?: string }) => {
    if (!request) return;
    request.onSubmit({
      record: values.record.trim(),
      reason: request.askReason ? (values.reason?.trim() ?? null) : null,
    });
    onClose();
  };
  const submitOnEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      form.submit();
    }
  };

  return (
    <Modal
      open={request !== null}
      title={t('assessment.notes.title', { result })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {request && request.count > 1
          ? t('assessment.notes.hintMany', { count: request.count })
          : t('assessment.notes.hint', { result })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="record"
          label={t('assessment.workbook.col.record')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('assessment.notes.recordRequired', { result }),
            },
          ]}
        >
          <Input.TextArea
            autoFocus
            aria-label={t('assessment.workbook.col.record')}
            rows={3}
            maxLength={4000}
            showCount
            placeholder={t('assessment.notes.recordPlaceholder')}
            onKeyDown={request?.askReason ? undefined : submitOnEnter}
          />
        </Form.Item>
        {request?.askReason && (
          <Form.Item
            name="reason"
            label={t('assessment.workbook.col.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('assessment.notes.reasonRequired', { result }),
              },
            ]}
          >
            <Input.TextArea
              aria-label={t('assessment.workbook.col.reason')}
              rows={2}
              maxLength={1000}
              showCount
              placeholder={t('assessment.reason.placeholder')}
              onKeyDown={submitOnEnter}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
