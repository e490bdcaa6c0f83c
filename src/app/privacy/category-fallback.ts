/**
 * Interim data categories until the catalog src/catalogs/pi-categories is wired in
 * (categories.ts reads it from there once it exists). Codes follow DataCategoryCodeSchema;
 * `sensitive` follows the classes of PIPL Art. 28 (biometrics, religious belief, specific
 * identity, medical health, financial accounts, whereabouts, minors under 14).
 */
export const PI_CATEGORY_FALLBACK: ReadonlyMap<string, { readonly sensitive: boolean }> = new Map(
  (
    [
      ['name', false],
      ['gender', false],
      ['date_of_birth', false],
      ['phone_number', false],
      ['email_address', false],
      ['postal_address', false],
      ['employment_record', false],
      ['education_record', false],
      ['device_identifier', false],
      ['ip_address', false],
      ['browsing_history', false],
      ['salary', true],
      ['id_card_number', true],
      ['passport_number', true],
      ['face_features', true],
      ['facial_image', true],
      ['fingerprint', true],
      ['health_record', true],
      ['medical_record', true],
      ['lab_result', true],
      ['genetic_data', true],
      ['bank_account_number', true],
      ['credit_record', true],
      ['precise_location', true],
      ['whereabouts', true],
      ['religious_belief', true],
      ['minors_data', true],
    ] as const
  ).map(([code, sensitive]) => [code, { sensitive }]),
);
