import { SeriesChart } from '@/components/charts/series-chart';
import type { OverviewSeries } from '@/lib/data/overview';

export function OverviewCharts({ series }: { series: OverviewSeries }) {
  return (
    <div className="chart-grid">
      <SeriesChart title="New entries per day" unit="new entries" data={series.newEntriesPerDay} emptyText="No entry appeared after a host's first snapshot yet." />
      <SeriesChart title="New outliers per day" unit="outliers" data={series.newOutliersPerDay} emptyText="No new outlier in the last 30 days." />
      <SeriesChart title="Entries per prevalence" unit="entries" data={series.prevalence} emptyText="No entries yet." />
    </div>
  );
}
