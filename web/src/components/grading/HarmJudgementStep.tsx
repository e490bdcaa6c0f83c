import { Card, Collapse, Descriptions, Input, Radio, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  HARM_DEGREES,
  HARMED_OBJECTS,
  type GradingDimension,
  type HarmedObject,
} from '../../../../src/shared/mlps';
import type { DegreeChoice, DimensionChoices } from './grading-state';

const CHOICES: readonly DegreeChoice[] = ['none', ...HARM_DEGREES];

/** The server's bound on one argument (src/shared/schemas.ts GradingNarrativeSchema). */
const ARGUMENT_MAX = 4000;

/**
 * One grading dimension: for each harmed object, how badly a breach would harm it, and (for the
 * 定级报告) why — one argument per object harmed.
 */
export function HarmJudgementStep({
  dimension,
  value,
  onChange,
  argumentOf,
  onArgumentChange,
  missing = [],
  readOnly = false,
}: {
  dimension: GradingDimension;
  value: DimensionChoices;
  onChange: (value: DimensionChoices) => void;
  argumentOf?: (object: HarmedObject) => string;
  onArgumentChange?: (object: HarmedObject, text: string) => void;
  /** Objects whose argument is required and still empty (shown in error). */
  missing?: readonly HarmedObject[];
  readOnly?: boolean;
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
              {value[object] !== 'none' && argumentOf && onArgumentChange && (
                <>
                  <Input.TextArea
                    aria-label={t('grading.narrative.argumentLabel', {
                      object: t(`object.${object}`),
                    })}
                    placeholder={t('grading.narrative.argumentPlaceholder', {
                      object: t(`object.${object}`),
                      degree: t(`degree.${value[object]}`),
                    })}
                    value={argumentOf(object)}
                    onChange={(e) => onArgumentChange(object, e.target.value)}
                    status={missing.includes(object) ? 'error' : undefined}
                    disabled={readOnly}
                    autoSize={{ minRows: 2, maxRows: 8 }}
                    maxLength={ARGUMENT_MAX}
                    style={{ marginTop: 8 }}
                  />
                  {missing.includes(object) && (
                    <Typography.Text type="danger">
                      {t('grading.narrative.argumentRequired')}
                    </Typography.Text>
                  )}
                </>
              )}
            </Space>
          </section>
        </Card>
      ))}
    </Space>
  );
}
