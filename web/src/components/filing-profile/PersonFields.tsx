/** A person of 表一 (单位负责人, 责任部门联系人): name, title, office and mobile phone, e-mail. */
import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { rules } from './validators';

export const PERSON_FIELDS = ['name', 'title', 'officePhone', 'mobilePhone', 'email'] as const;

export function PersonFields({
  name,
  label,
}: {
  name: 'head' | 'departmentContact';
  label: string;
}) {
  const { t } = useTranslation();
  const path = (field: (typeof PERSON_FIELDS)[number]) => ['filingProfile', name, field];
  const others = PERSON_FIELDS.filter((f) => f !== 'name').map(path);
  return (
    <Row gutter={16}>
      <Col xs={24} md={8} xl={4}>
        <Form.Item
          name={path('name')}
          label={t('filingProfile.person.name', { person: label })}
          dependencies={others}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                const named = typeof value === 'string' && value.trim() !== '';
                const anyOther = others.some((p) => {
                  const v: unknown = getFieldValue(p);
                  return typeof v === 'string' && v.trim() !== '';
                });
                if (!named && anyOther) throw new Error(t('filingProfile.person.nameRequired'));
              },
            }),
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8} xl={5}>
        <Form.Item name={path('title')} label={t('filingProfile.person.title', { person: label })}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8} xl={5}>
        <Form.Item
          name={path('officePhone')}
          label={t('filingProfile.person.officePhone', { person: label })}
          rules={[rules.phone(t)]}
        >
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8} xl={5}>
        <Form.Item
          name={path('mobilePhone')}
          label={t('filingProfile.person.mobilePhone', { person: label })}
          rules={[rules.phone(t)]}
        >
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8} xl={5}>
        <Form.Item
          name={path('email')}
          label={t('filingProfile.person.email', { person: label })}
          rules={[rules.email(t)]}
        >
          <Input maxLength={200} inputMode="email" />
        </Form.Item>
      </Col>
    </Row>
  );
}
