import type { TFunction } from 'i18next';

/** Role and agency-type ids come from the server; their names come from the catalogs. */
export function roleLabel(t: TFunction, role: string): string {
  return t(`roles.${role}.name`, { defaultValue: role });
}

export function roleDescription(t: TFunction, role: string): string {
  return t(`roles.${role}.description`, { defaultValue: '' });
}

export function agencyTypeLabel(t: TFunction, type: string): string {
  return t(`agencyTypes.${type}`, { defaultValue: type });
}

export function userStatusLabel(t: TFunction, status: string): string {
  return t(`users.status.${status}`, { defaultValue: status });
}
