import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingDto, SystemDetailDto } from '../../../../src/shared/api-types';
import { PROTECTION_LEVELS, type ProtectionLevel } from '../../../../src/shared/mlps';
import { useAddFiling } from '../../api/hooks';
import { DATE_FORMAT, todayInBeijing, toIsoDate } from '../../lib/dates';
import { LevelTag } from '../LevelTag';
import { useCan } from '../OrganisationScope';
import { RecordDrawer } from './RecordDrawer';

interface FilingValues {
  filedOn: Dayjs;
  bureau: string;
  certificateNumber?: string;
  level: ProtectionLevel;
}

/** 备案 with public security, with the 备案证明 number. */
export function FilingsCard({ orgId, detail }: { orgId: string; detail: SystemDetailDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FilingValues>();
  const add = useAddFiling(orgId, detail.system.id);
  const canWrite = useCan('systems.write');

  return (
    <Card
      size="small"
      role="region"
      aria-label={t('records.filings.title')}
      title={t('records.filings.title')}
      extra={
        canWrite && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            disabled={!detail.grading}
          >
            {t('records.filings.add')}
          </Button>
        )
      }
    >
      <Table<FilingDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.filings}
        locale={{
          emptyText: detail.grading ? t('records.filings.empty') : t('records.gradeFirst'),
        }}
        columns={[
          { title: t('field.filedOn'), dataIndex: 'filedOn', width: 120 },
          { title: t('field.bureau'), dataIndex: 'bureau' },
          {
            title: t('field.certificateNumber'),
            dataIndex: 'certificateNumber',
            render: (n: string | null) => n ?? t('common.none'),
          },
          {
            title: t('field.level'),
            dataIndex: 'level',
            width: 100,
            render: (l: ProtectionLevel) => <LevelTag level={l} />,
          },
        ]}
      />
      <RecordDrawer<FilingValues>
        name="filing"
        title={t('records.filings.add')}
        open={canWrite && open}
        form={form}
        fieldNames={['filedOn', 'bureau', 'certificateNumber', 'level']}
        initialValues={{
          filedOn: dayjs(todayInBeijing()),
          level: detail.system.level ?? undefined,
        }}
        submitting={add.isPending}
        error={add.error}
        onClose={() => {
          setOpen(false);
          add.reset();
        }}
        onSubmit={(values) =>
          add.mutateAsync({
            filedOn: toIsoDate(values.filedOn) ?? todayInBeijing(),
            bureau: values.bureau.trim(),
            certificateNumber: values.certificateNumber?.trim() || null,
            level: values.level,
          })
        }
      >
        <Form.Item
          name="filedOn"
          label={t('field.filedOn')}
          rules={[{ required: true, message: t('records.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="bureau"
          label={t('field.bureau')}
          rules={[
            { required: true, whitespace: true, message: t('records.filings.bureauRequired') },
          ]}
        >
          <Input maxLength={200} placeholder={t('records.filings.bureauPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="certificateNumber"
          label={t('field.certificateNumber')}
          extra={t('records.filings.certificateHint')}
        >
          <Input maxLength={100} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('records.filings.level')}
          rules={[{ required: true, message: t('records.levelRequired') }]}
        >
          <Select
            style={{ width: 240 }}
            options={PROTECTION_LEVELS.map((l) => ({ value: l, label: t(`level.full.${l}`) }))}
          />
        </Form.Item>
      </RecordDrawer>
    </Card>
  );
}
