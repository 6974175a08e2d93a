import type { TFunction } from 'i18next';

/** Names of the server's tip codes come from the catalogs. */
export const concernLabel = (t: TFunction, concern: string) => t(`tips.concern.${concern}`, { defaultValue: concern });
export const channelLabel = (t: TFunction, channel: string) => t(`tips.channel.${channel}`, { defaultValue: channel });
export const statusLabel = (t: TFunction, status: string) => t(`tips.status.${status}`, { defaultValue: status });
export const priorityLabel = (t: TFunction, priority: string) => t(`tips.priority.${priority}`, { defaultValue: priority });
export const heardViaLabel = (t: TFunction, heard: string) => t(`tips.heardVia.${heard}`, { defaultValue: heard });

/** A span of minutes as people say it: "under a minute", "45 minutes", "3 hours 5 minutes", "2 days 4 hours". */
export function formatMinutes(t: TFunction, total: number): string {
  const minutes = Math.max(0, Math.floor(total));
  if (minutes < 1) return t('time.underAMinute');
  if (minutes < 60) return t('time.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${t('time.hours', { count: hours })} ${t('time.minutes', { count: rest })}` : t('time.hours', { count: hours });
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${t('time.days', { count: days })} ${t('time.hours', { count: restHours })}` : t('time.days', { count: days });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
