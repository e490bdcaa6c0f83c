import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentDashboardDto } from '../../../../src/shared/api-types';

// Only what the burndown needs: the full echarts build is several times larger.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 整改燃尽图: open items per week falling, closed items rising. */
export function BurndownChart({ data }: { data: AssessmentDashboardDto['burndown'] }) {
  const { t } = useTranslation();
  const option = {
    tooltip: { trigger: 'axis' },
    legend: {
      data: [t('assessment.dashboard.open'), t('assessment.dashboard.closed')],
      top: 0,
    },
    grid: { left: 40, right: 24, top: 36, bottom: 28 },
    xAxis: { type: 'category', boundaryGap: false, data: data.map((d) => d.date) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('assessment.dashboard.open'),
        type: 'line',
        data: data.map((d) => d.open),
        areaStyle: { opacity: 0.15 },
        itemStyle: { color: '#cf1322' },
        smooth: false,
      },
      {
        name: t('assessment.dashboard.closed'),
        type: 'line',
        data: data.map((d) => d.closed),
        itemStyle: { color: '#389e0d' },
      },
    ],
  };
  return <EChart option={option} height={280} label={t('assessment.dashboard.burndown')} />;
}

/**
 * A chart of echarts/core (echarts-for-react/lib/core needs tslib, which it does not declare):
 * initialised once, options replaced on change, resized with its box, disposed on unmount.
 */
function EChart({
  option,
  height,
  label,
}: {
  option: echarts.EChartsCoreOption;
  height: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
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
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid="burndown-chart"
      style={{ height, width: '100%' }}
    />
  );
}
