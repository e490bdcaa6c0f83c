import { Card, Collapse, Descriptions, Radio, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HARM_DEGREES, HARMED_OBJECTS, type GradingDimension } from '../../../../src/shared/mlps';
import type { DegreeChoice, DimensionChoices } from './grading-state';

const CHOICES: readonly DegreeChoice[] = ['none', ...HARM_DEGREES];

/** One grading dimension: for each harmed object, how badly a breach would harm it. */
export function HarmJudgementStep({
  dimension,
  value,
  onChange,
}: {
  dimension: GradingDimension;
  value: DimensionChoices;
  onChange: (value: DimensionChoices) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t(`grading.dimensionQuestion.${dimension}`)}
      </Typography.Paragraph>
      <Collapse
        size="small"
        items={[
          {
            key: 'degrees',
            label: t('grading.degreeGuide'),
            children: (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={HARM_DEGREES.map((degree) => ({
                  key: degree,
                  label: t(`degree.${degree}`),
                  children: t(`degreeHint.${degree}`),
                }))}
              />
            ),
          },
        ]}
      />
      {HARMED_OBJECTS.map((object) => (
        <Card key={object} size="small">
          <section aria-label={t(`object.${object}`)}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text strong>{t(`object.${object}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t(`objectHint.${object}`)}
              </Typography.Text>
              <Radio.Group
                value={value[object]}
                onChange={(e) => onChange({ ...value, [object]: e.target.value as DegreeChoice })}
                optionType="button"
                buttonStyle="solid"
                style={{ marginTop: 4 }}
              >
                {CHOICES.map((choice) => (
                  <Tooltip
                    key={choice}
                    title={choice === 'none' ? undefined : t(`degreeHint.${choice}`)}
                  >
                    <Radio.Button value={choice}>{t(`degree.${choice}`)}</Radio.Button>
                  </Tooltip>
                ))}
              </Radio.Group>
            </Space>
          </section>
        </Card>
      ))}
    </Space>
  );
}
