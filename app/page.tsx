import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { getCoverage, getFleetSummary, getOverviewSeries, getTriageBacklog } from '@/lib/data/overview';
import { formatDateTime } from '@/lib/format/labels';
import { CoveragePanel } from '@/components/overview/coverage-panel';
import { OverviewCharts } from '@/components/overview/overview-charts';
import { TriageBacklogPanel } from '@/components/overview/triage-backlog-panel';

export default async function OverviewPage() {
  await requireUser('viewer');
  const [s, coverage, series, backlog] = await Promise.all([getFleetSummary(), getCoverage(), getOverviewSeries(), getTriageBacklog()]);
  const cards = [
    { label: 'Hosts', value: s.hosts, href: '/hosts' },
    { label: 'Outliers', value: s.outliers, href: '/outliers' },
    { label: 'New entries, last 7 days', value: s.newEntries7d, href: '/outliers?sort=newSince.desc' },
    { label: 'Job identities present', value: s.entries, href: '/inventory' },
    { label: 'Snapshots', value: s.snapshots, href: '/uploads' },
  ];
  return (
    <>
      <header className="page-header">
        <h1>Overview</h1>
        <p className="muted">
          Every scheduled job on every machine, and the few that should not be there.
          {s.fleetNow && ` Latest collection: ${formatDateTime(s.fleetNow)}.`}
        </p>
      </header>
      <div className="cards">
        {cards.map((c) => (
          <Link key={c.label} href={c.href} className="card" aria-label={`${c.label}: ${c.value}`}>
            <div className="value">{c.value.toLocaleString('en-US')}</div>
            <div className="label">{c.label}</div>
          </Link>
        ))}
      </div>
      {s.hosts === 0 ? (
        <section className="panel">
          <h2>Start with one export</h2>
          <p>
            Upload an Autoruns CSV (<code>autorunsc -a * -c -h -s -nobanner *</code>), a <code>schtasks /query /fo csv /v</code> export, a task
            XML folder or a zip of cron, systemd and launchd files on the <Link href="/uploads">Uploads</Link> page, or run{' '}
            <code>npx tasklens demo</code> for a living demo fleet.
          </p>
        </section>
      ) : (
        <>
          <OverviewCharts series={series} />
          <div className="overview-panels">
            <CoveragePanel rows={coverage} />
            <TriageBacklogPanel backlog={backlog} />
          </div>
        </>
      )}
    </>
  );
}
