import { ArrowDownOutlined, AimOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Divider, Empty, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CiiBoundaryResponse, CiiDependencyKind } from '../../../../src/shared/cii-schemas';
import type { ProtectionLevel } from '../../../../src/shared/mlps';
import { pick } from '../../lib/language';
import { LevelTag } from '../LevelTag';
import type { BoundaryModel } from './boundary-model';
import { ordinal } from './BoundaryGraph';
import { AssetKindTag, useCiiLabels } from './cii-labels';

/**
 * The side panel of the boundary graph: why the selected asset is inside (the server's sentence
 * and the chain from the information flow, each step clickable) or why it is not, its kind, its
 * MLPS system and its dependencies.
 */
export function AssetDetailPanel({
  orgId,
  answer,
  model,
  selectedId,
  onSelect,
}: {
  orgId: string;
  answer: CiiBoundaryResponse;
  model: BoundaryModel;
  selectedId: string | null;
  onSelect: (assetId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useCiiLabels();
  const info = selectedId ? model.assets.get(selectedId) : undefined;
  if (!info)
    return (
      <Card size="small" title={t('cii.panel.title')} style={{ height: '100%' }}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cii.panel.hint')} />
      </Card>
    );

  const { asset, inside } = info;
  const nameOf = (id: string) => {
    const a = model.assets.get(id)?.asset;
    return a ? `${a.code} ${a.name}` : id;
  };
  const assetButton = (id: string, current = false): ReactNode =>
    current ? (
      <Typography.Text strong>{nameOf(id)}</Typography.Text>
    ) : (
      <Button
        type="link"
        size="small"
        icon={<AimOutlined />}
        style={{ paddingInline: 0, height: 'auto' }}
        onClick={() => onSelect(id)}
      >
        {nameOf(id)}
      </Button>
    );
  const flowName = (flowId: string) => answer.flows.find((f) => f.id === flowId)?.name ?? flowId;
  const hopNumber = (flowId: string, assetId: string, stage: string) => {
    const flow = answer.flows.find((f) => f.id === flowId);
    const i = flow?.hops.findIndex((h) => h.assetId === assetId && h.stage === stage) ?? -1;
    return i >= 0 ? ordinal(i + 1) : '';
  };
  const follow = answer.boundary.rules.follow as Record<string, boolean>;
  const incoming = answer.dependencies.filter((d) => d.toAssetId === asset.id);
  const outgoing = answer.dependencies.filter((d) => d.fromAssetId === asset.id);

  let why: ReactNode;
  if (inside) {
    const reason = inside.reason;
    const flowStep = (assetId: string) => (
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t('cii.panel.flowStep', {
          flow: flowName(reason.flowId),
          n: hopNumber(reason.flowId, assetId, reason.stage),
          stage: labels.stage(reason.stage),
        })}
      </Tag>
    );
    why = (
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }} data-testid="cii-explanation">
          {pick(i18n.language, inside.explanationZh, inside.explanationEn)}
        </Typography.Paragraph>
        <div data-testid="cii-chain">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cii.panel.chain')}
          </Typography.Text>
          {reason.kind === 'flow' ? (
            <div className="cii-chain-step">
              {flowStep(asset.id)}
              {assetButton(asset.id, true)}
            </div>
          ) : (
            <>
              <div className="cii-chain-step">{flowStep(reason.from)}</div>
              <div className="cii-chain-arrow">
                <ArrowDownOutlined />
              </div>
              <div className="cii-chain-step">{assetButton(reason.from)}</div>
              {reason.chain.map((step, i) => (
                <div key={`${step.assetId}-${i}`}>
                  <div className="cii-chain-arrow">
                    <ArrowDownOutlined /> {labels.dependency(step.via)}
                  </div>
                  <div className="cii-chain-step">
                    {assetButton(step.assetId, step.assetId === asset.id)}
                  </div>
                </div>
              ))}
            </>
          )}
        </div>
      </Space>
    );
  } else {
    const reasons: ReactNode[] = [];
    // The server's sentence first; the details below name the assets concerned.
    const said = answer.boundary.outsideExplanations?.[asset.id];
    if (said) reasons.push(pick(i18n.language, said.zh, said.en));
    else if (asset.external)
      reasons.push(
        asset.party
          ? t('cii.panel.externalParty', { party: asset.party })
          : t('cii.panel.external'),
      );
    const unfollowed = incoming.filter(
      (d) =>
        model.assets.get(d.fromAssetId)?.inside &&
        d.kind !== 'exchanges_with_external' &&
        !follow[d.kind],
    );
    for (const d of unfollowed)
      reasons.push(
        t('cii.panel.notFollowed', {
          asset: nameOf(d.fromAssetId),
          kind: labels.dependency(d.kind),
        }),
      );
    if (!said && !asset.external && unfollowed.length === 0)
      reasons.push(t('cii.panel.noFlowNoDependency'));
    const dependsOnInside = outgoing.filter((d) => model.assets.get(d.toAssetId)?.inside);
    if (!asset.external && dependsOnInside.length > 0)
      reasons.push(
        t('cii.panel.dependsOnInside', {
          assets: dependsOnInside.map((d) => nameOf(d.toAssetId)).join(t('common.listSeparator')),
        }),
      );
    why = (
      <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="cii-explanation">
        {reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
    );
  }

  const dependencyList = (list: typeof incoming, side: 'from' | 'to') =>
    list.length === 0 ? (
      <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
    ) : (
      <Space orientation="vertical" size={2}>
        {list.map((d) => (
          <span key={d.id}>
            <Tag style={{ marginInlineEnd: 4 }}>
              {labels.dependency(d.kind as CiiDependencyKind)}
            </Tag>
            {assetButton(side === 'to' ? d.toAssetId : d.fromAssetId)}
          </span>
        ))}
      </Space>
    );

  return (
    <Card
      size="small"
      style={{ height: '100%', overflow: 'auto' }}
      title={
        <Space orientation="vertical" size={0} style={{ paddingBlock: 6 }}>
          <Typography.Text strong style={{ fontSize: 15 }} data-testid="cii-panel-name">
            {asset.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {asset.code}
          </Typography.Text>
        </Space>
      }
      extra={
        inside ? (
          <Tag color="blue">{t('cii.graph.insideTag')}</Tag>
        ) : (
          <Tag>{t('cii.panel.notInside')}</Tag>
        )
      }
      data-testid="cii-asset-panel"
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {inside ? t('cii.panel.whyInside') : t('cii.panel.notInside')}
      </Typography.Title>
      {why}
      {info.boundaryPartners.length > 0 && (
        <>
          <Divider style={{ marginBlock: 12 }} />
          <Typography.Text strong style={{ color: '#d46b08' }}>
            {t('cii.panel.boundaryPoints')}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 4px' }}>
            {inside ? t('cii.panel.pointInsideHint') : t('cii.panel.pointExternalHint')}
          </Typography.Paragraph>
          <Space orientation="vertical" size={2}>
            {info.boundaryPartners.map((id) => (
              <span key={id}>{assetButton(id)}</span>
            ))}
          </Space>
        </>
      )}
      <Divider style={{ marginBlock: 12 }} />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'kind', label: t('cii.field.kind'), children: <AssetKindTag kind={asset.kind} /> },
          ...(asset.party
            ? [{ key: 'party', label: t('cii.field.party'), children: asset.party }]
            : []),
          {
            key: 'system',
            label: t('cii.field.system'),
            children: asset.systemId ? (
              <Space size={4} wrap>
                <Link to={`/o/${orgId}/systems/${asset.systemId}`}>{asset.systemName}</Link>
                <LevelTag level={asset.systemLevel as ProtectionLevel | null} />
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('cii.asset.noSystem')}</Typography.Text>
            ),
          },
          ...(info.hops.length > 0
            ? [
                {
                  key: 'hops',
                  label: t('cii.panel.hops'),
                  children: (
                    <Space size={[4, 4]} wrap>
                      {info.hops.map((h) => (
                        <Tag key={`${h.flowId}-${h.hopIndex}`} color="blue">
                          {h.flowName} {ordinal(h.hopIndex + 1)} {labels.stage(h.stage)}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
          { key: 'out', label: t('cii.panel.dependsOn'), children: dependencyList(outgoing, 'to') },
          {
            key: 'in',
            label: t('cii.panel.dependedBy'),
            children: dependencyList(incoming, 'from'),
          },
          ...(asset.description
            ? [{ key: 'desc', label: t('cii.field.description'), children: asset.description }]
            : []),
        ]}
      />
    </Card>
  );
}
