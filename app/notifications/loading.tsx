export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading notifications">
      <div className="skeleton" style={{ height: 28, width: 220, marginBottom: 12 }} />
      <div className="skeleton" style={{ height: 16, width: 480, marginBottom: 24 }} />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 32, marginBottom: 6 }} />
      ))}
    </div>
  );
}
