import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ObligationsDto } from '../../../../src/shared/api-types';
import { factLink } from '../../lib/missing-facts';

/** 待补充信息: facts a rule needs before it can date an obligation, each linked to where it is entered. */
export function MissingFactsCard({
  orgId,
  missingFacts,
  showSystem,
}: {
  orgId: string;
  missingFacts: ObligationsDto['missingFacts'];
  showSystem: boolean;
}) {
  const { t } = useTranslation();
  if (missingFacts.length === 0) return null;

  const bySystem = new Map<string, { systemName: string; facts: Set<string> }>();
  for (const missing of missingFacts) {
    const entry = bySystem.get(missing.systemId) ?? {
      systemName: missing.systemName,
      facts: new Set<string>(),
    };
    entry.facts.add(missing.fact);
    bySystem.set(missing.systemId, entry);
  }

  return (
    <Card
      size="small"
      title={t('missingFacts.title')}
      extra={<Typography.Text type="secondary">{t('missingFacts.hint')}</Typography.Text>}
    >
      <List
        size="small"
        dataSource={[...bySystem]}
        renderItem={([systemId, { systemName, facts }]) => (
          <List.Item>
            <Space wrap>
              {showSystem && (
                <Link to={`/o/${orgId}/systems/${systemId}`}>
                  <strong>{systemName}</strong>
                </Link>
              )}
              <Typography.Text type="secondary">{t('missingFacts.missing')}</Typography.Text>
              {[...facts].map((fact) => (
                <Link key={fact} to={factLink(orgId, systemId, fact)}>
                  <Tag color="orange" style={{ cursor: 'pointer' }}>
                    {t(`fact.${fact}`, { defaultValue: fact })}
                  </Tag>
                </Link>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
