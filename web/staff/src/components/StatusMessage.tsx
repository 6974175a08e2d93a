import { useEffect, useRef } from 'react';

/**
 * A polite live region that is always in the page, so a message put into it is announced. With
 * `takeFocus`, a new message also receives focus: for actions whose button disappears once done.
 */
export function StatusMessage({ message, takeFocus = false }: { message: string | null; takeFocus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus && message) ref.current?.focus();
  }, [message, takeFocus]);
  return (
    <div ref={ref} role="status" tabIndex={takeFocus ? -1 : undefined} className={message ? 'status-message' : 'status-message status-message-empty'}>
      {message}
    </div>
  );
}
