/**
 * Checks the form runs as the user types, before the server's own (which stay authoritative):
 * the unified social credit code's check digit (GB 32100-2015), the administrative division
 * code's shape and province (GB/T 2260), postal code, phone and e-mail.
 */
import type { Rule } from 'antd/es/form';

/** GB 32100-2015 §4: the code's character set (no I, O, S, V, Z) and the weights of positions 1-17. */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeProblem = 'shape' | 'checkDigit';

/** Why an 18-character unified social credit code is wrong, or null when it is right. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const value = code.trim().toUpperCase();
  if (!CREDIT_SHAPE.test(value)) return 'shape';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(value[i]!) * CREDIT_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === value[17] ? null : 'checkDigit';
}

/** GB/T 2260 province-level codes (the first two digits of a division code). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82',
]); // prettier-ignore

export type DivisionCodeProblem = 'shape' | 'province';

export function divisionCodeProblem(code: string): DivisionCodeProblem | null {
  const value = code.trim();
  if (!/^[1-9]\d{5}$/.test(value)) return 'shape';
  return PROVINCES.has(value.slice(0, 2)) ? null : 'province';
}

type T = (key: string, options?: Record<string, unknown>) => string;

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** antd rules for the fields above; each message names what is wrong and the expected shape. */
export const rules = {
  creditCode: (t: T): Rule => ({
    validator: async (_rule, value: unknown) => {
      if (blank(value)) return;
      const problem = creditCodeProblem(String(value));
      if (problem) throw new Error(t(`filingProfile.validation.creditCode.${problem}`));
    },
  }),
  divisionCode: (t: T): Rule => ({
    validator: async (_rule, value: unknown) => {
      if (blank(value)) return;
      const problem = divisionCodeProblem(String(value));
      if (problem) throw new Error(t(`filingProfile.validation.divisionCode.${problem}`));
    },
  }),
  postalCode: (t: T): Rule => ({
    pattern: /^\d{6}$/,
    message: t('filingProfile.validation.postalCode'),
  }),
  phone: (t: T): Rule => ({
    pattern: /^[0-9+\-() ]{5,30}$/,
    message: t('filingProfile.validation.phone'),
  }),
  email: (t: T): Rule => ({ type: 'email', message: t('filingProfile.validation.email') }),
};
