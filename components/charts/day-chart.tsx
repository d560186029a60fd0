'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';

export interface DaySeries {
  key: string;
  label: string;
  kind: 'area' | 'line' | 'bar';
  color: string;
}

interface DayChartProps {
  title: string;
  data: ({ day: string } & Record<string, string | number>)[];
  series: DaySeries[];
  height?: number;
}

// Axis ticks in compact form: at fleet scale "10000" did not fit the 36 px axis and showed as "0000".
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * Per-day series on one time axis (areas, lines and bars together), pre-aggregated by the DAL. The same numbers
 * are always available as a table under the chart, for screen readers and for copying.
 */
export function DayChart({ title, data, series, height = 220 }: DayChartProps) {
  return (
    <figure className="day-chart" aria-label={title}>
      <ComposedChart responsive data={data} style={{ width: '100%', height }} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 11, fill: 'var(--muted)' }} />
        <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11, fill: 'var(--muted)' }} tickFormatter={(n: number) => compact.format(n)} />
        <Tooltip contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', fontSize: 12 }} />
        <Legend verticalAlign="top" height={24} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) =>
          s.kind === 'area' ? (
            <Area key={s.key} type="stepAfter" dataKey={s.key} name={s.label} stroke={s.color} fill={s.color} fillOpacity={0.15} isAnimationActive={false} />
          ) : s.kind === 'line' ? (
            <Line key={s.key} type="stepAfter" dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={2} isAnimationActive={false} />
          ) : (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} maxBarSize={14} isAnimationActive={false} />
          ),
        )}
      </ComposedChart>
      <details className="chart-table">
        <summary>{title} as a table</summary>
        <table className="data-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((s) => (
                <th key={s.key} scope="col">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                {series.map((s) => (
                  <td key={s.key} className="num">{d[s.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
