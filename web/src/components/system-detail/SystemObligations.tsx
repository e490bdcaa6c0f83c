import { Space } from 'antd';
import { useObligations } from '../../api/hooks';
import { todayInBeijing } from '../../lib/dates';
import { compareObligations } from '../../lib/obligation-states';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { MissingFactsCard } from '../obligations/MissingFactsCard';
import { ObligationTable } from '../obligations/ObligationTable';

/** The 义务 tab: this system's obligations as of today. */
export function SystemObligations({ orgId, systemId }: { orgId: string; systemId: string }) {
  const obligations = useObligations(orgId, todayInBeijing(), systemId);
  const items = [...(obligations.data?.items ?? [])]
    .filter((o) => o.systemId === systemId)
    .sort(compareObligations);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {obligations.isError && <ApiErrorAlert error={obligations.error} />}
      <ObligationTable
        orgId={orgId}
        items={items}
        showSystem={false}
        loading={obligations.isFetching}
      />
      {obligations.data && (
        <MissingFactsCard
          orgId={orgId}
          missingFacts={obligations.data.missingFacts.filter((m) => m.systemId === systemId)}
          showSystem={false}
        />
      )}
    </Space>
  );
}
