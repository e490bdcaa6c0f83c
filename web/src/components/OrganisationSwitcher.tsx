import { BankOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useOrganisations } from '../api/hooks';
import { OrganisationDrawer } from './OrganisationDrawer';

/** Header control: pick the organisation to work in, or create one. */
export function OrganisationSwitcher({ currentId }: { currentId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = organisations.data?.items ?? [];
  // On first run the page body itself asks for the organisation; one call to action is enough.
  if (items.length === 0) return null;

  return (
    <Space>
      <Select
        aria-label={t('header.organisation')}
        prefix={<BankOutlined />}
        value={currentId ?? undefined}
        placeholder={t('header.chooseOrganisation')}
        options={items.map((o) => ({ value: o.id, label: o.name }))}
        onChange={(id: string) => navigate(`/o/${id}`)}
        style={{ minWidth: 240 }}
        popupMatchSelectWidth={false}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Button icon={<PlusOutlined />} onClick={() => setDrawerOpen(true)}>
        {t('organisation.create')}
      </Button>
      <OrganisationDrawer
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        onCreated={(organisation) => {
          setDrawerOpen(false);
          navigate(`/o/${organisation.id}`);
        }}
      />
    </Space>
  );
}
