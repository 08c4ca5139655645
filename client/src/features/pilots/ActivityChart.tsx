import type { TActivityTotals } from '@groundwork/server/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import './activities.css';

type Point = { period: string } & TActivityTotals;

/** The three counts the chart draws, in the colours of the legend (labels say which is which). */
const SERIES = [
  { key: 'conversations', label: 'Conversations', colour: '#1f2a44' },
  { key: 'newMembers', label: 'New party members', colour: '#e4003b' },
  { key: 'participants', label: 'People taking part', colour: '#7aa6d9' },
] as const;

/**
 * Chart.js and only the bar chart's parts, loaded when a chart is first drawn: the page (and its table)
 * shows without waiting for it, and the map's first bundle never carries it.
 */
async function loadChart() {
  const { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } =
    await import('chart.js');
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
  return Chart;
}
type ChartInstance = InstanceType<Awaited<ReturnType<typeof loadChart>>>;

function periodText(period: string, periodLabel: 'Week' | 'Month'): string {
  const d = new Date(`${period.length === 7 ? `${period}-01` : period.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return period;
  const opts: Intl.DateTimeFormatOptions =
    periodLabel === 'Month'
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat('en-GB', opts).format(d);
}

function summary(points: Point[], periodLabel: 'Week' | 'Month'): string {
  const sum = (k: (typeof SERIES)[number]['key']) => points.reduce((n, p) => n + p[k], 0);
  const span = `${points.length} ${periodLabel === 'Week' ? 'week' : 'month'}${points.length === 1 ? '' : 's'}`;
  const parts = SERIES.map((s) => `${sum(s.key).toLocaleString('en-GB')} ${s.label.toLowerCase()}`);
  return `Bar chart over ${span}: ${parts.join(', ')}. The table below gives each ${periodLabel.toLowerCase()}.`;
}

/** Activity counts per week or month as a bar chart with a caption, and the same figures as a table. */
export function ActivityChart(props: { points: Point[]; periodLabel: 'Week' | 'Month'; caption: string }) {
  const { points, periodLabel, caption } = props;
  const id = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (points.length === 0) return;
    let cancelled = false;
    loadChart()
      .then((Chart) => {
        if (cancelled || !canvas.current) return;
        const data = {
          labels: points.map((p) => periodText(p.period, periodLabel)),
          datasets: SERIES.map((s) => ({
            label: s.label,
            data: points.map((p) => p[s.key]),
            backgroundColor: s.colour,
            maxBarThickness: 56,
          })),
        };
        // A canvas remounted (the data went empty and came back) needs a chart of its own.
        if (chart.current && chart.current.canvas !== canvas.current) {
          chart.current.destroy();
          chart.current = null;
        }
        if (chart.current) {
          chart.current.data = data;
          chart.current.update();
          return;
        }
        chart.current = new Chart(canvas.current, {
          type: 'bar',
          data,
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { position: 'bottom' } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          },
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [points, periodLabel]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <figure className="activity-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="activity-chart__caption">
        {caption}
      </figcaption>
      {points.length === 0 ? (
        <p className="state">No activity logged yet, so there is nothing to chart.</p>
      ) : (
        <>
          {failed ? (
            <p className="state state--error">
              The chart could not be drawn; the table below has the figures.
            </p>
          ) : (
            <div className="activity-chart__frame">
              <canvas ref={canvas} role="img" aria-label={summary(points, periodLabel)} />
            </div>
          )}
          <details className="activity-chart__table">
            <summary>Show as a table</summary>
            {/* Focusable, so the keyboard can scroll a table wider than a phone. */}
            <div className="table-scroll" role="region" aria-label={`${caption}: table`} tabIndex={0}>
              <table className="activity-table">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{periodLabel}</th>
                    <th scope="col" className="num">
                      Activities
                    </th>
                    {SERIES.map((s) => (
                      <th key={s.key} scope="col" className="num">
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.period}>
                      <th scope="row">{periodText(p.period, periodLabel)}</th>
                      <td className="num">{p.activities.toLocaleString('en-GB')}</td>
                      {SERIES.map((s) => (
                        <td key={s.key} className="num">
                          {p[s.key].toLocaleString('en-GB')}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
