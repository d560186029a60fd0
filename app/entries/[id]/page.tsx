import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/require-user';
import { getEntry, getEntryScore, listEntryHits, listEntryVariants } from '@/lib/data/entry';
import { getEntryDays, listEntryEvents } from '@/lib/data/entry-history';
import { listEntryHosts } from '@/lib/data/entry-hosts';
import { getEntryPeerPrevalence } from '@/lib/data/peer-groups';
import { TriagePanel } from '@/components/triage/triage-panel';
import { familyLabel } from '@/lib/format/labels';
import { idParamSchema, parseEntryHostSearchParams } from '@/lib/validation/entry';
import { EntryHistory } from './entry-history';
import { EntryHostsTable } from './entry-hosts-table';
import { EntryIdentityPanel } from './entry-identity';
import { HeuristicHits } from './heuristic-hits';
import { PeerGroups } from './peer-groups';
import { VariantsCompare } from './variants-compare';

export const metadata: Metadata = { title: 'Entry · Tasklens' };

export default async function EntryPage({ params, searchParams }: PageProps<'/entries/[id]'>) {
  await requireUser('viewer');
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const search = parseEntryHostSearchParams(await searchParams);
  const entry = await getEntry(id.data);
  if (!entry) notFound();
  const [score, hits, variants, days, events, groups, hosts] = await Promise.all([
    getEntryScore(entry.id),
    listEntryHits(entry.id),
    listEntryVariants(entry.id),
    getEntryDays(entry.id),
    listEntryEvents(entry.id),
    getEntryPeerPrevalence(entry.id),
    listEntryHosts(entry.id, search),
  ]);
  return (
    <>
      <header className="page-header">
        <p className="muted">
          <span className="tag">{familyLabel(entry.family)}</span> entry #{entry.id}
        </p>
        <h1 className="mono entry-title">{entry.name}</h1>
      </header>
      <EntryIdentityPanel entry={entry} score={score} />
      <TriagePanel entryId={entry.id} />
      <EntryHistory days={days} events={events} />
      <div className="two-col">
        <HeuristicHits hits={hits} />
        <PeerGroups groups={groups} family={entry.family} />
      </div>
      <VariantsCompare variants={variants} />
      <EntryHostsTable search={search} page={hosts} />
    </>
  );
}
