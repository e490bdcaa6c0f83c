/**
 * The grading narrative at rest: SM4-encrypted JSON in `gradings.narrative`, bound to the
 * grading's row (its boundary and topology description is as sensitive as the diagram, which is
 * encrypted too). The audit log gets what changed without the words: how many arguments, the
 * sector answers and the SM3 digest of the narrative.
 */
import { createHash } from 'node:crypto';
import type { FieldCipher } from '../../security/field-crypto';
import type { GradingNarrative } from '../../shared/schemas';

const binding = (gradingId: string) => ({
  table: 'gradings',
  column: 'narrative',
  rowId: gradingId,
});

export function encryptNarrative(
  cipher: FieldCipher,
  gradingId: string,
  narrative: GradingNarrative | null | undefined,
): string | null {
  return narrative ? cipher.encrypt(JSON.stringify(narrative), binding(gradingId)) : null;
}

export function decryptNarrative(
  cipher: FieldCipher,
  gradingId: string,
  token: string | null,
): GradingNarrative | null {
  return token === null
    ? null
    : (JSON.parse(cipher.decrypt(token, binding(gradingId))) as GradingNarrative);
}

/** The narrative as the audit log keeps it: its shape and digest, not its text. */
export function narrativeForAudit(narrative: GradingNarrative) {
  return {
    harmArguments: narrative.harmArguments.map((a) => `${a.dimension}:${a.object}:${a.degree}`),
    sectorGuidance: narrative.sectorGuidance,
    hasBoundary: !!narrative.boundaryDescription,
    sm3: createHash('sm3').update(JSON.stringify(narrative)).digest('hex'),
  };
}
