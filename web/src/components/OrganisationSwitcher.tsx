import { BankOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useOrganisations } from '../api/hooks';
import { useSignedInSession } from '../api/session';
import { OrganisationDrawer } from './OrganisationDrawer';
import { RoleTag } from './RoleTag';

/**
 * Header control: the organisations the user belongs to, each with the user's role there; a
 * platform administrator may also create one.
 */
export function OrganisationSwitcher({ currentId }: { currentId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSignedInSession();
  const organisations = useOrganisations();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = organisations.data?.items ?? [];
  const mayCreate = session.user.isPlatformAdmin;
  // On first run the page body itself asks for the organisation; one call to action is enough.
  if (items.length === 0) return null;

  return (
    <Space>
      <Select
        aria-label={t('header.organisation')}
        data-testid="organisation-switcher"
        prefix={<BankOutlined />}
        value={currentId ?? undefined}
        placeholder={t('header.chooseOrganisation')}
        options={items.map((o) => ({
          value: o.id,
          name: o.name,
          label: (
            <Space size={8}>
              <span>{o.name}</span>
              <RoleTag role={o.role} />
            </Space>
          ),
        }))}
        onChange={(id: string) => navigate(`/o/${id}`)}
        style={{ minWidth: 280 }}
        popupMatchSelectWidth={false}
        showSearch={{ optionFilterProp: 'name' }}
      />
      {mayCreate && (
        <Button icon={<PlusOutlined />} onClick={() => setDrawerOpen(true)}>
          {t('organisation.create')}
        </Button>
      )}
      {mayCreate && (
        <OrganisationDrawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          onCreated={(organisation) => {
            setDrawerOpen(false);
            navigate(`/o/${organisation.id}`);
          }}
        />
      )}
    </Space>
  );
}
