import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RectificationDto } from '../../../../src/shared/api-types';
import {
  CERTIFICATION_KINDS,
  MAX_AMOUNT,
  MAX_PLAN_LINES,
  MEASURE_KINDS,
  toFen,
  type BudgetLine,
  type CertificationKind,
  type MeasureKind,
  type Product,
} from '../../../../src/shared/rectification-plan-schemas';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';

/** 'auto' = no kind of its own: the plan files it by its security category. */
type MeasureKindChoice = MeasureKind | 'auto';

export interface PlanFormValues {
  measureKind?: MeasureKindChoice;
  measures?: string;
  startDate?: Dayjs | null;
  budgetLines?: { item?: string; amount?: number | null; fundingSource?: string }[];
  products?: {
    name?: string;
    type?: string;
    vendor?: string;
    model?: string;
    quantity?: number | null;
    unitPrice?: number | null;
    certificationKind?: CertificationKind | null;
    certificateNumber?: string;
  }[];
}

/** The form fields that server errors can name (their first path part). */
export const PLAN_FIELDS = ['measureKind', 'measures', 'startDate', 'budgetLines', 'products'];

export function planFormValues(item: RectificationDto): PlanFormValues {
  return {
    measureKind: item.measureKind ?? 'auto',
    measures: item.measures ?? '',
    startDate: fromIsoDate(item.startDate),
    budgetLines: item.budgetLines.map((l) => ({
      item: l.item,
      amount: l.amount,
      fundingSource: l.fundingSource ?? '',
    })),
    products: item.products.map((p) => ({
      name: p.name,
      type: p.type ?? '',
      vendor: p.vendor ?? '',
      model: p.model ?? '',
      quantity: p.quantity,
      unitPrice: p.unitPrice,
      certificationKind: p.certificationKind ?? null,
      certificateNumber: p.certificateNumber ?? '',
    })),
  };
}

const textOrNull = (v: string | undefined) => v?.trim() || null;

/** The PATCH fields of the plan part of the form. */
export function planPatch(v: PlanFormValues) {
  return {
    measureKind: v.measureKind === 'auto' || !v.measureKind ? null : v.measureKind,
    measures: textOrNull(v.measures),
    startDate: toIsoDate(v.startDate),
    budgetLines: (v.budgetLines ?? []).map((l): BudgetLine => ({
      item: l.item?.trim() ?? '',
      amount: l.amount ?? 0,
      fundingSource: textOrNull(l.fundingSource),
    })),
    products: (v.products ?? []).map((p): Product => ({
      name: p.name?.trim() ?? '',
      type: textOrNull(p.type),
      vendor: textOrNull(p.vendor),
      model: textOrNull(p.model),
      quantity: p.quantity ?? 1,
      unitPrice: p.unitPrice ?? 0,
      certificationKind: p.certificationKind ?? null,
      certificateNumber: textOrNull(p.certificateNumber),
    })),
  };
}

/** 12345.6 → 12,345.60 */
const yuan = (fen: number) =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const amountInput = (label: string) => (
  <InputNumber<number>
    aria-label={label}
    min={0}
    max={MAX_AMOUNT}
    precision={2}
    step={100}
    style={{ width: 140 }}
    placeholder={label}
  />
);

/**
 * 整改方案 fields of a rectification item: measure kind, what will be done, start date, budget
 * lines and products (at most {@link MAX_PLAN_LINES} each), with the item's total.
 */
export function RectificationPlanFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<PlanFormValues>();
  const lines = Form.useWatch('budgetLines', form) ?? [];
  const products = Form.useWatch('products', form) ?? [];
  const budgetFen = lines.reduce((s, l) => s + toFen(l?.amount ?? 0), 0);
  const productsFen = products.reduce(
    (s, p) => s + toFen(p?.unitPrice ?? 0) * (p?.quantity ?? 0),
    0,
  );
  const k = (key: string) => t(`assessment.rectificationPlan.${key}`);

  return (
    <>
      <Divider titlePlacement="start">{k('section')}</Divider>
      <Form.Item name="measureKind" label={k('measureKind')} extra={k('measureKindHint')}>
        <Select<MeasureKindChoice>
          aria-label={k('measureKind')}
          options={[
            { value: 'auto', label: k('measureKindAuto') },
            ...MEASURE_KINDS.map((m) => ({ value: m, label: k(`kind.${m}`) })),
          ]}
        />
      </Form.Item>
      <Form.Item name="measures" label={k('measures')} extra={k('measuresHint')}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Form.Item
        name="startDate"
        label={k('startDate')}
        dependencies={['dueDate']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | null | undefined) => {
              const due = getFieldValue('dueDate') as Dayjs | null | undefined;
              return value && due && value.isAfter(due, 'day')
                ? Promise.reject(new Error(k('startAfterDue')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>

      <Typography.Text strong>{k('budgetLines')}</Typography.Text>
      <Form.List name="budgetLines">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map(({ key, name }) => (
              <Space key={key} align="baseline" wrap style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item
                  name={[name, 'item']}
                  rules={[{ required: true, whitespace: true, message: k('itemRequired') }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input
                    aria-label={k('budgetItem')}
                    placeholder={k('budgetItem')}
                    maxLength={200}
                    style={{ width: 200 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[name, 'amount']}
                  rules={[{ required: true, message: k('amountRequired') }]}
                  style={{ marginBottom: 0 }}
                >
                  {amountInput(k('amount'))}
                </Form.Item>
                <Form.Item name={[name, 'fundingSource']} style={{ marginBottom: 0 }}>
                  <Input
                    aria-label={k('fundingSource')}
                    placeholder={k('fundingSource')}
                    maxLength={200}
                    style={{ width: 160 }}
                  />
                </Form.Item>
                <MinusCircleOutlined aria-label={k('remove')} onClick={() => remove(name)} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_PLAN_LINES}
              onClick={() => add({ item: '', amount: null, fundingSource: '' })}
              style={{ marginTop: 8 }}
            >
              {k('addBudgetLine')}
            </Button>
          </>
        )}
      </Form.List>

      <div style={{ marginTop: 16 }}>
        <Typography.Text strong>{k('products')}</Typography.Text>
      </div>
      <Form.List name="products">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map(({ key, name }) => (
              <div
                key={key}
                style={{ borderTop: '1px dashed rgba(5, 5, 5, 0.12)', marginTop: 8, paddingTop: 4 }}
              >
                <Space align="baseline" wrap style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item
                    name={[name, 'name']}
                    rules={[{ required: true, whitespace: true, message: k('nameRequired') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      aria-label={k('productName')}
                      placeholder={k('productName')}
                      maxLength={200}
                      style={{ width: 180 }}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'type']} style={{ marginBottom: 0 }}>
                    <Input
                      aria-label={k('productType')}
                      placeholder={k('productType')}
                      maxLength={100}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'vendor']} style={{ marginBottom: 0 }}>
                    <Input
                      aria-label={k('vendor')}
                      placeholder={k('vendor')}
                      maxLength={200}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'model']} style={{ marginBottom: 0 }}>
                    <Input
                      aria-label={k('model')}
                      placeholder={k('model')}
                      maxLength={200}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={k('remove')} onClick={() => remove(name)} />
                </Space>
                <Space align="baseline" wrap style={{ display: 'flex', marginTop: 4 }}>
                  <Form.Item
                    name={[name, 'quantity']}
                    rules={[{ required: true, message: k('quantityRequired') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber<number>
                      aria-label={k('quantity')}
                      placeholder={k('quantity')}
                      min={1}
                      max={100_000}
                      precision={0}
                      style={{ width: 90 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'unitPrice']}
                    rules={[{ required: true, message: k('amountRequired') }]}
                    style={{ marginBottom: 0 }}
                  >
                    {amountInput(k('unitPrice'))}
                  </Form.Item>
                  <Form.Item name={[name, 'certificationKind']} style={{ marginBottom: 0 }}>
                    <Select<CertificationKind>
                      aria-label={k('certificationKind')}
                      placeholder={k('certificationKind')}
                      allowClear
                      style={{ width: 220 }}
                      options={CERTIFICATION_KINDS.map((c) => ({
                        value: c,
                        label: k(`certification.${c}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'certificateNumber']} style={{ marginBottom: 0 }}>
                    <Input
                      aria-label={k('certificateNumber')}
                      placeholder={k('certificateNumber')}
                      maxLength={100}
                      style={{ width: 180 }}
                    />
                  </Form.Item>
                </Space>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_PLAN_LINES}
              onClick={() => add({ quantity: 1, unitPrice: null, certificationKind: null })}
              style={{ marginTop: 8 }}
            >
              {k('addProduct')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('assessment.rectificationPlan.total', {
          budget: yuan(budgetFen),
          products: yuan(productsFen),
          total: yuan(budgetFen + productsFen),
        })}
      </Typography.Paragraph>
    </>
  );
}
