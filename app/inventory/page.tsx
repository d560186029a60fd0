import type { Metadata } from 'next';
import { listInventory } from '@/lib/data/inventory';
import { parseInventorySearchParams } from '@/lib/validation/inventory';
import { InventoryTable } from './inventory-table';
import { requireUser } from '@/lib/auth/require-user';

export const metadata: Metadata = { title: 'Inventory · Tasklens' };

export default async function InventoryPage({ searchParams }: PageProps<'/inventory'>) {
  await requireUser('viewer');
  const search = parseInventorySearchParams(await searchParams);
  const page = await listInventory(search);
  return (
    <>
      <header className="page-header">
        <h1>Inventory</h1>
        <p className="muted">Every scheduled job identity across the fleet, with how many hosts have it now.</p>
      </header>
      <InventoryTable search={search} page={page} />
    </>
  );
}
