import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint } from "./outcome-summary";

/**
 * Loaded lazily (outcome-chart.tsx), so recharts stays out of the first screen's bundle. Lines
 * differ in colour (each at least 3:1 against white) and in dash pattern, so they can be told apart
 * without colour; the table beside the chart carries the same numbers for screen readers.
 */
const STROKES = ["#0072B2", "#C0392B", "#007A5A", "#A8427F", "#8A6100", "#333333"] as const;
const DASHES = ["", "6 3", "2 3", "10 3 2 3", "4 4", "1 2"] as const;

interface OutcomeLineChartProps {
  points: (ChartPoint & { label: string })[];
  domains: { id: string; label: string }[];
  range: [number, number] | null;
  atRiskAtOrBelow: number | null;
  atRiskLabel: string;
  formatScore: (value: number | null | undefined) => string;
}

export default function OutcomeLineChart({ points, domains, range, atRiskAtOrBelow, atRiskLabel, formatScore }: OutcomeLineChartProps) {
  const data = points.map((point) => ({ label: point.label, ...point.scores }));
  const ticks = range && range[1] - range[0] <= 10 ? integersBetween(range[0], range[1]) : undefined;
  return (
    <div className="outcome-chart__drawing" aria-hidden="true">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#d9dce3" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" padding={{ left: 12, right: 12 }} />
          <YAxis domain={range ?? ["auto", "auto"]} ticks={ticks} allowDecimals={false} tick={{ fontSize: 12 }} width={44} />
          {atRiskAtOrBelow !== null && (
            <ReferenceLine
              y={atRiskAtOrBelow}
              stroke="#8a1c1c"
              strokeDasharray="4 2"
              label={{ value: atRiskLabel, position: "insideBottomRight", fontSize: 12, fill: "#8a1c1c" }}
            />
          )}
          <Tooltip formatter={(value) => formatScore(typeof value === "number" ? value : null)} />
          <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
          {domains.map((domain, index) => (
            <Line
              key={domain.id}
              type="linear"
              dataKey={domain.id}
              name={domain.label}
              stroke={STROKES[index % STROKES.length]}
              strokeDasharray={DASHES[index % DASHES.length]}
              strokeWidth={2}
              legendType="plainline"
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function integersBetween(low: number, high: number): number[] {
  const result: number[] = [];
  for (let value = Math.ceil(low); value <= Math.floor(high); value += 1) result.push(value);
  return result;
}
