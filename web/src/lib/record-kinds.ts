import type { EventDto, ReviewDto } from '../../../src/shared/api-types';

// Mirrors REVIEW_KINDS / EVENT_KINDS of src/shared/schemas.ts without pulling zod into the bundle;
// the Record types make the compiler flag a kind added there and missing here.
const reviewKinds: Record<ReviewDto['kind'], true> = {
  expert_review: true,
  competent_approval: true,
};
const eventKinds: Record<EventDto['kind'], true> = {
  mlps_assessment: true,
  crypto_assessment: true,
  cii_risk_assessment: true,
};

export const REVIEW_KINDS = Object.keys(reviewKinds) as ReviewDto['kind'][];
export const EVENT_KINDS = Object.keys(eventKinds) as EventDto['kind'][];
