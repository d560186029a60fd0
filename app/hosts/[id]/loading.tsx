export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading host">
      <div className="skeleton" style={{ height: 28, width: 260, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 120, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 360, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 240 }} />
    </div>
  );
}
