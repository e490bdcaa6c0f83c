import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
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
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegisterProfilePatchSchema } from '../../../../src/shared/privacy-schemas';
import type { RegisterProfileBody, RegisterProfileView } from '../../api/privacy-client';
import { privacyApi } from '../../api/privacy-client';
import {
  isVersionConflict,
  useFtzLists,
  usePrivacyProfile,
  usePutPrivacyProfile,
} from '../../api/privacy-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { serverProblems, showProblems, zodProblems } from './form-errors';

interface ProfileValues {
  ciiOperator: 'auto' | 'yes' | 'no';
  totalIndividuals?: number | null;
  protectionOfficer?: string;
  dataSecurityOfficer?: string;
  lastComplianceAuditOn?: Dayjs | null;
  freeTradeZone?: string;
  privacyNotices?: {
    version?: string;
    effectiveFrom?: Dayjs | null;
    url?: string;
    note?: string;
  }[];
}

const toValues = (p: RegisterProfileView): ProfileValues => ({
  ciiOperator: p.ciiOperator === true ? 'yes' : p.ciiOperator === false ? 'no' : 'auto',
  totalIndividuals: p.totalIndividuals ?? null,
  protectionOfficer: p.protectionOfficer ?? '',
  dataSecurityOfficer: p.dataSecurityOfficer ?? '',
  lastComplianceAuditOn: fromIsoDate(p.lastComplianceAuditOn),
  freeTradeZone: p.freeTradeZone ?? undefined,
  privacyNotices: p.privacyNotices.map((n) => ({
    version: n.version,
    effectiveFrom: fromIsoDate(n.effectiveFrom),
    url: n.url ?? '',
    note: n.note ?? '',
  })),
});

const text = (v: string | undefined) => v?.trim() || null;

/**
 * 登记信息: the register's organisation-wide facts — the CII-operator override (else taken from
 * the systems), total individuals, the protection officer (PIPL Art. 52), the privacy-notice
 * versions and the free-trade zone whose negative list applies.
 */
export function ProfilePanel({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const profile = usePrivacyProfile(orgId);
  const ftzLists = useFtzLists();
  const save = usePutPrivacyProfile(orgId);
  const [form] = Form.useForm<ProfileValues>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!profile.data) return;
    form.setFieldsValue(toValues(profile.data));
    setVersion(profile.data.version);
  }, [profile.data, form]);

  useEffect(() => {
    if (save.error) showProblems(form, serverProblems(save.error, i18n.language));
  }, [save.error, form, i18n.language]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as ProfileValues;
    const body: RegisterProfileBody = {
      version,
      ciiOperator: v.ciiOperator === 'auto' ? null : v.ciiOperator === 'yes',
      totalIndividuals: v.totalIndividuals ?? null,
      protectionOfficer: text(v.protectionOfficer),
      dataSecurityOfficer: text(v.dataSecurityOfficer),
      lastComplianceAuditOn: toIsoDate(v.lastComplianceAuditOn),
      freeTradeZone: text(v.freeTradeZone),
      privacyNotices: (v.privacyNotices ?? []).map((n) => ({
        version: n.version?.trim() ?? '',
        effectiveFrom: toIsoDate(n.effectiveFrom) ?? '',
        url: text(n.url),
        note: text(n.note),
      })),
    };
    const checked = RegisterProfilePatchSchema.safeParse(body);
    if (!checked.success) {
      showProblems(form, zodProblems(checked.error, i18n.language));
      return;
    }
    try {
      const saved = await save.mutateAsync(body);
      setVersion(saved.version);
      save.reset();
      message.success(t('privacy.profile.saved'));
    } catch {
      // shown below
    }
  };

  const reload = async () => {
    const latest = await privacyApi.profile(orgId);
    form.resetFields();
    form.setFieldsValue(toValues(latest));
    setVersion(latest.version);
    save.reset();
  };

  const fromSystems = profile.data?.ciiOperatorFromSystems;
  return (
    <Card
      size="small"
      title={t('privacy.profile.title')}
      extra={
        canWrite && (
          <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
            {t('privacy.profile.save')}
          </Button>
        )
      }
    >
      {profile.isError && <ApiErrorAlert error={profile.error} />}
      {isVersionConflict(save.error) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('privacy.conflict.title')}
          description={
            <Typography.Text>
              {t('privacy.conflict.description')}{' '}
              <Button size="small" onClick={() => void reload()}>
                {t('privacy.conflict.reload')}
              </Button>
            </Typography.Text>
          }
        />
      ) : (
        <ApiErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      )}
      <Form
        name="privacyProfile"
        form={form}
        layout="vertical"
        disabled={!canWrite}
        initialValues={{ ciiOperator: 'auto', privacyNotices: [] }}
        style={{ maxWidth: 860 }}
      >
        <Form.Item
          name="ciiOperator"
          label={t('privacy.profile.ciiOperator')}
          extra={
            fromSystems === undefined
              ? t('privacy.profile.ciiHint')
              : t('privacy.profile.ciiFromSystems', {
                  value: fromSystems ? t('common.yes') : t('common.no'),
                })
          }
        >
          <Radio.Group
            options={[
              { value: 'auto', label: t('privacy.profile.ciiAuto') },
              { value: 'yes', label: t('privacy.profile.ciiYes') },
              { value: 'no', label: t('privacy.profile.ciiNo') },
            ]}
          />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            name="totalIndividuals"
            label={t('privacy.profile.totalIndividuals')}
            style={{ flex: 1 }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="protectionOfficer"
            label={t('privacy.profile.protectionOfficer')}
            extra={t('privacy.profile.protectionOfficerHint')}
            style={{ flex: 2 }}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item
            name="dataSecurityOfficer"
            label={t('privacy.profile.dataSecurityOfficer')}
            extra={t('privacy.profile.dataSecurityOfficerHint')}
            style={{ flex: 2 }}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="lastComplianceAuditOn"
            label={t('privacy.profile.lastComplianceAuditOn')}
            extra={t('privacy.profile.lastComplianceAuditHint')}
            style={{ flex: 1 }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="freeTradeZone"
          label={t('privacy.profile.freeTradeZone')}
          extra={t('privacy.profile.freeTradeZoneHint')}
        >
          <Select
            allowClear
            aria-label={t('privacy.profile.freeTradeZone')}
            loading={ftzLists.isPending}
            options={(ftzLists.data ?? []).map((l) => ({
              value: l.id,
              label: `${i18n.language === 'en' ? l.zoneEn : l.zoneZh}（${l.effectiveFrom}）`,
            }))}
          />
        </Form.Item>
        <Typography.Text strong>{t('privacy.profile.notices')}</Typography.Text>
        <Form.List name="privacyNotices">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
              {fields.map((field, index) => {
                const what = t('privacy.profile.noticeN', { n: index + 1 });
                return (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item
                      name={[field.name, 'version']}
                      style={{ width: 120, marginBottom: 0 }}
                    >
                      <Input
                        aria-label={`${what} ${t('privacy.profile.noticeVersion')}`}
                        placeholder={t('privacy.profile.noticeVersion')}
                        maxLength={50}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'effectiveFrom']}
                      style={{ width: 150, marginBottom: 0 }}
                    >
                      <DatePicker
                        format={DATE_FORMAT}
                        aria-label={`${what} ${t('privacy.profile.noticeFrom')}`}
                        placeholder={t('privacy.profile.noticeFrom')}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'url']} style={{ flex: 1, marginBottom: 0 }}>
                      <Input aria-label={`${what} URL`} placeholder="https://…" maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'note']} style={{ flex: 1, marginBottom: 0 }}>
                      <Input
                        aria-label={`${what} ${t('privacy.field.note')}`}
                        placeholder={t('privacy.field.note')}
                        maxLength={500}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      aria-label={`${t('privacy.activity.remove')} ${what}`}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                );
              })}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
                {t('privacy.profile.addNotice')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
