import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogItemDto } from '../../../../src/shared/api-types';
import {
  EXTENSION_COLOURS,
  bilingual,
  formatWeight,
  kindOf,
  type CategoryGroup,
  type ControlPointGroup,
} from './catalog-model';

export const categoryKey = (category: string) => `cat:${category}`;
export const controlPointKey = (id: string) => `cp:${id}`;
export const isGroupKey = (key: string) => key.startsWith('cat:') || key.startsWith('cp:');

/** Every group key of the tree (categories and control points), for "expand all". */
export function groupKeys(groups: readonly CategoryGroup[]): string[] {
  return groups.flatMap((g) => [
    categoryKey(g.category),
    ...g.controlPoints.map((p) => controlPointKey(p.id)),
  ]);
}

/** The tree's column legend, aligned with the requirement rows. */
export function CatalogTreeColumns() {
  const { t } = useTranslation();
  return (
    <div className="catalog-columns" aria-hidden>
      <span className="catalog-node-clause">{t('catalog.detail.clause')}</span>
      <span className="catalog-node-title">{t('catalog.csv.title')}</span>
      <span className="catalog-node-testid">{t('catalog.tree.testId')}</span>
      <span className="catalog-node-weight">{t('catalog.tree.weight')}</span>
    </div>
  );
}

/** category → control point → requirement, with clause, test id, weight and high-risk count. */
export function CatalogTree({
  groups,
  expandedKeys,
  selectedId,
  onExpand,
  onSelect,
}: {
  groups: readonly CategoryGroup[];
  expandedKeys: readonly string[];
  selectedId: string | null;
  onExpand: (key: string, expanded: boolean) => void;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const treeData: TreeDataNode[] = groups.map((group) => ({
    key: categoryKey(group.category),
    title: (
      <span className="catalog-node">
        <span className="catalog-node-title catalog-node-category">
          {t(`catalog.category.${group.category}`)}
          <span className="catalog-mono" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
            {group.category}
          </span>
        </span>
        <Tag style={{ marginInlineEnd: 0 }}>{t(`catalog.kind.${kindOf(group.category)}`)}</Tag>
        <span className="catalog-node-count">
          {t('catalog.tree.items', { count: group.count })}
        </span>
      </span>
    ),
    children: group.controlPoints.map((point) => ({
      key: controlPointKey(point.id),
      title: <ControlPointTitle point={point} />,
      children: point.items.map((item) => ({
        key: item.id,
        isLeaf: true,
        title: <ItemTitle item={item} />,
      })),
    })),
  }));

  return (
    <Tree
      className="catalog-tree"
      blockNode
      showLine={{ showLeafIcon: false }}
      treeData={treeData}
      expandedKeys={[...expandedKeys]}
      selectedKeys={selectedId ? [selectedId] : []}
      aria-label={t('catalog.tree.label')}
      onExpand={(_, info) => onExpand(String(info.node.key), info.expanded)}
      onSelect={(_, info) => {
        const key = String(info.node.key);
        if (isGroupKey(key)) onExpand(key, !info.node.expanded);
        else onSelect(key);
      }}
    />
  );
}

function ControlPointTitle({ point }: { point: ControlPointGroup }) {
  const { t, i18n } = useTranslation();
  const clause = point.items[0]?.clause.replace(/\s+[a-z]\)$/, '') ?? point.id;
  return (
    <span className="catalog-node">
      <span className="catalog-node-clause catalog-mono">{clause}</span>
      <span className="catalog-node-title" style={{ fontWeight: 500 }}>
        {bilingual(i18n.language, point.title)}
      </span>
      {point.extension !== 'general' && (
        <span className="catalog-node-tags">
          <Tag color={EXTENSION_COLOURS[point.extension]}>
            {t(`catalog.extension.${point.extension}`)}
          </Tag>
        </span>
      )}
      <span className="catalog-node-count">
        {t('catalog.tree.items', { count: point.items.length })}
      </span>
    </span>
  );
}

function ItemTitle({ item }: { item: CatalogItemDto }) {
  const { t, i18n } = useTranslation();
  const highRisk = item.highRiskCaseIds.length;
  return (
    <span className="catalog-node" data-requirement-id={item.id}>
      <span className="catalog-node-clause catalog-mono">{item.clause}</span>
      <Tooltip
        title={bilingual(i18n.language, item.summary)}
        placement="topLeft"
        mouseEnterDelay={0.6}
      >
        <span className="catalog-node-title">{bilingual(i18n.language, item.title)}</span>
      </Tooltip>
      <span className="catalog-node-tags">
        {item.provenanceStatus === 'unverified' && (
          <Tooltip title={t('catalog.tree.unverified')}>
            <WarningOutlined
              style={{ color: '#fa8c16' }}
              aria-label={t('catalog.tree.unverified')}
            />
          </Tooltip>
        )}
        {highRisk > 0 && (
          <Tooltip
            title={`${t('catalog.tree.highRiskTitle', { count: highRisk })}${t('common.labelSeparator')}${item.highRiskCaseIds.join(t('common.listSeparator'))}`}
          >
            <Tag color="red">{t('catalog.tree.highRisk', { count: highRisk })}</Tag>
          </Tooltip>
        )}
      </span>
      <span className="catalog-node-testid catalog-mono">
        {item.testId ?? <span title={t('catalog.tree.noTestId')}>{t('common.none')}</span>}
      </span>
      <span className="catalog-node-weight">
        {item.weight ? formatWeight(item.weight.value) : t('common.none')}
      </span>
    </span>
  );
}
