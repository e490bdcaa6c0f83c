const STORAGE_KEY = 'dengbao.organisationId';

/** The organisation last worked in, so the app reopens where the user left it. */
export function lastOrganisationId(): string | null {
  return localStorage.getItem(STORAGE_KEY);
}

export function rememberOrganisationId(id: string): void {
  localStorage.setItem(STORAGE_KEY, id);
}
