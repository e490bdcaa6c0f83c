import { useTranslation } from 'react-i18next';
import type {
  DimensionResultDto,
  GradingResultDto,
  MatrixCellDto,
} from '../../../../src/shared/api-types';
import {
  HARM_DEGREES,
  HARMED_OBJECTS,
  type HarmDegree,
  type HarmedObject,
} from '../../../../src/shared/mlps';

const has = (cells: readonly MatrixCellDto[], object: HarmedObject, degree: HarmDegree) =>
  cells.some((c) => c.object === object && c.degree === degree);

/**
 * GB/T 22240-2020's table of 受侵害的客体 × 侵害程度, with the chosen cells highlighted and the
 * decisive one(s) filled, so the reader sees why the dimension got its level. The table itself
 * comes from the server (the rule lives in one place).
 */
export function GradingMatrix({
  result,
  matrix,
}: {
  result: DimensionResultDto;
  matrix: GradingResultDto['matrix'];
}) {
  const { t } = useTranslation();
  return (
    <table
      className="grading-matrix"
      aria-label={t('grading.matrixCaption', { dimension: t(`dimension.${result.dimension}`) })}
    >
      <thead>
        <tr>
          <th scope="col">{t('grading.objectHeader')}</th>
          {HARM_DEGREES.map((degree) => (
            <th key={degree} scope="col">
              {t(`degree.${degree}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {HARMED_OBJECTS.map((object) => (
          <tr key={object}>
            <th scope="row">{t(`object.${object}`)}</th>
            {HARM_DEGREES.map((degree) => {
              const decisive = has(result.decisiveCells, object, degree);
              const used = has(result.cells, object, degree);
              return (
                <td
                  key={degree}
                  className={decisive ? 'decisive' : used ? 'used' : undefined}
                  aria-current={decisive ? 'true' : undefined}
                >
                  {t(`level.short.${matrix[object][degree]}`)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
