import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemDetailDto } from '../../../../src/shared/api-types';
import { useCan } from '../OrganisationScope';
import type { RecordKind } from './record-kind';
import { AttachmentList } from './AttachmentList';
import { RecordDrawer } from './RecordDrawer';

/**
 * One kind of record kept on a system: a table of the records, and (with `systems.write`) an add
 * button that opens a drawer form. What differs between kinds comes from `kind`.
 */
export function RecordsCard<Row extends { id: string }, Values extends object, Input>({
  orgId,
  detail,
  kind,
}: {
  orgId: string;
  detail: SystemDetailDto;
  kind: RecordKind<Row, Values, Input>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const add = kind.useAdd(orgId, detail.system.id);
  const canWrite = useCan('systems.write');
  const awaitingGrading = kind.requiresGrading && !detail.grading;
  const { FormFields } = kind;

  return (
    <Card
      size="small"
      role="region"
      aria-label={t(`${kind.i18nPrefix}.title`)}
      title={t(`${kind.i18nPrefix}.title`)}
      extra={
        canWrite && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            disabled={awaitingGrading}
          >
            {t(`${kind.i18nPrefix}.add`)}
          </Button>
        )
      }
    >
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={kind.rows(detail)}
        locale={{
          emptyText: awaitingGrading ? t('records.gradeFirst') : t(`${kind.i18nPrefix}.empty`),
        }}
        columns={[
          ...kind.columns(t),
          ...(kind.attachment
            ? [
                {
                  title: t('attachments.column'),
                  key: 'attachments',
                  width: 300,
                  render: (_: unknown, row: Row) => (
                    <AttachmentList
                      systemId={detail.system.id}
                      recordId={row.id}
                      canEdit={canWrite}
                      {...kind.attachment!(row)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <RecordDrawer<Values>
        name={kind.formName}
        title={t(`${kind.i18nPrefix}.add`)}
        open={canWrite && open}
        form={form}
        fieldNames={kind.fieldNames}
        initialValues={kind.initialValues(detail)}
        submitting={add.isPending}
        error={add.error}
        onClose={() => {
          setOpen(false);
          add.reset();
        }}
        onSubmit={(values) => add.mutateAsync(kind.toInput(values))}
      >
        <FormFields form={form} />
      </RecordDrawer>
    </Card>
  );
}
