import { DeleteOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Popconfirm,
  Row,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DocumentTemplateDto,
  LogoDto,
  TemplateBlockDto,
} from '../../../../src/shared/document-template-schemas';
import { RawBody, org, query, request } from '../../api/client';
import { formatTimestamp } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { useCan } from '../OrganisationScope';

const path = (orgId: string) => `${org(orgId)}/document-template`;
const key = (orgId: string) => ['document-template', orgId] as const;

/**
 * 文书模板: the organisation's own wording of the documents' blocks (声明, cover lines, agency
 * details) with Chinese and English side by side, the default as the placeholder, a reset to it,
 * a warning where only one language is reworded, and the cover logo with its preview.
 */
export function DocumentTemplatesPanel({ orgId }: { readonly orgId: string }) {
  const { t, i18n } = useTranslation();
  const mayWrite = useCan('org.update');
  const template = useQuery({
    queryKey: key(orgId),
    queryFn: () => request<DocumentTemplateDto>('GET', path(orgId)),
  });
  const data = template.data;
  const labelOf = (keyOfBlock: string) => {
    for (const d of data?.documents ?? []) {
      const b = d.blocks.find((x) => x.key === keyOfBlock);
      if (b)
        return `${pick(i18n.language, d.label.zh, d.label.en)} · ${pick(i18n.language, b.label.zh, b.label.en)}`;
    }
    return keyOfBlock;
  };

  return (
    <Card title={t('documentTemplates.title')}>
      <Typography.Paragraph type="secondary">{t('documentTemplates.intro')}</Typography.Paragraph>
      <ApiErrorAlert error={template.error} />
      {!mayWrite ? (
        <Alert
          type="info"
          showIcon
          title={t('documentTemplates.readOnly')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {data && data.oneLanguageOnly.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="template-mismatch"
          title={t('documentTemplates.mismatch')}
          description={t('documentTemplates.mismatchHint', {
            blocks: data.oneLanguageOnly.map(labelOf).join('；'),
          })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {data ? (
        <LogoSection orgId={orgId} logo={data.logo} limits={data.limits} mayWrite={mayWrite} />
      ) : null}
      {data && data.documents.length === 0 ? (
        <Empty description={t('documentTemplates.noBlocks')} />
      ) : null}
      {data && data.documents.length > 0 ? (
        <Tabs
          items={data.documents.map((d) => ({
            key: d.document,
            label: (
              <span>
                {pick(i18n.language, d.label.zh, d.label.en)}{' '}
                {d.blocks.some((b) => b.oneLanguageOnly) ? (
                  <Tag color="warning">{t('documentTemplates.mismatchShort')}</Tag>
                ) : null}
              </span>
            ),
            children: (
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                {d.blocks.map((b) => (
                  <BlockEditor key={b.key} orgId={orgId} block={b} mayWrite={mayWrite} />
                ))}
              </Space>
            ),
          }))}
        />
      ) : null}
    </Card>
  );
}

/** One block: zh and en side by side, the defaults as placeholders; save and reset. */
function BlockEditor({
  orgId,
  block,
  mayWrite,
}: {
  readonly orgId: string;
  readonly block: TemplateBlockDto;
  readonly mayWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [zh, setZh] = useState(block.zh ?? '');
  const [en, setEn] = useState(block.en ?? '');
  // A save (or another user's, after a reload) brings new stored text: show it.
  useEffect(() => {
    setZh(block.zh ?? '');
    setEn(block.en ?? '');
  }, [block.zh, block.en, block.version]);
  const save = useMutation({
    mutationFn: (body: { zh: string; en: string }) =>
      request<TemplateBlockDto>('PUT', `${path(orgId)}/blocks/${encodeURIComponent(block.key)}`, {
        ...body,
        version: block.version,
      }),
    onSuccess: async (_saved, body) => {
      message.success(
        body.zh === '' && body.en === ''
          ? t('documentTemplates.resetDone')
          : t('documentTemplates.saved'),
      );
      await client.invalidateQueries({ queryKey: key(orgId) });
    },
    onError: async () => {
      // A 409 means someone else saved first: show their text (the error stays visible).
      await client.invalidateQueries({ queryKey: key(orgId) });
    },
  });
  const changed = zh !== (block.zh ?? '') || en !== (block.en ?? '');
  const customised = block.zh !== null || block.en !== null;
  const field = (lang: 'zh' | 'en', value: string, set: (v: string) => void) => {
    const common = {
      value,
      disabled: !mayWrite,
      placeholder: block.defaults[lang],
      maxLength: block.maxLength,
      'aria-label': `${pick(i18n.language, block.label.zh, block.label.en)} (${lang})`,
      'data-testid': `template-${block.key}-${lang}`,
    };
    return block.multiline ? (
      <Input.TextArea
        {...common}
        autoSize={{ minRows: 3, maxRows: 12 }}
        onChange={(e) => set(e.target.value)}
      />
    ) : (
      <Input {...common} onChange={(e) => set(e.target.value)} />
    );
  };
  return (
    <div data-testid={`template-block-${block.key}`}>
      <Space size="small" wrap style={{ marginBottom: 8 }}>
        {/* The key is what `dengbao template export` writes: shown on hover, not in the text. */}
        <Tooltip title={block.key}>
          <Typography.Text strong>
            {pick(i18n.language, block.label.zh, block.label.en)}
          </Typography.Text>
        </Tooltip>
        {customised ? <Tag color="blue">{t('documentTemplates.customised')}</Tag> : null}
        {block.oneLanguageOnly ? (
          <Tag color="warning">{t('documentTemplates.mismatchShort')}</Tag>
        ) : null}
        {block.updatedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTimestamp(block.updatedAt)} · {block.updatedBy}
          </Typography.Text>
        ) : null}
      </Space>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('documentTemplates.zh')}</Typography.Text>
          {field('zh', zh, setZh)}
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('documentTemplates.en')}</Typography.Text>
          {field('en', en, setEn)}
        </Col>
      </Row>
      {mayWrite ? (
        <Space style={{ marginTop: 8 }}>
          <Button
            type="primary"
            size="small"
            disabled={!changed}
            loading={save.isPending}
            onClick={() => save.mutate({ zh, en })}
          >
            {t('documentTemplates.save')}
          </Button>
          <Popconfirm
            title={t('documentTemplates.resetConfirm')}
            onConfirm={() => save.mutate({ zh: '', en: '' })}
            disabled={!customised}
          >
            <Button size="small" icon={<UndoOutlined />} disabled={!customised}>
              {t('documentTemplates.reset')}
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
      <ApiErrorAlert error={save.error} style={{ marginTop: 8 }} />
    </div>
  );
}

/** The cover logo: preview, upload (PNG/JPEG, checked by the server), removal. */
function LogoSection({
  orgId,
  logo,
  limits,
  mayWrite,
}: {
  readonly orgId: string;
  readonly logo: LogoDto | null;
  readonly limits: DocumentTemplateDto['limits'];
  readonly mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: key(orgId) });
  const upload = useMutation({
    mutationFn: (file: File) =>
      request<LogoDto>(
        'PUT',
        `${path(orgId)}/logo${query({ version: logo?.version ?? 0 })}`,
        new RawBody(file, file.type || 'application/octet-stream'),
      ),
    onSuccess: async () => {
      message.success(t('documentTemplates.logoSaved'));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      request<void>('DELETE', `${path(orgId)}/logo${query({ version: logo?.version })}`),
    onSuccess: async () => {
      message.success(t('documentTemplates.logoRemoved'));
      await refresh();
    },
  });
  return (
    <Card
      type="inner"
      size="small"
      title={t('documentTemplates.logo')}
      style={{ marginBottom: 16 }}
    >
      <Space align="start" size="large" wrap>
        {logo ? (
          <img
            data-testid="template-logo-preview"
            src={`/api${path(orgId)}/logo?v=${logo.version}`}
            alt={t('documentTemplates.logo')}
            style={{ maxWidth: 240, maxHeight: 120, border: '1px solid #f0f0f0', padding: 4 }}
          />
        ) : (
          <Typography.Text type="secondary">{t('documentTemplates.logoNone')}</Typography.Text>
        )}
        <Space orientation="vertical" size="small">
          {logo ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('documentTemplates.logoInfo', {
                type: logo.mediaType === 'image/png' ? 'PNG' : 'JPEG',
                width: logo.width,
                height: logo.height,
                size: Math.ceil(logo.size / 1024),
              })}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('documentTemplates.logoHint', {
              kb: limits.logoMaxBytes / 1024,
              pixels: limits.logoMaxPixels,
            })}
          </Typography.Text>
          {mayWrite ? (
            <Space>
              <Upload
                accept=".png,.jpg,.jpeg,image/png,image/jpeg"
                maxCount={1}
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutate(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  {logo ? t('documentTemplates.logoReplace') : t('documentTemplates.logoUpload')}
                </Button>
              </Upload>
              {logo ? (
                <Popconfirm
                  title={t('documentTemplates.logoRemoveConfirm')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutate()}
                >
                  <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                    {t('documentTemplates.logoRemove')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null}
        </Space>
      </Space>
      <ApiErrorAlert error={upload.error ?? remove.error} style={{ marginTop: 8 }} />
    </Card>
  );
}
