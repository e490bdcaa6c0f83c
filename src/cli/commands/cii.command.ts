import type { Command } from 'commander';

/** `dengbao cii …`: core businesses, assets and flows, the computed boundary, capability evaluation. */
export function registerCii(program: Command): void {
  const cii = program
    .command('cii')
    .description(
      'critical information infrastructure (关键信息基础设施): boundary, duties, capability',
    );
  void cii;
}
