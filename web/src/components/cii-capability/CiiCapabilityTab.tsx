import { useSearchParams } from 'react-router-dom';
import { EvaluationList } from './EvaluationList';
import { EvaluationView } from './EvaluationView';
import './cii-capability.css';

/**
 * 能力评价 of a core business (GB/T 39204-2022): the list of evaluations, or one evaluation
 * (?evaluation=<id>, kept beside the page's own parameters such as ?tab=).
 */
export function CiiCapabilityTab({
  orgId,
  businessId,
  canWrite,
}: {
  orgId: string;
  businessId: string;
  canWrite: boolean;
}) {
  const [params, setParams] = useSearchParams();
  const evaluationId = params.get('evaluation');
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('evaluation', id);
    else next.delete('evaluation');
    setParams(next);
  };

  return evaluationId ? (
    <EvaluationView
      key={evaluationId}
      orgId={orgId}
      businessId={businessId}
      evaluationId={evaluationId}
      canWrite={canWrite}
      onBack={() => open(null)}
    />
  ) : (
    <EvaluationList orgId={orgId} businessId={businessId} canWrite={canWrite} onOpen={open} />
  );
}
