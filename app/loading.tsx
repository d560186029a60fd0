export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <div className="skeleton" style={{ height: 28, width: 220, marginBottom: 12 }} />
      <div className="skeleton" style={{ height: 16, width: 420, marginBottom: 24 }} />
      <div className="skeleton" style={{ height: 360 }} />
    </div>
  );
}
