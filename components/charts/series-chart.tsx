'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';

export interface SeriesPoint {
  label: string;
  value: number;
}

interface SeriesChartProps {
  title: string;
  /** What one bar counts, for the tooltip and the table header ("new entries"). */
  unit: string;
  data: SeriesPoint[];
  emptyText: string;
}

/**
 * One bar series with a tooltip and an always-available table fallback (screen readers, copy/paste, no-JS
 * readers). Data arrives aggregated from SQL; the chart only draws it.
 */
export function SeriesChart({ title, unit, data, emptyText }: SeriesChartProps) {
  const isEmpty = data.every((d) => d.value === 0);
  return (
    <figure className="panel chart" aria-label={title}>
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {isEmpty ? (
        <p className="muted chart-empty">{emptyText}</p>
      ) : (
        <div className="chart-area">
          <BarChart responsive data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }} style={{ width: '100%', height: 180 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: 'var(--muted)' }} tickLine={false} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--muted)' }} tickLine={false} axisLine={false} />
            <Tooltip
              cursor={{ fill: 'var(--tag)' }}
              contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }}
              formatter={(v) => [Number(v).toLocaleString('en-US'), unit]}
            />
            <Bar dataKey="value" name={unit} fill="var(--accent)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </div>
      )}
      <details>
        <summary>Table</summary>
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{title.split(' per ')[1] ?? 'Bucket'}</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <td>{d.label}</td>
                <td className="num">{d.value.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
