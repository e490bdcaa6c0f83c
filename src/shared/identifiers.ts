/**
 * Checks of the identifiers the filing form asks for: the unified social credit code
 * (统一社会信用代码, GB 32100-2015), the administrative division code (行政区划代码, GB/T 2260) and
 * the postal code. Pure, so the server, the CLI and the web form check the same way.
 */

/** GB 32100-2015: the 31 characters of the code (digits and capitals without I, O, S, V, Z). */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015: the weights of positions 1–17 (3^(i-1) mod 31). */
export const CREDIT_CODE_WEIGHTS = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
] as const;
/** Registration authority, organisation type, 6-digit division code, 9-character body, check. */
export const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character (18th) that positions 1–17 of a credit code call for. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++)
    sum += CREDIT_CODE_CHARACTERS.indexOf(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeProblem =
  { readonly kind: 'shape' } | { readonly kind: 'checkDigit'; readonly expected: string };

/** What is wrong with a unified social credit code, or null when it is right. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!CREDIT_CODE_SHAPE.test(code)) return { kind: 'shape' };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  return expected === code[17] ? null : { kind: 'checkDigit', expected };
}

/** GB/T 2260 province-level codes: the first two digits of every division code. */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82',
]; // prettier-ignore

export type DivisionCodeProblem = 'shape' | 'province';

/** What is wrong with a 6-digit administrative division code, or null when its shape is right. */
export function divisionCodeProblem(code: string): DivisionCodeProblem | null {
  if (!/^\d{6}$/.test(code)) return 'shape';
  return PROVINCE_CODES.includes(code.slice(0, 2)) ? null : 'province';
}

export const POSTAL_CODE_SHAPE = /^\d{6}$/;
