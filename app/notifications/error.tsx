'use client';

export default function NotificationsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-box" role="alert">
      <h1>Notifications could not be loaded</h1>
      <p className="muted">The server could not answer{error.digest ? ` (reference ${error.digest})` : ''}. Your notifications are kept; try again.</p>
      <button type="button" className="primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
