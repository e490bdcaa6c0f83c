import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Move up / move down / remove for one row of an ordered list editor (Form.List). */
export function OrderedListControls({
  index,
  count,
  move,
  remove,
  what,
}: {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  /** Names the row in the buttons' accessible names ("环节 2"). */
  what: string;
}) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <Tooltip title={t('cii.list.up')}>
        <Button
          icon={<ArrowUpOutlined />}
          aria-label={`${t('cii.list.up')} ${what}`}
          disabled={index === 0}
          onClick={() => move(index, index - 1)}
        />
      </Tooltip>
      <Tooltip title={t('cii.list.down')}>
        <Button
          icon={<ArrowDownOutlined />}
          aria-label={`${t('cii.list.down')} ${what}`}
          disabled={index === count - 1}
          onClick={() => move(index, index + 1)}
        />
      </Tooltip>
      <Tooltip title={t('cii.list.remove')}>
        <Button
          danger
          icon={<DeleteOutlined />}
          aria-label={`${t('cii.list.remove')} ${what}`}
          onClick={() => remove(index)}
        />
      </Tooltip>
    </Space.Compact>
  );
}
