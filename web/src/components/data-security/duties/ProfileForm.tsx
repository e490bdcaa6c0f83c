import { ConflictAlert } from '../../ConflictAlert';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DataSecurityProfileSchema,
  OPERATOR_KINDS,
  REORGANISATION_KINDS,
  type OperatorKind,
  type ReorganisationKind,
} from '../../../../../src/shared/data-security-schemas';
import { PROVINCE_CODES } from '../../../../../src/shared/identifiers';
import {
  dataSecurityApi,
  type ProfileBody,
  type ProfileView,
} from '../../../api/data-security-client';
import {
  isVersionConflict,
  useDataSecurityProfile,
  usePutDataSecurityProfile,
} from '../../../api/data-security-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import {
  serverProblems,
  showProblems,
  zodProblems,
  type FieldProblem,
} from '../../privacy/form-errors';

interface FormValues {
  operatorKind?: OperatorKind | null;
  province?: string | null;
  importantDataDeclaredOn?: Dayjs | null;
  importantDataDeclarationReference?: string;
  dataSecurityOfficer?: string;
  dataSecurityOfficerAppointedOn?: Dayjs | null;
  managementBody?: string;
  managementBodyEstablishedOn?: Dayjs | null;
  registeredUsers?: number | null;
  monthlyActiveUsers?: number | null;
  majorImpactPlatform?: 'yes' | 'no' | null;
  lastSocialResponsibilityReportOn?: Dayjs | null;
  reorganisationKind?: ReorganisationKind | null;
  reorganisationOn?: Dayjs | null;
  disposalPlanReportedOn?: Dayjs | null;
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

const toForm = (p: ProfileView): FormValues => ({
  operatorKind: p.operatorKind ?? null,
  province: p.province ?? null,
  importantDataDeclaredOn: fromIsoDate(p.importantDataDeclaredOn),
  importantDataDeclarationReference: p.importantDataDeclarationReference ?? '',
  dataSecurityOfficer: p.dataSecurityOfficer ?? '',
  dataSecurityOfficerAppointedOn: fromIsoDate(p.dataSecurityOfficerAppointedOn),
  managementBody: p.managementBody ?? '',
  managementBodyEstablishedOn: fromIsoDate(p.managementBodyEstablishedOn),
  registeredUsers: p.registeredUsers ?? null,
  monthlyActiveUsers: p.monthlyActiveUsers ?? null,
  majorImpactPlatform:
    p.majorImpactPlatform === true ? 'yes' : p.majorImpactPlatform === false ? 'no' : null,
  lastSocialResponsibilityReportOn: fromIsoDate(p.lastSocialResponsibilityReportOn),
  reorganisationKind: p.reorganisation?.kind ?? null,
  reorganisationOn: fromIsoDate(p.reorganisation?.on),
  disposalPlanReportedOn: fromIsoDate(p.reorganisation?.disposalPlanReportedOn),
});

const toBody = (v: FormValues, version: number): ProfileBody => ({
  version,
  operatorKind: v.operatorKind ?? null,
  province: v.province ?? null,
  importantDataDeclaredOn: toIsoDate(v.importantDataDeclaredOn ?? null),
  importantDataDeclarationReference: blank(v.importantDataDeclarationReference),
  dataSecurityOfficer: blank(v.dataSecurityOfficer),
  dataSecurityOfficerAppointedOn: toIsoDate(v.dataSecurityOfficerAppointedOn ?? null),
  managementBody: blank(v.managementBody),
  managementBodyEstablishedOn: toIsoDate(v.managementBodyEstablishedOn ?? null),
  registeredUsers: v.registeredUsers ?? null,
  monthlyActiveUsers: v.monthlyActiveUsers ?? null,
  majorImpactPlatform:
    v.majorImpactPlatform === 'yes' ? true : v.majorImpactPlatform === 'no' ? false : null,
  lastSocialResponsibilityReportOn: toIsoDate(v.lastSocialResponsibilityReportOn ?? null),
  reorganisation: v.reorganisationKind
    ? {
        kind: v.reorganisationKind,
        on: toIsoDate(v.reorganisationOn ?? null) ?? '',
        disposalPlanReportedOn: toIsoDate(v.disposalPlanReportedOn ?? null),
      }
    : null,
});

const date = { format: DATE_FORMAT, style: { width: '100%' } } as const;

/** 重要数据与组织信息: the organisation's data-security profile (PUT /profile, versioned). */
export function ProfileForm({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const profile = useDataSecurityProfile(orgId);
  const put = usePutDataSecurityProfile(orgId);
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const reorganisation = Form.useWatch('reorganisationKind', form);

  useEffect(() => {
    if (profile.data) form.setFieldsValue(toForm(profile.data));
  }, [profile.data, form]);

  const save = async () => {
    const values = form.getFieldsValue(true) as FormValues;
    const body = toBody(values, profile.data?.version ?? 0);
    const { version: _version, ...rest } = body;
    const checked = DataSecurityProfileSchema.safeParse(rest);
    if (!checked.success) {
      const found = zodProblems(checked.error, language).map((p) => ({
        ...p,
        name:
          p.name[0] === 'reorganisation'
            ? [p.name[1] === 'on' ? 'reorganisationOn' : 'reorganisationKind']
            : p.name,
      }));
      setProblems(found);
      showProblems(form, found);
      return;
    }
    setProblems([]);
    try {
      await put.mutateAsync(body);
      put.reset();
      message.success(t('dataSecurity.profile.saved'));
    } catch (error) {
      const found = serverProblems(error, language);
      setProblems(found);
      showProblems(form, found);
    }
  };

  const reload = async () => {
    const latest = await dataSecurityApi.profile(orgId);
    put.reset();
    form.resetFields();
    form.setFieldsValue(toForm(latest));
  };

  const conflict = isVersionConflict(put.error);
  return (
    <Card
      size="small"
      title={t('dataSecurity.profile.title')}
      extra={
        canWrite && (
          <Button type="primary" size="small" loading={put.isPending} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        )
      }
    >
      {profile.isError && <ApiErrorAlert error={profile.error} style={{ marginBottom: 12 }} />}
      {conflict && <ConflictAlert onReload={() => void reload()} style={{ marginBottom: 12 }} />}
      {!conflict && put.error != null && problems.length === 0 && (
        <ApiErrorAlert error={put.error} style={{ marginBottom: 12 }} />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('dataSecurity.problems', { count: problems.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  <Typography.Text code>{p.name.join('.')}</Typography.Text> {p.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Form
        name="dataSecurityProfile"
        form={form}
        layout="vertical"
        disabled={!canWrite || profile.isPending}
        size="small"
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="operatorKind"
            label={t('dataSecurity.field.operatorKind')}
            extra={
              profile.data?.operatorKindEffective
                ? t('dataSecurity.profile.operatorKindHint', {
                    kind: t(`dataSecurity.operatorKind.${profile.data.operatorKindEffective}`, {
                      defaultValue: profile.data.operatorKindEffective,
                    }),
                  })
                : t('dataSecurity.profile.operatorKindDerived')
            }
            style={{ width: 260 }}
          >
            <Select
              allowClear
              aria-label={t('dataSecurity.field.operatorKind')}
              placeholder={t('dataSecurity.profile.derived')}
              options={OPERATOR_KINDS.map((k) => ({
                value: k,
                label: t(`dataSecurity.operatorKind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="province"
            label={t('dataSecurity.field.province')}
            extra={t('dataSecurity.profile.provinceHint')}
            style={{ width: 220 }}
          >
            <Select
              allowClear
              aria-label={t('dataSecurity.field.province')}
              showSearch={{ optionFilterProp: 'label' }}
              options={PROVINCE_CODES.map((c) => ({
                value: c,
                label: `${t(`dataSecurity.province.${c}`)} (${c})`,
              }))}
            />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('dataSecurity.profile.importantTitle')}</Typography.Title>
        <Flex gap={16} wrap>
          <Form.Item
            name="importantDataDeclaredOn"
            label={t('dataSecurity.field.importantDataDeclaredOn')}
            style={{ width: 200 }}
          >
            <DatePicker {...date} aria-label={t('dataSecurity.field.importantDataDeclaredOn')} />
          </Form.Item>
          <Form.Item
            name="importantDataDeclarationReference"
            label={t('dataSecurity.field.declarationReference')}
            style={{ width: 260 }}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="dataSecurityOfficer"
            label={t('dataSecurity.field.officer')}
            style={{ width: 240 }}
          >
            <Input maxLength={200} placeholder={t('dataSecurity.profile.officerPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="dataSecurityOfficerAppointedOn"
            label={t('dataSecurity.field.officerAppointedOn')}
            style={{ width: 180 }}
          >
            <DatePicker {...date} />
          </Form.Item>
          <Form.Item
            name="managementBody"
            label={t('dataSecurity.field.managementBody')}
            style={{ width: 240 }}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="managementBodyEstablishedOn"
            label={t('dataSecurity.field.managementBodyOn')}
            style={{ width: 180 }}
          >
            <DatePicker {...date} />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('dataSecurity.profile.platformTitle')}</Typography.Title>
        <Flex gap={16} wrap>
          <Form.Item
            name="registeredUsers"
            label={t('dataSecurity.field.registeredUsers')}
            style={{ width: 200 }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="monthlyActiveUsers"
            label={t('dataSecurity.field.mau')}
            style={{ width: 200 }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="majorImpactPlatform"
            label={t('dataSecurity.field.majorImpact')}
            style={{ width: 220 }}
          >
            <Select
              allowClear
              options={[
                { value: 'yes', label: t('common.yes') },
                { value: 'no', label: t('common.no') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="lastSocialResponsibilityReportOn"
            label={t('dataSecurity.field.lastSocialReport')}
            style={{ width: 220 }}
          >
            <DatePicker {...date} />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>
          {t('dataSecurity.profile.reorganisationTitle')}
        </Typography.Title>
        <Space wrap size={16} align="start">
          <Form.Item
            name="reorganisationKind"
            label={t('dataSecurity.field.reorganisation')}
            style={{ width: 200 }}
          >
            <Select
              allowClear
              placeholder={t('dataSecurity.profile.noReorganisation')}
              options={REORGANISATION_KINDS.map((k) => ({
                value: k,
                label: t(`dataSecurity.reorganisation.${k}`),
              }))}
            />
          </Form.Item>
          {reorganisation && (
            <>
              <Form.Item
                name="reorganisationOn"
                label={t('dataSecurity.field.reorganisationOn')}
                style={{ width: 180 }}
              >
                <DatePicker {...date} />
              </Form.Item>
              <Form.Item
                name="disposalPlanReportedOn"
                label={t('dataSecurity.field.disposalPlanReportedOn')}
                style={{ width: 220 }}
              >
                <DatePicker {...date} />
              </Form.Item>
            </>
          )}
        </Space>
      </Form>
    </Card>
  );
}
