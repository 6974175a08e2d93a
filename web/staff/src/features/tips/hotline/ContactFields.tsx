import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../../components/form/RadioGroup.tsx';
import { TextField } from '../../../components/form/TextField.tsx';
import type { HotlineDraft } from './hotlineDraft.ts';

/** Anonymous unless the caller asks to be contacted; what they give is sealed and every look is audited. */
export function ContactFields({ draft, onChange, errors }: { draft: HotlineDraft; onChange: (change: Partial<HotlineDraft>) => void; errors: Record<string, string> | undefined }) {
  const { t } = useTranslation();
  const setContact = (key: keyof HotlineDraft['contact']) => (value: string) => onChange({ contact: { ...draft.contact, [key]: value } });
  return (
    <fieldset className="form-section">
      <legend>{t('tips.hotline.contact')}</legend>
      <RadioGroup
        path="hotline.contactChoice"
        legend={t('tips.hotline.contactChoice')}
        value={draft.shareContact ? 'share' : 'anonymous'}
        onValueChange={(value) => onChange({ shareContact: value === 'share' })}
        options={[
          { value: 'anonymous', label: t('tips.hotline.anonymous') },
          { value: 'share', label: t('tips.hotline.share') },
        ]}
      />
      {draft.shareContact && (
        <>
          <p className="hint">{t('tips.hotline.contactHint')}</p>
          <TextField path="body.contact.name" label={t('tips.contact.name')} optional autoComplete="off" value={draft.contact.name} onValueChange={setContact('name')} error={errors?.['body.contact.name']} />
          <TextField path="body.contact.phone" label={t('tips.contact.phone')} optional type="tel" autoComplete="off" value={draft.contact.phone} onValueChange={setContact('phone')} error={errors?.['body.contact.phone']} />
          <TextField path="body.contact.email" label={t('tips.contact.email')} optional type="email" autoComplete="off" value={draft.contact.email} onValueChange={setContact('email')} error={errors?.['body.contact.email']} />
          <TextField path="body.contact.safeTimes" label={t('tips.contact.safeTimes')} optional value={draft.contact.safeTimes} onValueChange={setContact('safeTimes')} error={errors?.['body.contact.safeTimes']} />
        </>
      )}
    </fieldset>
  );
}
