/** Horizontal grid lines with their value labels on the left, shared by the bar and line charts. */
export function GridLines({ ticks, y, left, right }: { ticks: number[]; y: (v: number) => number; left: number; right: number }) {
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} class="rl-cmp-grid" />
          <text x={left - 4} y={y(tick) + 3} text-anchor="end">
            {tick}
          </text>
        </g>
      ))}
    </>
  );
}
