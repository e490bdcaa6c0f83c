import { AuditOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordDetermination } from '../../api/cii-hooks';
import { ApiErrorAlert } from '../ApiErrorAlert';

/** 记录本次边界认定: snapshots the computed boundary (with an optional note) as a determination. */
export function RecordDeterminationButton({
  orgId,
  businessId,
  insideCount,
  primary,
}: {
  orgId: string;
  businessId: string;
  insideCount: number;
  primary: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordDetermination(orgId, businessId);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');

  const close = () => {
    setOpen(false);
    setNote('');
    record.reset();
  };

  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        icon={<AuditOutlined />}
        onClick={() => setOpen(true)}
      >
        {t('cii.determination.record')}
      </Button>
      <Modal
        open={open}
        title={t('cii.determination.record')}
        okText={t('cii.determination.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={record.isPending}
        onCancel={close}
        onOk={async () => {
          try {
            await record.mutateAsync(note.trim() || null);
          } catch {
            return;
          }
          close();
          message.success(t('cii.determination.recorded'));
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('cii.determination.hint', { count: insideCount })}
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('cii.determination.note')} htmlFor="cii-determination-note">
            <Input.TextArea
              id="cii-determination-note"
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('cii.determination.notePlaceholder')}
            />
          </Form.Item>
        </Form>
        <ApiErrorAlert error={record.error} />
      </Modal>
    </>
  );
}
