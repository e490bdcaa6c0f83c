import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const PATH_COLOURS: Record<string, string> = {
  security_assessment: '#cf1322',
  standard_contract_or_certification: '#d48806',
  exempt: '#389e0d',
  art38_mechanism: '#1677ff',
};

/** 出境路径按国家/地区: transfers per country, stacked by the path each needs. */
export function CountryPathChart({
  countries,
  series,
  label,
}: {
  /** Country labels, in bar order. */
  countries: readonly string[];
  series: readonly { path: string; name: string; counts: readonly number[] }[];
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      {
        // No animation: the chart is read, printed and captured as it is.
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: [...countries] },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          name: s.name,
          type: 'bar',
          stack: 'paths',
          data: [...s.counts],
          itemStyle: { color: PATH_COLOURS[s.path] },
          barMaxWidth: 48,
        })),
      },
      { notMerge: true },
    );
  }, [countries, series]);
  return <div ref={ref} role="img" aria-label={label} style={{ height: 240, width: '100%' }} />;
}
