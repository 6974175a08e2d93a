import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Meta } from '../../api/types.ts';

/** Agency types, roles, and which roles each kind of agency may hold. Changes only with a release. */
export function useMeta() {
  return useQuery({ queryKey: ['meta'], queryFn: () => api.get<Meta>('/api/meta'), staleTime: Infinity });
}

/** Roles that an agency of this type may hold; roles with no restriction fit every agency. */
export function rolesForAgencyType(meta: Meta, agencyType: string | undefined): string[] {
  if (!agencyType) return [];
  return meta.roles.filter((role) => {
    const allowed = meta.roleAgencyTypes[role];
    return !allowed || allowed.includes(agencyType);
  });
}
