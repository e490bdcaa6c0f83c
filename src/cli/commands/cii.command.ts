import type { Command } from 'commander';
import { registerCiiCapability } from './cii-capability.command';

/** `dengbao cii …`: core businesses, assets and flows, the computed boundary, capability evaluation. */
export function registerCii(program: Command): void {
  const cii = program
    .command('cii')
    .description(
      'critical information infrastructure (关键信息基础设施): boundary, duties, capability',
    );
  registerCiiCapability(cii);
}
