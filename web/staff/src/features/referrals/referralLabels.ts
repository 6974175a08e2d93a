import type { TFunction } from 'i18next';

export const referralStatusLabel = (t: TFunction, code: string) => t(`referrals.status.${code}`, { defaultValue: code });
/** Referrals go to directory providers, so their services read as the directory names them. */
export const referralServiceLabel = (t: TFunction, code: string) => t(`directory.serviceTypes.${code}`, { defaultValue: code });
export const referralBadge = (status: string) => (status === 'accepted' || status === 'completed' ? 'badge badge-ok' : status === 'declined' || status === 'withdrawn' ? 'badge badge-off' : 'badge badge-info');
