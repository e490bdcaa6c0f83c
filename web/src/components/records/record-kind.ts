import type { UseMutationResult } from '@tanstack/react-query';
import type { FormInstance, TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { RecordAttachmentDto, SystemDetailDto } from '../../../../src/shared/api-types';

/** The i18n key prefixes of the record kinds; each has `.title`, `.add` and `.empty` below it. */
export type RecordKindI18nPrefix = 'records.filings' | 'records.reviews' | 'records.events';

/**
 * Everything that differs between the kinds of records kept on a system (reviews, filings,
 * assessment events): {@link RecordsCard} renders any of them from this description.
 *
 * @typeParam Row - the record as the server lists it in the system detail.
 * @typeParam Values - the add form's values.
 * @typeParam Input - the body the add mutation sends.
 */
export interface RecordKind<Row extends { id: string }, Values extends object, Input> {
  /** Form name: prefixes the field ids, so labels stay unique while several drawers are mounted. */
  formName: string;
  /** Where the card's title, add-button label and empty text live in the translations. */
  i18nPrefix: RecordKindI18nPrefix;
  /** Whether records can only be added once the system is graded. */
  requiresGrading: boolean;
  /** The records of this kind in the system detail. */
  rows: (detail: SystemDetailDto) => Row[];
  /** The table columns, with translated titles. */
  columns: (t: TFunction) => TableColumnsType<Row>;
  /** The mutation that adds one record (a hook: called once per card render). */
  useAdd: (orgId: string, systemId: string) => UseMutationResult<SystemDetailDto, Error, Input>;
  /** The form fields, by name: server errors on these paths land on the fields. */
  fieldNames: readonly (keyof Values & string)[];
  /** The form's starting values for this system. */
  initialValues: (detail: SystemDetailDto) => Partial<Values>;
  /** The add form's fields (rendered inside the drawer's form). */
  FormFields: ComponentType<{ form: FormInstance<Values> }>;
  /** Form values → the mutation's body. */
  toInput: (values: Values) => Input;
  /** Scans kept on each record (an 附件 column): the record kind and what an upload there is. */
  attachment?: (row: Row) => {
    recordKind: RecordAttachmentDto['recordKind'];
    purpose: RecordAttachmentDto['purpose'];
  };
}
