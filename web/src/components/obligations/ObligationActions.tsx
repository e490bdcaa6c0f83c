import { App, Button, Form, Input, Modal, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ObligationDto } from '../../../../src/shared/api-types';
import { useClearObligationStatus, useSetObligationStatus } from '../../api/hooks';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';

/**
 * Manual overrides of the engine's state: done, or not applicable with a reason (an auditor will
 * ask why), and undo. Obligations the records already satisfy need no action.
 */
export function ObligationActions({
  orgId,
  obligation,
}: {
  orgId: string;
  obligation: ObligationDto;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const setStatus = useSetObligationStatus(orgId);
  const clearStatus = useClearObligationStatus(orgId);
  const [notApplicableOpen, setNotApplicableOpen] = useState(false);
  const [form] = Form.useForm<{ note: string }>();

  // Rectification items close through their own status and re-test, not a manual override.
  if (obligation.ruleId === 'mlps.rectification') {
    return (
      <Link to={`/o/${orgId}/assessments?tab=rectification`}>
        {t('obligation.action.openRectification')}
      </Link>
    );
  }

  if (obligation.manualStatus) {
    return (
      <Space size={4} wrap>
        {obligation.manualStatus.note && (
          <Tooltip title={obligation.manualStatus.note}>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 120 }}>
              {obligation.manualStatus.note}
            </Typography.Text>
          </Tooltip>
        )}
        <Popconfirm
          title={t('obligation.action.undoConfirm')}
          onConfirm={async () => {
            try {
              await clearStatus.mutateAsync(obligation.key);
            } catch (error) {
              message.error(error instanceof Error ? error.message : String(error));
            }
          }}
        >
          <Button size="small" type="link" loading={clearStatus.isPending}>
            {t('obligation.action.undo')}
          </Button>
        </Popconfirm>
      </Space>
    );
  }
  if (obligation.state === 'satisfied') return null;

  const markNotApplicable = async ({ note }: { note: string }) => {
    try {
      await setStatus.mutateAsync({
        key: obligation.key,
        status: 'not_applicable',
        note: note.trim(),
      });
      setNotApplicableOpen(false);
      form.resetFields();
      setStatus.reset();
    } catch (error) {
      applyApiErrorsToForm(form, error, ['note']);
    }
  };

  return (
    <Space size={0} wrap>
      <Popconfirm
        title={t('obligation.action.doneConfirm')}
        description={t('obligation.action.doneHint')}
        onConfirm={async () => {
          try {
            await setStatus.mutateAsync({ key: obligation.key, status: 'done', note: null });
          } catch (error) {
            message.error(error instanceof Error ? error.message : String(error));
          }
        }}
      >
        <Button size="small" type="link">
          {t('obligation.action.done')}
        </Button>
      </Popconfirm>
      <Button size="small" type="link" onClick={() => setNotApplicableOpen(true)}>
        {t('obligation.action.notApplicable')}
      </Button>
      <Modal
        title={t('obligation.action.notApplicableTitle', {
          title: pick(i18n.language, obligation.titleZh, obligation.titleEn),
        })}
        open={notApplicableOpen}
        okText={t('common.save')}
        confirmLoading={setStatus.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setNotApplicableOpen(false);
          setStatus.reset();
        }}
        destroyOnHidden
      >
        <ApiErrorAlert error={setStatus.error} style={{ marginBottom: 16 }} />
        <Form name="not-applicable" form={form} layout="vertical" onFinish={markNotApplicable}>
          <Form.Item
            name="note"
            label={t('obligation.action.notApplicableReason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('obligation.action.notApplicableReasonRequired'),
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={4000}
              placeholder={t('obligation.action.notApplicablePlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
