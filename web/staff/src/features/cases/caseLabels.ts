import type { TFunction } from 'i18next';

/** Names of the investigations' codes come from the catalogs. */
export const traffickingLabel = (t: TFunction, code: string) => t(`cases.traffickingType.${code}`, { defaultValue: code });
export const caseStatusLabel = (t: TFunction, code: string) => t(`cases.status.${code}`, { defaultValue: code });
export const accessLabel = (t: TFunction, code: string) => t(`cases.access.${code}`, { defaultValue: code });
/** The level as it reads inside a sentence: "shared at read level". */
export const accessInSentence = (t: TFunction, code: string) => t(`cases.accessInSentence.${code}`, { defaultValue: code });
export const scopeLabel = (t: TFunction, code: string) => t(`cases.scope.${code}`, { defaultValue: code });
export const entityKindLabel = (t: TFunction, code: string) => t(`cases.entityKinds.${code}`, { defaultValue: code });
export const entityKindPlural = (t: TFunction, code: string) => t(`cases.entityKindsPlural.${code}`, { defaultValue: code });
export const caseRoleLabel = (t: TFunction, code: string) => t(`cases.roles.${code}`, { defaultValue: code });
export const suspectRoleLabel = (t: TFunction, code: string) => t(`cases.suspectRoles.${code}`, { defaultValue: code });
export const linkTypeLabel = (t: TFunction, code: string) => t(`cases.linkTypes.${code}`, { defaultValue: code });
export const identifierKindLabel = (t: TFunction, code: string) => t(`cases.identifierKinds.${code}`, { defaultValue: code });
export const outcomeTypeLabel = (t: TFunction, code: string) => t(`cases.outcomeTypes.${code}`, { defaultValue: code });
export const offenseLabel = (t: TFunction, code: string) => t(`cases.offenses.${code}`, { defaultValue: code });
export const jurisdictionLevelLabel = (t: TFunction, code: string) => t(`cases.jurisdictionLevels.${code}`, { defaultValue: code });
export const taskStatusLabel = (t: TFunction, code: string) => t(`cases.tasks.status.${code}`, { defaultValue: code });
export const placeKindLabel = (t: TFunction, code: string) => t(`cases.placeKinds.${code}`, { defaultValue: code });
export const orgTypeLabel = (t: TFunction, code: string) => t(`cases.orgTypes.${code}`, { defaultValue: code });
export const industryLabel = (t: TFunction, code: string) => t(`cases.industries.${code}`, { defaultValue: code });
export const paymentServiceLabel = (t: TFunction, code: string) => t(`cases.paymentServices.${code}`, { defaultValue: code });
export const sexLabel = (t: TFunction, code: string) => t(`cases.sexes.${code}`, { defaultValue: code });

/** "Case #12" in the page's language. */
export const caseNumber = (t: TFunction, number: number) => t('cases.number', { number });

/** Options for a select from a list of codes and their label function. */
export function codeOptions(t: TFunction, codes: readonly string[], label: (t: TFunction, code: string) => string) {
  return codes.map((code) => ({ value: code, label: label(t, code) }));
}
