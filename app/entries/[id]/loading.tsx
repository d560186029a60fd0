export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading entry">
      <div className="skeleton" style={{ height: 28, width: 420, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 160, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 240, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 320 }} />
    </div>
  );
}
