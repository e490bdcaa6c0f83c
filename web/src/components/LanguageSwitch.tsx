import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';

/** Shows the language you would switch to, in that language (the usual convention). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      icon={<GlobalOutlined />}
      onClick={() => void changeLanguage(next)}
      title={t('header.switchLanguage')}
    >
      {t('header.otherLanguage')}
    </Button>
  );
}
