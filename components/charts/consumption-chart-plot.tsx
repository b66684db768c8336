'use client';

// The recharts part of ConsumptionChart, loaded on the client only (see consumption-chart.tsx).
// Two small bar charts one above the other, sharing the months: kWh, then ₽. On a 360 px phone a
// second value axis beside the first would leave the bars half the width; stacked, each keeps its
// own readable scale, and `syncId` shows both months' tooltips together. Months billed without a
// reading (average or norm) are hatched, with the legend saying so.
import { useId } from 'react';
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { formatPeriod } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';
import { CHART_BLOCK_HEIGHT, type ChartMonth, KWH_CHART_HEIGHT, RUB_CHART_HEIGHT, shortMonthLabel } from './months';

const KWH_COLOR = '#155bb3'; // brand-600
const RUB_COLOR = '#047857'; // emerald-700
const LEGEND_COLOR = '#475569'; // slate-600: the legend speaks of both charts
const HATCH_GAP = '#ffffff';

type Datum = ChartMonth & { label: string; rub: number };

const axisNumber = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const axisTick = { fontSize: 11, fill: '#475569' };

function Swatch({ color, hatched }: { color: string; hatched?: boolean }) {
  return (
    <span
      aria-hidden
      className="inline-block h-3 w-4 shrink-0 rounded-sm"
      style={{
        border: `1.5px solid ${color}`,
        background: hatched ? `repeating-linear-gradient(135deg, ${color} 0 2px, ${HATCH_GAP} 2px 5px)` : color,
      }}
    />
  );
}

function ChartTooltip({ active, payload }: TooltipContentProps) {
  const datum = payload?.[0]?.payload as Datum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">{formatPeriod(datum.period)}</p>
      <p className="tabular-nums">{formatKwh(datum.kwh)}</p>
      <p className="tabular-nums">{formatRub(datum.amountKopecks)}</p>
      {datum.estimated ? <p className="text-slate-600">по среднему/нормативу, без показаний</p> : null}
    </div>
  );
}

/** A bar filled solid, or hatched (the pattern of this chart) for an estimated month. */
function barShape(color: string, hatchId: string) {
  return function renderBar(props: BarShapeProps) {
    const estimated = (props.payload as Datum | undefined)?.estimated === true;
    return (
      <Rectangle
        {...props}
        fill={estimated ? `url(#${hatchId})` : color}
        stroke={color}
        strokeWidth={estimated ? 1.5 : 0}
      />
    );
  };
}

function Hatch({ id, color }: { id: string; color: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
        <rect width={6} height={6} fill={HATCH_GAP} />
        <rect width={2.5} height={6} fill={color} />
      </pattern>
    </defs>
  );
}

function MonthBars({
  data,
  dataKey,
  color,
  height,
  syncId,
  hatchId,
  tickCount,
  tickFormatter,
}: {
  data: Datum[];
  dataKey: 'kwh' | 'rub';
  color: string;
  height: number;
  syncId: string;
  hatchId: string;
  tickCount: number;
  tickFormatter: (value: number) => string;
}) {
  return (
    <div style={{ height, width: '100%' }}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        <BarChart
          data={data}
          syncId={syncId}
          margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
          barCategoryGap="18%"
          accessibilityLayer={false}
        >
          <Hatch id={hatchId} color={color} />
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="label"
            tick={axisTick}
            tickLine={false}
            axisLine={{ stroke: '#cbd5e1' }}
            interval="preserveStartEnd"
            minTickGap={6}
          />
          <YAxis
            tick={axisTick}
            tickLine={false}
            axisLine={false}
            width={44}
            tickCount={tickCount}
            tickFormatter={tickFormatter}
            allowDecimals={false}
          />
          <Tooltip content={ChartTooltip} cursor={{ fill: '#f1f5f9' }} isAnimationActive={false} />
          <Bar dataKey={dataKey} shape={barShape(color, hatchId)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export default function ConsumptionChartPlot({ months }: { months: ChartMonth[] }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const data: Datum[] = months.map((m) => ({ ...m, label: shortMonthLabel(m.period), rub: m.amountKopecks / 100 }));
  const anyEstimated = months.some((m) => m.estimated);
  return (
    <div className="flex flex-col gap-2" style={{ height: CHART_BLOCK_HEIGHT }} data-testid="consumption-chart-plot">
      <ul className="flex h-6 flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
        <li className="flex items-center gap-1.5">
          <Swatch color={LEGEND_COLOR} />
          по показаниям
        </li>
        {anyEstimated ? (
          <li className="flex items-center gap-1.5">
            <Swatch color={LEGEND_COLOR} hatched />
            по среднему/нормативу
          </li>
        ) : null}
      </ul>
      <p className="h-4 text-xs leading-4 font-medium text-slate-600">Расход, кВт·ч</p>
      <MonthBars
        data={data}
        dataKey="kwh"
        color={KWH_COLOR}
        height={KWH_CHART_HEIGHT}
        syncId={`months-${id}`}
        hatchId={`hatch-kwh-${id}`}
        tickCount={5}
        tickFormatter={(v) => axisNumber.format(v)}
      />
      <p className="h-4 text-xs leading-4 font-medium text-slate-600">Начислено, ₽</p>
      <MonthBars
        data={data}
        dataKey="rub"
        color={RUB_COLOR}
        height={RUB_CHART_HEIGHT}
        syncId={`months-${id}`}
        hatchId={`hatch-rub-${id}`}
        tickCount={3}
        tickFormatter={(v) => axisNumber.format(v)}
      />
    </div>
  );
}
