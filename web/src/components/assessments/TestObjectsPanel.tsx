import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Tree,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AssessmentDto,
  BaselineDto,
  CatalogCategory,
  TestObjectDto,
} from '../../../../src/shared/api-types';
import type {
  TestObjectAttributesInput,
  TestObjectInput,
} from '../../../../src/shared/assessment-schemas';
import {
  DATA_CLASSES,
  DEFAULT_SCOPE_BY_OBJECT_KIND,
  isIpAddress,
  OBJECT_GROUPS,
  OBJECT_IMPORTANCE,
  objectCovers,
  objectGroupOf,
  objectKindLabel,
  WHOLE_OBJECT_KIND_BY_CATEGORY,
  type DataClass,
  type ObjectImportance,
  type TestObjectKind,
} from '../../lib/assessment-vocabulary';
import {
  isScopeDropsResults,
  isVersionConflict,
  useAddTestObject,
  useAssessmentBaseline,
  usePatchTestObject,
  useRemoveTestObject,
} from '../../api/assessment-hooks';
import { ApiRequestError } from '../../api/client';
import { applyApiErrorsToForm, errorMessage } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';
import type { AssessmentPanelProps } from './panel-props';

const FIELDS = ['name', 'kind', 'description', 'attributes', 'controlPoints'];
const MAX_IP_ADDRESSES = 64;
const CATEGORY_ORDER: readonly CatalogCategory[] = [
  'PES',
  'CNS',
  'ABS',
  'CES',
  'SMC',
  'PSS',
  'ORS',
  'HRS',
  'CMS',
  'MMS',
];
/** Categories the 添加整体对象 buttons answer, with the kind they add. */
const QUICK_KINDS: Readonly<Record<string, TestObjectKind>> = {
  PES: 'machine_room',
  ...WHOLE_OBJECT_KIND_BY_CATEGORY,
};

interface FormValues {
  name: string;
  kind: TestObjectKind;
  description?: string;
  ipAddresses?: string[];
  os?: string;
  version?: string;
  model?: string;
  vendor?: string;
  location?: string;
  role?: string;
  importance?: ObjectImportance | null;
  dataClass?: DataClass | null;
}

/** One control point of the baseline, with its clause at the assessment's level. */
interface ControlPointEntry {
  id: string;
  category: CatalogCategory;
  clause: string;
  title: { zh: string; en: string };
  items: number;
}

/** The baseline's control points, in category order (a control point's items counted). */
function controlPointsOf(baseline: BaselineDto | undefined): ControlPointEntry[] {
  const byId = new Map<string, ControlPointEntry>();
  for (const item of baseline?.items ?? []) {
    const entry = byId.get(item.controlPointId);
    if (entry) entry.items += 1;
    else
      byId.set(item.controlPointId, {
        id: item.controlPointId,
        category: item.category,
        clause: item.clause.split(' ')[0] ?? item.controlPointId,
        title: item.controlPointTitle,
        items: 1,
      });
  }
  return [...byId.values()].sort(
    (a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category),
  );
}

/** Requirement items of the baseline an object with this scope answers. */
function countItems(
  baseline: BaselineDto | undefined,
  kind: TestObjectKind,
  controlPoints: readonly string[] | null,
): number | null {
  if (!baseline) return null;
  return baseline.items.filter((i) => objectCovers({ kind, controlPoints }, i)).length;
}

const trimmed = (value: string | undefined) => value?.trim() || null;

/** A value with a second one below it in grey (型号 over 厂商, 用途 over 位置). */
function twoLines(first: string | null, second: string | null, empty: ReactNode): ReactNode {
  if (!first && !second) return empty;
  return (
    <Space orientation="vertical" size={0}>
      {first && <span>{first}</span>}
      {second && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {second}
        </Typography.Text>
      )}
    </Space>
  );
}

/** 测评对象: what is tested, laid out as assessors do, each with its own requirement set. */
export function TestObjectsPanel({ orgId, assessment, editable }: AssessmentPanelProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const add = useAddTestObject(orgId, assessment.id);
  const patch = usePatchTestObject(orgId, assessment.id);
  const remove = useRemoveTestObject(orgId, assessment.id);
  const baseline = useAssessmentBaseline(assessment, true);
  const [editing, setEditing] = useState<TestObjectDto | 'new' | null>(null);
  const mutation = editing === 'new' ? add : patch;
  const text = (v: { zh: string; en: string }) => (i18n.language === 'en' ? v.en : v.zh);
  const controlPoints = useMemo(() => controlPointsOf(baseline.data), [baseline.data]);

  const close = () => {
    setEditing(null);
    add.reset();
    patch.reset();
  };

  const groups = OBJECT_GROUPS.map((g) => ({
    ...g,
    objects: assessment.objects.filter((o) => objectGroupOf(o.kind) === g.key),
  })).filter((g) => g.objects.length > 0);

  return (
    <Card
      size="small"
      title={t('assessment.objects.title')}
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('assessment.objects.add')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('assessment.objects.hint')}</Typography.Text>
        <UncoveredAlert
          orgId={orgId}
          assessment={assessment}
          editable={editable}
          controlPoints={controlPoints}
        />
        {remove.isError && <ApiErrorAlert error={remove.error} />}
        {groups.length === 0 && <Empty description={t('assessment.objects.empty')} />}
        {groups.map((g) => (
          <div key={g.key} data-testid={`object-group-${g.key}`}>
            <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
              {t(`assessment.objectGroup.${g.key}`)}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
                {t('assessment.countObjects', { count: g.objects.length })}
              </Typography.Text>
            </Typography.Title>
            <ObjectTable
              objects={g.objects}
              group={g.key}
              editable={editable}
              onEdit={setEditing}
              onRemove={async (o) => {
                await remove.mutateAsync(o.id).catch(() => undefined);
              }}
            />
          </div>
        ))}
      </Space>
      <TestObjectDrawer
        object={editing}
        baseline={baseline.data}
        baselineError={baseline.error}
        controlPoints={controlPoints}
        submitting={mutation.isPending}
        error={mutation.error}
        text={text}
        onClose={close}
        onSubmit={async (input, discardResults) => {
          try {
            if (editing === 'new') await add.mutateAsync(input);
            else if (editing)
              await patch.mutateAsync({
                ...input,
                objectId: editing.id,
                version: editing.version,
                ...(discardResults ? { discardResults: true } : {}),
              });
          } catch (error) {
            if (isVersionConflict(error)) message.warning(t('assessment.versionConflict'));
            return;
          }
          close();
          message.success(t('assessment.objects.saved'));
        }}
      />
    </Card>
  );
}

function ObjectTable({
  objects,
  group,
  editable,
  onEdit,
  onRemove,
}: {
  objects: TestObjectDto[];
  group: string;
  editable: boolean;
  onEdit: (o: TestObjectDto) => void;
  onRemove: (o: TestObjectDto) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const technical = group === 'overall' || group === 'devices';
  const columns: ColumnsType<TestObjectDto> = [
    {
      title: t('assessment.objects.name'),
      dataIndex: 'name',
      render: (name: string, o) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {o.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('assessment.objects.kind'),
      dataIndex: 'kind',
      width: 132,
      render: (kind: string, o) => (
        <Space size={[0, 4]} wrap>
          <span>{objectKindLabel(kind, i18n.language)}</span>
          {o.attributes.dataClass && (
            <Tag>{t(`assessment.dataClass.${o.attributes.dataClass}`)}</Tag>
          )}
        </Space>
      ),
    },
    ...(technical
      ? ([
          {
            title: t('assessment.objects.ipAddresses'),
            key: 'ip',
            width: 128,
            render: (_, o) =>
              o.attributes.ipAddresses.length === 0 ? (
                dash
              ) : (
                <Space orientation="vertical" size={0} data-testid="object-ip">
                  {o.attributes.ipAddresses.map((ip) => (
                    <Typography.Text key={ip} code style={{ fontSize: 12 }}>
                      {ip}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
          {
            title: t('assessment.objects.osVersion'),
            key: 'os',
            width: 136,
            render: (_, o) =>
              o.attributes.os || o.attributes.version
                ? [o.attributes.os, o.attributes.version].filter(Boolean).join(' ')
                : dash,
          },
          {
            title: t('assessment.objects.modelVendor'),
            key: 'model',
            width: 120,
            render: (_, o) => twoLines(o.attributes.model, o.attributes.vendor, dash),
          },
        ] satisfies ColumnsType<TestObjectDto>)
      : []),
    {
      title: t('assessment.objects.roleLocation'),
      key: 'role',
      width: technical ? 136 : 200,
      render: (_, o) => twoLines(o.attributes.role, o.attributes.location, dash),
    },
    {
      title: t('assessment.objects.importance'),
      key: 'importance',
      width: 88,
      render: (_, o) =>
        o.attributes.importance ? (
          <Tag color={o.attributes.importance === 'key' ? 'red' : undefined}>
            {t(`assessment.importance.${o.attributes.importance}`)}
          </Tag>
        ) : (
          dash
        ),
    },
    {
      title: t('assessment.objects.requirementCount'),
      dataIndex: 'requirementCount',
      width: 96,
      align: 'right',
      render: (count: number, o) => (
        <Space size={4} data-testid="object-requirement-count">
          {o.controlPoints !== null && <Tag color="blue">{t('assessment.objects.custom')}</Tag>}
          <span>{t('assessment.countItems', { count })}</span>
        </Space>
      ),
    },
  ];
  if (editable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 76,
      render: (_, o) => (
        <Space size={0}>
          <Tooltip title={t('assessment.objects.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('assessment.objects.edit')}
              onClick={() => onEdit(o)}
            />
          </Tooltip>
          <Popconfirm
            title={t('assessment.objects.deleteConfirm', { name: o.name })}
            description={t('assessment.objects.deleteHint')}
            okButtonProps={{ danger: true }}
            okText={t('assessment.objects.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() => onRemove(o)}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('assessment.objects.delete')}
            />
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <Table<TestObjectDto>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={objects}
      columns={columns}
      tableLayout="fixed"
    />
  );
}

/** 以下控制点尚无测评对象: untested control points, with one-click whole-network objects. */
function UncoveredAlert({
  orgId,
  assessment,
  editable,
  controlPoints,
}: {
  orgId: string;
  assessment: AssessmentDto;
  editable: boolean;
  controlPoints: readonly ControlPointEntry[];
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const add = useAddTestObject(orgId, assessment.id);
  const [adding, setAdding] = useState<string | null>(null);
  const byId = useMemo(() => new Map(controlPoints.map((c) => [c.id, c])), [controlPoints]);
  const uncovered = assessment.uncovered;
  if (uncovered.length === 0) return null;
  const text = (v: { zh: string; en: string }) => (i18n.language === 'en' ? v.en : v.zh);
  const quick = uncovered.flatMap((u) => {
    const kind = QUICK_KINDS[u.category];
    return kind ? [{ category: u.category, kind }] : [];
  });
  const addWhole = async (category: string, kind: TestObjectKind) => {
    setAdding(category);
    try {
      await add.mutateAsync({ name: t(`assessment.objects.wholeName.${kind}`), kind });
      message.success(t('assessment.objects.saved'));
    } catch {
      // The error shows below.
    } finally {
      setAdding(null);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="uncovered-alert"
      title={t('assessment.objects.uncovered')}
      description={
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {uncovered.map((u) => (
              <li key={u.category} data-testid={`uncovered-${u.category}`}>
                <Typography.Text strong>{t(`catalog.category.${u.category}`)}</Typography.Text>
                {t('common.labelSeparator')}
                {u.controlPointIds
                  .map((id) => {
                    const cp = byId.get(id);
                    return cp ? `${cp.clause} ${text(cp.title)}` : id;
                  })
                  .join(t('common.listSeparator'))}
              </li>
            ))}
          </ul>
          {editable && quick.length > 0 && (
            <Space wrap>
              {quick.map(({ category, kind }) => (
                <Button
                  key={category}
                  size="small"
                  icon={<PlusOutlined />}
                  loading={adding === category}
                  disabled={adding !== null && adding !== category}
                  onClick={() => void addWhole(category, kind)}
                >
                  {t('assessment.objects.addWhole', {
                    name: t(`assessment.objects.wholeName.${kind}`),
                  })}
                </Button>
              ))}
            </Space>
          )}
          {add.isError && <ApiErrorAlert error={add.error} />}
        </Space>
      }
    />
  );
}

function TestObjectDrawer({
  object,
  baseline,
  baselineError,
  controlPoints,
  submitting,
  error,
  text,
  onClose,
  onSubmit,
}: {
  object: TestObjectDto | 'new' | null;
  baseline: BaselineDto | undefined;
  baselineError: unknown;
  controlPoints: readonly ControlPointEntry[];
  submitting: boolean;
  error: unknown;
  text: (v: { zh: string; en: string }) => string;
  onClose: () => void;
  onSubmit: (input: TestObjectInput, discardResults: boolean) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const open = object !== null;
  const kind = Form.useWatch('kind', form) as TestObjectKind | undefined;
  const [custom, setCustom] = useState(false);
  const [checked, setChecked] = useState<string[]>([]);
  const [scopeError, setScopeError] = useState<string | null>(null);
  const lastInput = useRef<TestObjectInput | null>(null);

  useEffect(() => {
    if (!object) return;
    setScopeError(null);
    if (object === 'new') {
      form.resetFields();
      setCustom(false);
      setChecked([]);
      return;
    }
    const a = object.attributes;
    form.setFieldsValue({
      name: object.name,
      kind: object.kind as TestObjectKind,
      description: object.description ?? '',
      ipAddresses: a.ipAddresses,
      os: a.os ?? '',
      version: a.version ?? '',
      model: a.model ?? '',
      vendor: a.vendor ?? '',
      location: a.location ?? '',
      role: a.role ?? '',
      importance: a.importance,
      dataClass: a.dataClass,
    });
    setCustom(object.controlPoints !== null);
    setChecked(object.controlPoints ?? []);
  }, [object, form]);

  useEffect(() => {
    if (error && !isScopeDropsResults(error)) applyApiErrorsToForm(form, error, FIELDS);
  }, [error, form]);

  /** The kind's default control points (what 自定义 starts from). */
  const defaultPoints = (k: TestObjectKind | undefined) =>
    k
      ? controlPoints
          .filter((c) =>
            objectCovers({ kind: k, controlPoints: null }, { ...c, controlPointId: c.id }),
          )
          .map((c) => c.id)
      : [];

  const chooseCustom = (value: boolean) => {
    setCustom(value);
    setScopeError(null);
    if (value && checked.length === 0) setChecked(defaultPoints(kind));
  };

  const tree = useMemo(
    () =>
      CATEGORY_ORDER.flatMap((category) => {
        const points = controlPoints.filter((c) => c.category === category);
        if (points.length === 0) return [];
        return [
          {
            key: `category:${category}`,
            title: t(`catalog.category.${category}`),
            children: points.map((c) => ({
              key: c.id,
              title: t('assessment.objects.controlPointEntry', {
                clause: c.clause,
                title: text(c.title),
                count: c.items,
              }),
            })),
          },
        ];
      }),
    [controlPoints, t, text],
  );

  const scopeCount = kind ? countItems(baseline, kind, custom ? checked : null) : null;
  const scopeDrops = isScopeDropsResults(error);
  const dropsRef = useRef<HTMLDivElement>(null);
  // The question sits below the form: bring it into view when the server asks it.
  useEffect(() => {
    if (scopeDrops) dropsRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [scopeDrops]);

  const submit = (values: FormValues) => {
    if (custom && checked.length === 0) {
      setScopeError(t('assessment.objects.scopeEmpty'));
      return;
    }
    const attributes: TestObjectAttributesInput = {
      ipAddresses: (values.ipAddresses ?? []).map((ip) => ip.trim()).filter(Boolean),
      os: trimmed(values.os),
      version: trimmed(values.version),
      model: trimmed(values.model),
      vendor: trimmed(values.vendor),
      location: trimmed(values.location),
      role: trimmed(values.role),
      importance: values.importance ?? null,
      dataClass: values.kind === 'data' ? (values.dataClass ?? null) : null,
    };
    const input: TestObjectInput = {
      name: values.name.trim(),
      kind: values.kind,
      description: trimmed(values.description),
      attributes,
      controlPoints: custom ? checked : null,
    };
    lastInput.current = input;
    void onSubmit(input, false);
  };

  const defaultCategories = kind
    ? DEFAULT_SCOPE_BY_OBJECT_KIND[kind].categories
        .map((c) => t(`catalog.category.${c}`))
        .join(t('common.listSeparator'))
    : '';

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={
        object === 'new'
          ? t('assessment.objects.add')
          : object
            ? t('assessment.objects.editTitle', { name: object.name })
            : ''
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('assessment.objects.name')}
              rules={[
                { required: true, whitespace: true, message: t('assessment.objects.nameRequired') },
              ]}
            >
              <Input maxLength={200} placeholder={t('assessment.objects.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="kind"
              label={t('assessment.objects.kind')}
              rules={[{ required: true, message: t('assessment.objects.kindRequired') }]}
            >
              <Select
                aria-label={t('assessment.objects.kind')}
                showSearch={{ optionFilterProp: 'label' }}
                options={OBJECT_GROUPS.map((g) => ({
                  label: t(`assessment.objectGroup.${g.key}`),
                  title: t(`assessment.objectGroup.${g.key}`),
                  options: g.kinds.map((k) => ({
                    value: k,
                    label: objectKindLabel(k, i18n.language),
                  })),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="ipAddresses"
          label={t('assessment.objects.ipAddresses')}
          extra={t('assessment.objects.ipHint')}
          rules={[
            {
              validator: async (_, value: string[] | undefined) => {
                const list = value ?? [];
                if (list.length > MAX_IP_ADDRESSES)
                  throw new Error(t('assessment.objects.ipTooMany', { max: MAX_IP_ADDRESSES }));
                const bad = list.find((ip) => !isIpAddress(ip));
                if (bad !== undefined)
                  throw new Error(t('assessment.objects.ipInvalid', { ip: bad }));
              },
            },
          ]}
        >
          <Select
            mode="tags"
            aria-label={t('assessment.objects.ipAddresses')}
            placeholder={t('assessment.objects.ipPlaceholder')}
            tokenSeparators={[',', '，', '、', ';', '；', ' ']}
            open={false}
            suffixIcon={null}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="os" label={t('assessment.objects.os')}>
              <Input maxLength={200} placeholder={t('assessment.objects.osPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="version" label={t('assessment.objects.version')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="model" label={t('assessment.objects.model')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="vendor" label={t('assessment.objects.vendor')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="location" label={t('assessment.objects.location')}>
              <Input maxLength={200} placeholder={t('assessment.objects.locationPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label={t('assessment.objects.role')}>
              <Input maxLength={200} placeholder={t('assessment.objects.rolePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="importance" label={t('assessment.objects.importance')}>
              <Select
                allowClear
                aria-label={t('assessment.objects.importance')}
                options={OBJECT_IMPORTANCE.map((v) => ({
                  value: v,
                  label: t(`assessment.importance.${v}`),
                }))}
              />
            </Form.Item>
          </Col>
          {kind === 'data' && (
            <Col span={12}>
              <Form.Item name="dataClass" label={t('assessment.objects.dataClass')}>
                <Select
                  allowClear
                  aria-label={t('assessment.objects.dataClass')}
                  options={DATA_CLASSES.map((v) => ({
                    value: v,
                    label: t(`assessment.dataClass.${v}`),
                  }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          label={t('assessment.objects.scope')}
          validateStatus={scopeError ? 'error' : undefined}
          help={scopeError ?? undefined}
        >
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Radio.Group
              value={custom ? 'custom' : 'default'}
              onChange={(event) => chooseCustom(event.target.value === 'custom')}
              options={[
                { value: 'default', label: t('assessment.objects.scopeDefault') },
                { value: 'custom', label: t('assessment.objects.scopeCustom') },
              ]}
            />
            {kind && !custom && (
              <Typography.Text type="secondary">
                {t('assessment.objects.scopeDefaultHint', { categories: defaultCategories })}
              </Typography.Text>
            )}
            {kind && scopeCount !== null && (
              <Typography.Text data-testid="scope-count">
                {t('assessment.objects.scopeCount', { count: scopeCount })}
                {object && object !== 'new' && (
                  <Typography.Text type="secondary">
                    {t('assessment.objects.scopeNow', { count: object.requirementCount })}
                  </Typography.Text>
                )}
              </Typography.Text>
            )}
            {custom && baselineError !== null && baselineError !== undefined && (
              <ApiErrorAlert error={baselineError} />
            )}
            {custom && (
              <div className="object-scope-tree" data-testid="scope-tree">
                <Tree
                  checkable
                  selectable={false}
                  height={320}
                  defaultExpandedKeys={[
                    ...new Set(
                      checked.map((id) => {
                        const cp = controlPoints.find((c) => c.id === id);
                        return `category:${cp?.category ?? ''}`;
                      }),
                    ),
                  ]}
                  treeData={tree}
                  checkedKeys={checked}
                  onCheck={(keys) => {
                    const list = (Array.isArray(keys) ? keys : keys.checked).map(String);
                    setChecked(list.filter((k) => !k.startsWith('category:')));
                    setScopeError(null);
                  }}
                />
              </div>
            )}
          </Space>
        </Form.Item>
      </Form>
      {scopeDrops ? (
        <div ref={dropsRef}>
          <Alert
            type="warning"
            showIcon
            data-testid="scope-drops-results"
            title={
              error instanceof ApiRequestError ? errorMessage(error.body, i18n.language) : undefined
            }
            action={
              <Button
                danger
                size="small"
                loading={submitting}
                onClick={() => {
                  if (lastInput.current) void onSubmit(lastInput.current, true);
                }}
              >
                {t('assessment.objects.discardResults')}
              </Button>
            }
          />
        </div>
      ) : (
        <ApiErrorAlert error={error} />
      )}
    </Drawer>
  );
}
