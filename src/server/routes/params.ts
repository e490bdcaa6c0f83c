import { z } from 'zod';
import { IsoDateSchema } from '../../shared/schemas';

export const OrgParams = z.object({ orgId: z.string().uuid('must be an organisation id (UUID)') });
export const SystemParams = OrgParams.extend({
  systemId: z.string().uuid('must be a system id (UUID)'),
});
export const AsOfQuery = z.object({ asOf: IsoDateSchema.optional() });
