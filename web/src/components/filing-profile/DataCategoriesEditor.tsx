/**
 * 数据摸底调查表: one row per data category (name, volume, individuals, importance, where it is
 * stored, whether it crosses the border and to where, the grading objects that hold it).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Switch, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATA_IMPORTANCE } from '../../../../src/shared/filing-profile';

const NAME = ['filingProfile', 'dataCategories'] as const;

/** A fresh row: importance 一般 and no border crossing until the user says otherwise. */
export const BLANK_DATA_CATEGORY = {
  name: '',
  volume: '',
  individuals: null,
  importance: 'general',
  location: '',
  crossBorder: false,
  crossBorderDestinations: [],
  systems: [],
  note: null,
};

export function DataCategoriesEditor({ systemNames }: { systemNames: string[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Form.List name={[...NAME]}>
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            data-testid="data-categories"
            scroll={{ x: 1370 }}
            locale={{ emptyText: t('filingProfile.data.empty') }}
            columns={[
              {
                title: t('filingProfile.data.name'),
                width: 180,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={required(t('filingProfile.data.nameRequired'))}
                    style={{ margin: 0 }}
                  >
                    <Input
                      maxLength={200}
                      aria-label={t('filingProfile.data.name')}
                      placeholder={t('filingProfile.data.namePlaceholder')}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('filingProfile.data.volume'),
                width: 130,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'volume']}
                    rules={required(t('filingProfile.data.volumeRequired'))}
                    style={{ margin: 0 }}
                  >
                    <Input
                      maxLength={100}
                      aria-label={t('filingProfile.data.volume')}
                      placeholder={t('filingProfile.data.volumePlaceholder')}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('filingProfile.data.individuals'),
                width: 130,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'individuals']} style={{ margin: 0 }}>
                    <InputNumber
                      min={0}
                      max={2_000_000_000}
                      precision={0}
                      aria-label={t('filingProfile.data.individuals')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('filingProfile.data.importance'),
                width: 130,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'importance']} style={{ margin: 0 }}>
                    <Select
                      aria-label={t('filingProfile.data.importance')}
                      options={DATA_IMPORTANCE.map((value) => ({
                        value,
                        label: t(`filingProfile.data.importanceValue.${value}`),
                      }))}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('filingProfile.data.location'),
                width: 160,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'location']}
                    rules={required(t('filingProfile.data.locationRequired'))}
                    style={{ margin: 0 }}
                  >
                    <Input
                      maxLength={200}
                      aria-label={t('filingProfile.data.location')}
                      placeholder={t('filingProfile.data.locationPlaceholder')}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('filingProfile.data.crossBorder'),
                width: 80,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'crossBorder']}
                    valuePropName="checked"
                    style={{ margin: 0 }}
                  >
                    <Switch
                      aria-label={t('filingProfile.data.crossBorder')}
                      checkedChildren={t('common.yes')}
                      unCheckedChildren={t('common.no')}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('filingProfile.data.destinations'),
                width: 180,
                render: (_, field) => (
                  <Form.Item
                    noStyle
                    shouldUpdate={(a, b) =>
                      crossesBorder(a, field.name) !== crossesBorder(b, field.name)
                    }
                  >
                    {() => {
                      const crosses = crossesBorder(form.getFieldsValue(true), field.name);
                      return (
                        <Form.Item
                          name={[field.name, 'crossBorderDestinations']}
                          rules={
                            crosses
                              ? [
                                  {
                                    required: true,
                                    type: 'array',
                                    min: 1,
                                    message: t('filingProfile.data.destinationsRequired'),
                                  },
                                ]
                              : []
                          }
                          style={{ margin: 0 }}
                        >
                          <Select
                            mode="tags"
                            disabled={!crosses}
                            aria-label={t('filingProfile.data.destinations')}
                            placeholder={crosses ? t('filingProfile.data.destinationsHint') : ''}
                            open={false}
                            tokenSeparators={[',', '，', '、']}
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                ),
              },
              {
                title: t('filingProfile.data.systems'),
                width: 260,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'systems']} style={{ margin: 0 }}>
                    <Select
                      mode="tags"
                      aria-label={t('filingProfile.data.systems')}
                      options={systemNames.map((name) => ({ value: name, label: name }))}
                      tokenSeparators={[',', '，', '、']}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('common.actions'),
                width: 80,
                fixed: 'right',
                render: (_, field) => (
                  <Tooltip title={t('filingProfile.data.remove')}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('filingProfile.data.remove')}
                      onClick={() => remove(field.name)}
                    />
                  </Tooltip>
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ ...BLANK_DATA_CATEGORY })}
            style={{ marginTop: 8 }}
          >
            {t('filingProfile.data.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function crossesBorder(values: unknown, index: number): boolean {
  const rows = (values as { filingProfile?: { dataCategories?: { crossBorder?: boolean }[] } })
    ?.filingProfile?.dataCategories;
  return rows?.[index]?.crossBorder === true;
}
