'use client';

// The month-by-month chart of one meter: kWh and ₽. recharts is loaded as a separate chunk after the
// page is interactive (it is most of a chart's weight), so the page's first load stays small; until
// then — and without JavaScript — a box of the same height says where the numbers are. For assistive
// technology the whole figure is one image with a summary; the page's table right below has every value.
import dynamic from 'next/dynamic';
import { CHART_BLOCK_HEIGHT, chartSummary, type ChartMonth } from './months';

function ChartPlaceholder() {
  return (
    <div
      className="flex items-center justify-center rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4 text-center text-sm text-slate-500"
      style={{ height: CHART_BLOCK_HEIGHT }}
    >
      Все значения графика — в таблице ниже.
    </div>
  );
}

const ConsumptionChartPlot = dynamic(() => import('./consumption-chart-plot'), {
  ssr: false,
  loading: ChartPlaceholder,
});

export function ConsumptionChart({ months }: { months: ChartMonth[] }) {
  if (months.length === 0) return null;
  return (
    <figure
      role="img"
      aria-label={chartSummary(months)}
      data-testid="consumption-chart"
      className="m-0"
      style={{ minHeight: CHART_BLOCK_HEIGHT }}
    >
      <ConsumptionChartPlot months={months} />
    </figure>
  );
}
