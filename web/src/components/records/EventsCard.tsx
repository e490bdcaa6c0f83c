import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDto, SystemDetailDto } from '../../../../src/shared/api-types';
import { EVENT_KINDS } from '../../lib/record-kinds';
import { useAddEvent } from '../../api/hooks';
import { DATE_FORMAT, todayInBeijing, toIsoDate } from '../../lib/dates';
import { useCan } from '../OrganisationScope';
import { RecordDrawer } from './RecordDrawer';

interface EventValues {
  kind: EventDto['kind'];
  completedOn: Dayjs;
  agency?: string;
  reportNumber?: string;
}

/** Completed assessments (等级测评, 密评, CII risk assessment): they restart the periodic duties. */
export function EventsCard({ orgId, detail }: { orgId: string; detail: SystemDetailDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<EventValues>();
  const add = useAddEvent(orgId, detail.system.id);
  const canWrite = useCan('systems.write');

  return (
    <Card
      size="small"
      role="region"
      aria-label={t('records.events.title')}
      title={t('records.events.title')}
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('records.events.add')}
          </Button>
        )
      }
    >
      <Table<EventDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.events}
        locale={{ emptyText: t('records.events.empty') }}
        columns={[
          {
            title: t('field.kind'),
            dataIndex: 'kind',
            render: (k: EventDto['kind']) => t(`records.events.kind.${k}`),
          },
          { title: t('field.completedOn'), dataIndex: 'completedOn', width: 120 },
          {
            title: t('field.agency'),
            dataIndex: 'agency',
            render: (a: string | null) => a ?? t('common.none'),
          },
          {
            title: t('field.reportNumber'),
            dataIndex: 'reportNumber',
            render: (n: string | null) => n ?? t('common.none'),
          },
        ]}
      />
      <RecordDrawer<EventValues>
        name="event"
        title={t('records.events.add')}
        open={canWrite && open}
        form={form}
        fieldNames={['kind', 'completedOn', 'agency', 'reportNumber']}
        initialValues={{ kind: 'mlps_assessment', completedOn: dayjs(todayInBeijing()) }}
        submitting={add.isPending}
        error={add.error}
        onClose={() => {
          setOpen(false);
          add.reset();
        }}
        onSubmit={(values) =>
          add.mutateAsync({
            kind: values.kind,
            completedOn: toIsoDate(values.completedOn) ?? todayInBeijing(),
            agency: values.agency?.trim() || null,
            reportNumber: values.reportNumber?.trim() || null,
          })
        }
      >
        <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
          <Select
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(`records.events.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="completedOn"
          label={t('field.completedOn')}
          rules={[{ required: true, message: t('records.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="agency" label={t('field.agency')}>
          <Input maxLength={200} placeholder={t('records.events.agencyPlaceholder')} />
        </Form.Item>
        <Form.Item name="reportNumber" label={t('field.reportNumber')}>
          <Input maxLength={100} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </RecordDrawer>
    </Card>
  );
}
