/** react-query hooks for the 设置 pages: members and roles, API tokens, the audit log. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../src/shared/roles';
import { api } from './client';
import { queryKeys } from './hooks';
import { SESSION_KEY } from './session';
import type { AddMemberInput, ApiTokenInput, AuditQuery } from './types';

export const settingsKeys = {
  members: (orgId: string) => ['members', orgId] as const,
  tokens: (orgId: string) => ['tokens', orgId] as const,
  audit: (orgId: string) => ['audit', orgId] as const,
  auditPage: (orgId: string, q: AuditQuery) => ['audit', orgId, q] as const,
};

export function useMembers(orgId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: settingsKeys.members(orgId),
    queryFn: () => api.listMembers(orgId),
    enabled,
  });
}

/** A membership change may change the caller's own role: session and organisations follow. */
function useMemberMutation<I>(orgId: string, write: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: settingsKeys.members(orgId) }),
        client.invalidateQueries({ queryKey: settingsKeys.audit(orgId) }),
        client.invalidateQueries({ queryKey: SESSION_KEY }),
        client.invalidateQueries({ queryKey: queryKeys.organisations }),
      ]),
  });
}

export const useAddMember = (orgId: string) =>
  useMemberMutation(orgId, (input: AddMemberInput) => api.addMember(orgId, input));

export const useChangeMemberRole = (orgId: string) =>
  useMemberMutation(orgId, (input: { userId: string; role: Role; version: number }) =>
    api.changeMemberRole(orgId, input.userId, input.role, input.version),
  );

export const useRemoveMember = (orgId: string) =>
  useMemberMutation(orgId, (userId: string) => api.removeMember(orgId, userId));

export const useUnlockMember = (orgId: string) =>
  useMemberMutation(orgId, (userId: string) => api.unlockMember(orgId, userId));

/** Brings an assessor's assignments to `systemIds` (one PUT/DELETE per difference). */
export const useSetAssignments = (orgId: string) =>
  useMemberMutation(
    orgId,
    async (input: { userId: string; before: readonly string[]; after: readonly string[] }) => {
      const added = input.after.filter((id) => !input.before.includes(id));
      const removed = input.before.filter((id) => !input.after.includes(id));
      for (const id of added) await api.setSystemAssignment(orgId, input.userId, id, true);
      for (const id of removed) await api.setSystemAssignment(orgId, input.userId, id, false);
    },
  );

export function useTokens(orgId: string) {
  return useQuery({ queryKey: settingsKeys.tokens(orgId), queryFn: () => api.listTokens(orgId) });
}

export function useCreateToken(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiTokenInput) => api.createToken(orgId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.tokens(orgId) }),
  });
}

export function useRevokeToken(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api.revokeToken(orgId, tokenId),
    onSettled: () => client.invalidateQueries({ queryKey: settingsKeys.tokens(orgId) }),
  });
}

/** The log changes with every write anywhere: always re-read when the page opens. */
export function useAuditLog(orgId: string, q: AuditQuery) {
  return useQuery({
    queryKey: settingsKeys.auditPage(orgId, q),
    queryFn: () => api.listAudit(orgId, q),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useVerifyAudit(orgId: string) {
  return useMutation({ mutationFn: () => api.verifyAudit(orgId) });
}
