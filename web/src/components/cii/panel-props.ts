import type { CoreBusinessView } from '../../../../src/shared/cii-schemas';

/** What every tab of a core business receives. */
export interface CiiPanelProps {
  orgId: string;
  business: CoreBusinessView;
  /** The role holds cii.write (edit controls are hidden otherwise; the server refuses anyway). */
  editable: boolean;
  /** Switches to another tab (e.g. from the graph to the flow editor). */
  openTab: (key: string) => void;
}
