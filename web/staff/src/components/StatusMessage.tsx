/** A polite live region that is always in the page, so a message put into it is announced. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? 'status-message' : 'status-message status-message-empty'}>
      {message}
    </div>
  );
}
