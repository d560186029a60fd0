import { connection } from 'next/server';
import Link from 'next/link';
import { getFleetSummary } from '@/lib/data/overview';
import { requireUser } from '@/lib/auth/require-user';

export default async function OverviewPage() {
  await requireUser('viewer');
  await connection();
  const s = await getFleetSummary();
  const cards = [
    { label: 'Hosts', value: s.hosts, href: '/hosts' },
    { label: 'Job identities', value: s.entries, href: '/inventory' },
    { label: 'New in the last 7 days', value: s.newEntriesLast7Days, href: '/inventory?sort=firstSeenAt.desc' },
    { label: 'Snapshots', value: s.snapshots, href: '/hosts' },
  ];
  return (
    <>
      <header className="page-header">
        <h1>Overview</h1>
        <p className="muted">Every scheduled job on every machine, and the few that should not be there.</p>
      </header>
      <div className="cards">
        {cards.map((c) => (
          <Link key={c.label} href={c.href} className="card" aria-label={`${c.label}: ${c.value}`}>
            <div className="value">{c.value.toLocaleString('en-US')}</div>
            <div className="label">{c.label}</div>
          </Link>
        ))}
      </div>
      {s.hosts === 0 && (
        <section className="panel">
          <h2>Start with one export</h2>
          <p>
            Upload an Autoruns CSV (<code>autorunsc -a * -c -h -s -nobanner</code>) or any other supported export on the{' '}
            <Link href="/uploads">Uploads</Link> page. Hosts and their entries appear here as soon as it is ingested.
          </p>
        </section>
      )}
    </>
  );
}
