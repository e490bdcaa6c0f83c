/**
 * Chinese wording of the API's own messages, from the vocabulary (src/shared/vocabulary): by the
 * detail's code when it has one, else by finding the code of the English text among the
 * vocabulary's templates (zod messages written in the schemas, errors not keyed yet). Zod's
 * built-in messages are translated with its zhCN locale instead (src/server/errors.ts).
 */
import { codeOfMessage, say, wordsOf, type Params } from './vocabulary';

/** The Chinese of a code with its params, or null when the vocabulary has no such code. */
export function messageZhOfCode(code: string, params: Params = {}): string | null {
  return wordsOf(code) ? say(code, params, 'zh') : null;
}

/** The Chinese wording of one of our own English messages, or null when it has none. */
export function ownMessageZh(message: string): string | null {
  const found = codeOfMessage(message);
  return found ? say(found.code, found.params, 'zh') : null;
}

/** The code and params of one of our English messages (null when it is not ours). */
export { codeOfMessage };
