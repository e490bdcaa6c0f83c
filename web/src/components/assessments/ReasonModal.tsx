import { Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemResultCode } from '../../../../src/shared/api-types';

export interface ReasonRequest {
  result: ItemResultCode;
  /** Rows the reason is for (1 = a single row). */
  count: number;
  initial: string;
  onSubmit: (reason: string) => void;
}

/** 原因说明: 部分符合 and 不适用 must say why; asked before anything is saved. */
export function ReasonModal({
  request,
  onClose,
}: {
  request: ReasonRequest | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  useEffect(() => {
    if (request) setText(request.initial);
  }, [request]);
  const ok = () => {
    if (!request || !text.trim()) return;
    request.onSubmit(text.trim());
    onClose();
  };
  return (
    <Modal
      open={request !== null}
      title={
        request
          ? t('assessment.reason.title', { result: t(`assessment.result.${request.result}`) })
          : ''
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !text.trim() }}
      onOk={ok}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {request && request.count > 1
          ? t('assessment.reason.hintMany', { count: request.count })
          : t('assessment.reason.hint')}
      </Typography.Paragraph>
      <Input.TextArea
        autoFocus
        aria-label={t('assessment.workbook.col.reason')}
        rows={3}
        maxLength={1000}
        showCount
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            ok();
          }
        }}
        placeholder={t('assessment.reason.placeholder')}
      />
    </Modal>
  );
}
