import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, InputNumber, Popconfirm, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TransferBatchInputSchema } from '../../../../src/shared/privacy-schemas';
import type { ActivityView, TransferBatchView } from '../../api/privacy-client';
import {
  useCreateTransferBatch,
  useDeleteTransferBatch,
  useTransferBatches,
} from '../../api/privacy-hooks';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { zodProblems } from './form-errors';

/**
 * 出境批次: the dated batches of the activity's transfers abroad (summed since 1 January by the
 * path engine). Batches name a transfer saved on the activity; each is added or removed alone.
 */
export function BatchesTable({
  orgId,
  activity,
  canWrite,
}: {
  orgId: string;
  activity: ActivityView;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const batches = useTransferBatches(orgId, activity.id);
  const create = useCreateTransferBatch(orgId, activity.id);
  const remove = useDeleteTransferBatch(orgId);
  const [transferKey, setTransferKey] = useState<string | undefined>(activity.transfers[0]?.key);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [individuals, setIndividuals] = useState<number | null>(null);
  const [sensitive, setSensitive] = useState<number | null>(0);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async () => {
    const body = {
      transferKey: transferKey ?? '',
      transferredOn: toIsoDate(date) ?? '',
      individuals: individuals ?? -1,
      sensitiveIndividuals: sensitive ?? 0,
    };
    const checked = TransferBatchInputSchema.safeParse(body);
    if (!checked.success) {
      setProblem(
        zodProblems(checked.error, i18n.language)
          .map(
            (p) =>
              `${t(`privacy.batch.field.${String(p.name[0])}`, { defaultValue: String(p.name[0]) })}: ${p.message}`,
          )
          .join('；'),
      );
      return;
    }
    setProblem(null);
    await create.mutateAsync(checked.data).then(
      () => {
        setDate(null);
        setIndividuals(null);
        setSensitive(0);
        create.reset();
      },
      () => undefined,
    );
  };

  if (activity.transfers.length === 0)
    return <Typography.Text type="secondary">{t('privacy.batch.noTransfers')}</Typography.Text>;

  return (
    <div data-testid="privacy-batches">
      <Table<TransferBatchView>
        rowKey="id"
        size="small"
        loading={batches.isPending}
        dataSource={batches.data ?? []}
        pagination={(batches.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('privacy.batch.empty') }}
        columns={[
          { title: t('privacy.batch.field.transferredOn'), dataIndex: 'transferredOn', width: 120 },
          { title: t('privacy.batch.field.transferKey'), dataIndex: 'transferKey', width: 110 },
          {
            title: t('privacy.batch.field.individuals'),
            dataIndex: 'individuals',
            align: 'right',
            render: (n: number) => t('privacy.people', { count: n, n: n.toLocaleString() }),
          },
          {
            title: t('privacy.batch.field.sensitiveIndividuals'),
            dataIndex: 'sensitiveIndividuals',
            align: 'right',
            render: (n: number) => t('privacy.people', { count: n, n: n.toLocaleString() }),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 70,
                  render: (_: unknown, b: TransferBatchView) => (
                    <Popconfirm
                      title={t('privacy.batch.confirmDelete')}
                      onConfirm={() => remove.mutateAsync(b.id).catch(() => undefined)}
                    >
                      <Button
                        type="text"
                        danger
                        size="small"
                        aria-label={`${t('privacy.batch.delete')} ${b.transferredOn}`}
                        icon={<DeleteOutlined />}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite && (
        <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('privacy.batch.field.transferKey')}
            value={transferKey}
            onChange={setTransferKey}
            style={{ width: 120 }}
            options={activity.transfers.map((tr) => ({ value: tr.key, label: tr.key }))}
          />
          <DatePicker
            aria-label={t('privacy.batch.field.transferredOn')}
            placeholder={t('privacy.batch.field.transferredOn')}
            format={DATE_FORMAT}
            value={date}
            onChange={setDate}
          />
          <InputNumber
            aria-label={t('privacy.batch.field.individuals')}
            placeholder={t('privacy.batch.field.individuals')}
            min={0}
            precision={0}
            value={individuals}
            onChange={setIndividuals}
            style={{ width: 150 }}
          />
          <InputNumber
            aria-label={t('privacy.batch.field.sensitiveIndividuals')}
            placeholder={t('privacy.batch.field.sensitiveIndividuals')}
            min={0}
            precision={0}
            value={sensitive}
            onChange={setSensitive}
            style={{ width: 150 }}
          />
          <Button
            icon={<PlusOutlined />}
            loading={create.isPending}
            onClick={() => void add()}
            disabled={false}
          >
            {t('privacy.batch.add')}
          </Button>
        </Flex>
      )}
      {problem && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }}>
          {problem}
        </Typography.Text>
      )}
      <ApiErrorAlert error={create.error ?? remove.error} style={{ marginTop: 8 }} />
    </div>
  );
}
