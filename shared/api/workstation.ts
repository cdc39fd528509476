import { z } from 'zod';
import { channel } from './channel';

// The supervisor's settings screen for the workstation's connections: the gateway (ШЭП) and the
// update server, both stored in the one settings store (gateway.url, updates.url). The centre and
// the login and lockout rules have their own channels (intake.setCentre, accounts.setPolicy).

export const connectionsSchema = z.object({
  /** Stored in the settings; used from the next start. */
  gatewayUrl: z.string().nullable(),
  updatesUrl: z.string().nullable(),
  /** What this run uses: --gateway, ARM_GATEWAY_URL or training mode win over the stored value. */
  activeGatewayUrl: z.string().nullable(),
});
export type Connections = z.infer<typeof connectionsSchema>;

export const setConnectionsInputSchema = z.object({
  /** null clears it (the workstation works offline). */
  gatewayUrl: z.string().trim().max(2000).nullable(),
  updatesUrl: z.string().trim().max(2000).nullable(),
});

export const workstationChannels = {
  connections: channel({ input: z.undefined(), output: connectionsSchema, access: ['supervisor'] }),
  setConnections: channel({ input: setConnectionsInputSchema, output: connectionsSchema, access: ['supervisor'] }),
};
