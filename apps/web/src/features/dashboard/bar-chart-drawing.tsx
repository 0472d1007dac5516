import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesLook, Texture } from "./chart-series";
import type { ChartRow } from "./dashboard-rows";

/**
 * A horizontal bar chart (one bar, or one stack, per row): labels on the left read on a 360 px
 * phone whatever their number, and the chart grows downwards instead of sideways. Loaded lazily by
 * chart-figure.tsx; hidden from assistive technology, as the table beside it holds the same numbers.
 */
export interface DrawnSeries<K extends string> extends SeriesLook {
  id: K;
  label: string;
}

interface BarChartDrawingProps<K extends string> {
  rows: readonly ChartRow<K>[];
  series: readonly DrawnSeries<K>[];
  stacked: boolean;
  /** The number axis's name ("Cases", "Milestones"), translated. */
  axisLabel: string;
  formatNumber: (value: number) => string;
}

const ROW_HEIGHT = { stacked: 34, grouped: 22 } as const;
const LABEL_CHARACTERS = 16;

const shortLabel = (label: string) => (label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1)}…` : label);

export default function BarChartDrawing<K extends string>({ rows, series, stacked, axisLabel, formatNumber }: BarChartDrawingProps<K>) {
  // Pattern ids must be unique in the document and plain enough for url(#…).
  const prefix = `chart${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const perRow = stacked ? ROW_HEIGHT.stacked : ROW_HEIGHT.grouped * series.length + 12;
  const height = rows.length * perRow + 110;
  const fill = (item: DrawnSeries<K>) => (item.texture === "solid" ? item.color : `url(#${prefix}-${item.id})`);

  return (
    <div className="dashboard-chart__drawing" aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 20, left: 0 }} accessibilityLayer={false} barCategoryGap="20%">
          <defs>
            {series.map((item) =>
              item.texture === "solid" ? null : <TexturePattern key={item.id} id={`${prefix}-${item.id}`} color={item.color} texture={item.texture} />,
            )}
          </defs>
          <CartesianGrid stroke="#d9dce3" strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            allowDecimals={false}
            tickFormatter={(value: number) => formatNumber(value)}
            tick={{ fontSize: 12, fill: "#4a5563" }}
            label={{ value: axisLabel, position: "insideBottom", offset: -12, fontSize: 12, fill: "#1b1f24" }}
          />
          <YAxis type="category" dataKey="label" width={112} interval={0} tickFormatter={shortLabel} tick={{ fontSize: 12, fill: "#1b1f24" }} />
          <Tooltip
            formatter={(value) => (typeof value === "number" ? formatNumber(value) : String(value))}
            cursor={{ fill: "rgba(29, 78, 137, 0.08)" }}
          />
          {/* In the series' order, in the text colour (recharts would colour each name like its series). */}
          <Legend
            verticalAlign="top"
            align="left"
            wrapperStyle={{ fontSize: 13, paddingBottom: 8 }}
            iconType="square"
            itemSorter={null}
            formatter={(value: string) => <span className="dashboard-chart__legend-name">{value}</span>}
          />
          {series.map((item) => (
            <Bar
              key={item.id}
              dataKey={item.id}
              name={item.label}
              stackId={stacked ? "all" : undefined}
              fill={fill(item)}
              stroke={item.color}
              strokeWidth={1}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A fill of the series' colour with a white texture over it. */
function TexturePattern({ id, color, texture }: { id: string; color: string; texture: Exclude<Texture, "solid"> }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
      <rect width="6" height="6" fill={color} />
      {texture === "stripes" && <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#ffffff" strokeWidth="1.5" />}
      {texture === "dots" && <circle cx="3" cy="3" r="1.3" fill="#ffffff" />}
      {texture === "cross" && <path d="M0,3 h6 M3,0 v6" stroke="#ffffff" strokeWidth="1.2" />}
    </pattern>
  );
}
