/**
 * One bar per week as an inline SVG that scales to the screen's width (a 360 px phone included).
 * The drawing is for the eye only (aria-hidden): the page gives screen readers the same figures
 * as a table, so this component does not try to be accessible on its own.
 */
import { formatShortDay, toAxisTicks, type WeekSummary } from './dashboard.logic';

export interface WeeklyBarChartProps {
  /** Names the figure and its bars' class: 'orders' gives `dashboard-chart__bar--orders`. */
  readonly measure: 'orders' | 'revenue';
  readonly title: string;
  readonly weeks: readonly WeekSummary[];
  /** How an axis tick reads ("₹1.2k"). */
  readonly formatTick: (value: number) => string;
  /** How a bar's figure reads in its tooltip ("12 orders"). */
  readonly formatValue: (value: number) => string;
}

// The drawing's own units; the SVG stretches to its box, so these are proportions, not pixels.
const width = 320;
const height = 170;
const margin = { top: 8, right: 4, bottom: 22, left: 40 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

export function WeeklyBarChart({ measure, title, weeks, formatTick, formatValue }: WeeklyBarChartProps) {
  const values = weeks.map((week) => week[measure]);
  const ticks = toAxisTicks(Math.max(0, ...values), measure === 'orders');
  const top = ticks[ticks.length - 1] ?? 1;
  const slot = plotWidth / Math.max(1, weeks.length);
  const barWidth = slot * 0.6;
  const toY = (value: number): number => margin.top + plotHeight - (value / top) * plotHeight;
  const titleId = `dashboard-chart-${measure}-title`;

  return (
    <figure className={`dashboard-chart dashboard-chart--${measure}`} aria-labelledby={titleId}>
      <figcaption id={titleId} className="dashboard-chart__title">{title}</figcaption>
      <svg className="dashboard-chart__svg" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false" data-testid={`dashboard-chart-${measure}`}>
        {ticks.map((tick) => (
          <g key={tick} className="dashboard-chart__tick">
            <line className="dashboard-chart__grid" x1={margin.left} x2={width - margin.right} y1={toY(tick)} y2={toY(tick)} />
            <text className="dashboard-chart__tick-label" x={margin.left - 4} y={toY(tick)} textAnchor="end" dominantBaseline="middle">
              {formatTick(tick)}
            </text>
          </g>
        ))}
        {weeks.map((week, index) => {
          const value = week[measure];
          const x = margin.left + index * slot + (slot - barWidth) / 2;
          const current = index === weeks.length - 1;
          return (
            <g key={week.start} className="dashboard-chart__week" data-week={week.start}>
              <rect
                className={`dashboard-chart__bar dashboard-chart__bar--${measure}${current ? ' dashboard-chart__bar--current' : ''}`}
                x={x}
                y={toY(value)}
                width={barWidth}
                height={(value / top) * plotHeight}
                data-value={value}
              >
                <title>{`Week of ${formatShortDay(week.start)}: ${formatValue(value)}`}</title>
              </rect>
              <text className="dashboard-chart__label" x={x + barWidth / 2} y={height - 6} textAnchor="middle">
                {formatShortDay(week.start)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
