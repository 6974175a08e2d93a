import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { HotlineForm } from './hotline/HotlineForm.tsx';
import { HotlineReceipt } from './hotline/HotlineReceipt.tsx';
import type { TipDetail } from './tipTypes.ts';

export function NewTipPage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<{ tip: TipDetail; receipt: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <Page
      back={{ to: '/tips', label: t('tips.backToQueue') }}
      title={created ? t('tips.hotline.createdTitle', { number: created.tip.number }) : t('tips.hotline.title')}
      lead={created ? undefined : t('tips.hotline.lead')}
      width="narrow"
      key={created ? 'created' : `form-${formKey}`}
    >
      {created ? (
        <>
          <HotlineReceipt tip={created.tip} receipt={created.receipt} />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setCreated(null);
              setFormKey((key) => key + 1);
            }}
          >
            {t('tips.hotline.another')}
          </button>
        </>
      ) : (
        <HotlineForm onCreated={setCreated} />
      )}
    </Page>
  );
}
