import type { PasswordPolicy } from '../api/types';

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

export type PasswordProblem =
  | { key: 'password.problem.length'; min: number }
  | { key: 'password.problem.classes'; classes: number }
  | { key: 'password.problem.username' };

/** The same checks as the server's policy (src/security/passwords.ts), for messages as you type. */
export function passwordProblems(
  password: string,
  username: string,
  policy: Pick<PasswordPolicy, 'passwordMinLength' | 'passwordMinClasses'> | undefined,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (policy && [...password].length < policy.passwordMinLength) {
    problems.push({ key: 'password.problem.length', min: policy.passwordMinLength });
  }
  const classes = CLASSES.filter((re) => re.test(password)).length;
  if (policy && classes < policy.passwordMinClasses) {
    problems.push({ key: 'password.problem.classes', classes: policy.passwordMinClasses });
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ key: 'password.problem.username' });
  }
  return problems;
}

const ALPHABETS = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '#%+-=@_!'];

/** A random initial password with every character class (unambiguous letters only). */
export function generatePassword(length = 16): string {
  const all = ALPHABETS.join('');
  const random = new Uint32Array(length + ALPHABETS.length);
  crypto.getRandomValues(random);
  const chars = ALPHABETS.map((alphabet, i) => alphabet[random[i]! % alphabet.length]!);
  for (let i = ALPHABETS.length; i < length; i++) chars.push(all[random[i]! % all.length]!);
  // Shuffle so the class order is not fixed.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random[length + (i % ALPHABETS.length)]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
