import { BankOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { useOrganisations } from '../api/hooks';
import { useSignedInSession } from '../api/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { OrganisationDrawer } from '../components/OrganisationDrawer';
import { lastOrganisationId } from '../lib/current-organisation';

/** "/" opens the last organisation; on first run it asks for the organisation to work in. */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSignedInSession();
  const organisations = useOrganisations();
  const [drawerOpen, setDrawerOpen] = useState(false);

  if (organisations.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (organisations.isError) return <ApiErrorAlert error={organisations.error} />;

  const items = organisations.data.items;
  if (items.length > 0) {
    const last = lastOrganisationId();
    const target = items.find((o) => o.id === last) ?? items[0]!;
    return <Navigate to={`/o/${target.id}`} replace />;
  }

  // Only a platform administrator creates organisations; everyone else is added to one.
  if (!session.user.isPlatformAdmin) {
    return (
      <Card style={{ maxWidth: 640, margin: '48px auto' }}>
        <Empty
          image={<BankOutlined style={{ fontSize: 64, color: '#bfbfbf' }} />}
          description={
            <>
              <Typography.Title level={4}>{t('firstRun.noOrganisationTitle')}</Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('firstRun.noOrganisation')}
              </Typography.Paragraph>
            </>
          }
        />
      </Card>
    );
  }

  return (
    <Card style={{ maxWidth: 640, margin: '48px auto' }}>
      <Empty
        image={<BankOutlined style={{ fontSize: 64, color: '#1677ff' }} />}
        description={
          <>
            <Typography.Title level={4}>{t('firstRun.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('firstRun.description')}
            </Typography.Paragraph>
          </>
        }
      >
        <Button type="primary" size="large" onClick={() => setDrawerOpen(true)}>
          {t('firstRun.action')}
        </Button>
      </Empty>
      <OrganisationDrawer
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        onCreated={(organisation) => navigate(`/o/${organisation.id}`)}
      />
    </Card>
  );
}
