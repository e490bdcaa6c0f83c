/**
 * The checks the form runs as the user types, the same the server runs (src/shared/identifiers):
 * the unified social credit code's check digit (GB 32100-2015), the administrative division
 * code's shape and province (GB/T 2260), postal code, phone and e-mail.
 */
import type { Rule } from 'antd/es/form';
import {
  creditCodeProblem,
  divisionCodeProblem,
  POSTAL_CODE_SHAPE,
} from '../../../../src/shared/identifiers';

type T = (key: string, options?: Record<string, unknown>) => string;

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** antd rules for the fields above; each message names what is wrong and the expected shape. */
export const rules = {
  creditCode: (t: T): Rule => ({
    validator: async (_rule, value: unknown) => {
      if (blank(value)) return;
      const problem = creditCodeProblem(String(value).trim().toUpperCase());
      if (problem)
        throw new Error(
          t(`filingProfile.validation.creditCode.${problem.kind}`, {
            expected: problem.kind === 'checkDigit' ? problem.expected : '',
          }),
        );
    },
  }),
  divisionCode: (t: T): Rule => ({
    validator: async (_rule, value: unknown) => {
      if (blank(value)) return;
      const problem = divisionCodeProblem(String(value).trim());
      if (problem) throw new Error(t(`filingProfile.validation.divisionCode.${problem}`));
    },
  }),
  postalCode: (t: T): Rule => ({
    pattern: POSTAL_CODE_SHAPE,
    message: t('filingProfile.validation.postalCode'),
  }),
  phone: (t: T): Rule => ({
    pattern: /^[0-9+\-() ]{5,30}$/,
    message: t('filingProfile.validation.phone'),
  }),
  email: (t: T): Rule => ({ type: 'email', message: t('filingProfile.validation.email') }),
};
