/** The reason (required) and expiry every suppression form asks for, with the same limits as the server. */
export function ReasonFields({ submitLabel }: { submitLabel: string }) {
  return (
    <>
      <input name="reason" aria-label="Reason" placeholder="reason (required)" required minLength={3} maxLength={500} />
      <input name="expires" aria-label="Expires after" placeholder="expires after, e.g. 30d (empty: never)" />
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </>
  );
}
