'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-box" role="alert">
      <h1>This page could not be loaded</h1>
      <p className="muted">
        The server could not answer{error.digest ? ` (reference ${error.digest})` : ''}. If the database was restarting, trying again usually
        works.
      </p>
      <button type="button" className="primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
