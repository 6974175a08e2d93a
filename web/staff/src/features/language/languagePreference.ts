import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Session, SessionUser } from '../../api/types.ts';
import i18n, { currentLanguage, isLanguage, rememberLanguage, type Language } from '../../i18n/i18n.ts';
import { sessionQueryKey, useSession } from '../auth/session.ts';

// A language picked before signing in wins over the one saved on the account, and is then saved to it.
let chosenBeforeSignIn: Language | null = null;

async function saveLocale(locale: Language): Promise<SessionUser> {
  return api.patch<SessionUser>('/api/me', { locale });
}

/** Switches the page's language, remembers it on this device, and saves it on the account when signed in. */
export function useChangeLanguage(): (language: Language) => Promise<void> {
  const queryClient = useQueryClient();
  return async (language) => {
    await i18n.changeLanguage(language);
    rememberLanguage(language);
    const session = queryClient.getQueryData<Session | null>(sessionQueryKey);
    if (session?.mfa !== 'complete') {
      chosenBeforeSignIn = language;
      return;
    }
    try {
      const user = await saveLocale(language);
      queryClient.setQueryData<Session | null>(sessionQueryKey, (old) => (old ? { ...old, user: { ...old.user, ...user } } : old));
    } catch {
      // The page already speaks the new language; the account keeps the old one until the next change.
    }
  };
}

/** Once signed in, the page speaks the language saved on the account (or saves the one just chosen). */
export function useAccountLanguage(): void {
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const userId = session?.mfa === 'complete' ? session.user.id : null;
  const accountLocale = session?.user.locale;

  useEffect(() => {
    if (!userId) return;
    if (chosenBeforeSignIn) {
      const chosen = chosenBeforeSignIn;
      chosenBeforeSignIn = null;
      if (chosen !== accountLocale) {
        saveLocale(chosen).then(
          (user) => queryClient.setQueryData<Session | null>(sessionQueryKey, (old) => (old ? { ...old, user: { ...old.user, ...user } } : old)),
          () => undefined,
        );
      }
      return;
    }
    if (isLanguage(accountLocale) && accountLocale !== currentLanguage()) {
      void i18n.changeLanguage(accountLocale);
      rememberLanguage(accountLocale);
    }
    // Only when a different person signs in; later changes go through useChangeLanguage.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);
}
