import type { ReactNode } from 'react';
import { CiiCapabilityTab } from '../../components/cii-capability/CiiCapabilityTab';
import { AssetsPanel } from '../../components/cii/AssetsPanel';
import { BoundaryPanel } from '../../components/cii/BoundaryPanel';
import { DutiesPanel } from '../../components/cii/DutiesPanel';
import { FlowsPanel } from '../../components/cii/FlowsPanel';
import { HistoryPanel } from '../../components/cii/HistoryPanel';
import type { CiiPanelProps } from '../../components/cii/panel-props';

/**
 * The tabs of a core business, in order. A new tab is one more entry: its key (also the
 * ?tab= value), its label's i18n key and the panel it renders.
 */
export interface CiiTab {
  key: string;
  labelKey: string;
  render: (props: CiiPanelProps) => ReactNode;
}

export const CII_BUSINESS_TABS: readonly CiiTab[] = [
  { key: 'graph', labelKey: 'cii.tab.graph', render: (p) => <BoundaryPanel {...p} /> },
  { key: 'flows', labelKey: 'cii.tab.flows', render: (p) => <FlowsPanel {...p} /> },
  { key: 'assets', labelKey: 'cii.tab.assets', render: (p) => <AssetsPanel {...p} /> },
  { key: 'history', labelKey: 'cii.tab.history', render: (p) => <HistoryPanel {...p} /> },
  { key: 'duties', labelKey: 'cii.tab.duties', render: (p) => <DutiesPanel {...p} /> },
  {
    key: 'capability',
    labelKey: 'cii.tab.capability',
    render: (p) => (
      <CiiCapabilityTab orgId={p.orgId} businessId={p.business.id} canWrite={p.editable} />
    ),
  },
];
