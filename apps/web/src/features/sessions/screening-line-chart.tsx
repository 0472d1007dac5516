import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Loaded lazily (screening-charts.tsx), so recharts stays out of the first screen's bundle. One
 * instrument's totals over time and the positive-screen threshold as a dashed line; the table
 * beside it carries the same numbers for screen readers.
 */
interface ScreeningLineChartProps {
  points: { key: string; label: string; total: number }[];
  range: [number, number] | null;
  threshold: number | null;
  thresholdLabel: string;
  totalLabel: string;
}

export default function ScreeningLineChart({ points, range, threshold, thresholdLabel, totalLabel }: ScreeningLineChartProps) {
  return (
    <div className="outcome-chart__drawing" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#d9dce3" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" padding={{ left: 12, right: 12 }} />
          <YAxis domain={range ?? ["auto", "auto"]} allowDecimals={false} tick={{ fontSize: 12 }} width={44} />
          {threshold !== null && (
            <ReferenceLine
              y={threshold}
              stroke="#8a1c1c"
              strokeDasharray="4 2"
              label={{ value: thresholdLabel, position: "insideTopRight", fontSize: 12, fill: "#8a1c1c" }}
            />
          )}
          <Tooltip />
          <Line
            type="linear"
            dataKey="total"
            name={totalLabel}
            stroke="#0072B2"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
