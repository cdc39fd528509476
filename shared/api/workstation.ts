import { z } from 'zod';
import { channel } from './channel';
import { iinCheckDigit } from '../iin/iin';
import { centreSettingSchema } from './intake';

// The supervisor's settings screen for the workstation's connections: the gateway (ШЭП) and the
// update server, both stored in the one settings store (gateway.url, updates.url). The centre and
// the login and lockout rules have their own channels (intake.setCentre, accounts.setPolicy).

/** БИН: 12 digits with the same check digit as the ИИН (the first 11 weighted twice). */
export const binSchema = z
  .string()
  .trim()
  .regex(/^\d{12}$/)
  .refine((bin) => iinCheckDigit(bin.slice(0, 11)) === Number(bin[11]), { message: 'BIN checksum' });

export const connectionsSchema = z.object({
  /** Stored in the settings; used from the next start. */
  gatewayUrl: z.string().nullable(),
  updatesUrl: z.string().nullable(),
  /** What this run uses: --gateway, ARM_GATEWAY_URL or training mode win over the stored value. */
  activeGatewayUrl: z.string().nullable(),
  /** This workstation's organisation BIN: every signature made here must be by a key of it (CERT_ORGANISATION). */
  organisationBin: z.string().nullable(),
});
export type Connections = z.infer<typeof connectionsSchema>;

export const setConnectionsInputSchema = z.object({
  /** null clears it (the workstation works offline). */
  gatewayUrl: z.string().trim().max(2000).nullable(),
  updatesUrl: z.string().trim().max(2000).nullable(),
  /** Absent: unchanged; null: cleared (the organisation is not checked). */
  organisationBin: binSchema.nullable().optional(),
});

/** null: this workstation is not a mobile centre (its mobile operator works at the counter's centre). */
export const setMobileCentreInputSchema = z.strictObject({ mobileCentre: centreSettingSchema.nullable() });

export const workstationChannels = {
  connections: channel({ input: z.undefined(), output: connectionsSchema, access: ['supervisor'] }),
  setConnections: channel({ input: setConnectionsInputSchema, output: connectionsSchema, access: ['supervisor'] }),
  /** The mobile centre (мобильный ЦОН) this workstation's mobile operator takes requests in for (settings workstation.mobileCentre). */
  mobileCentre: channel({ input: z.undefined(), output: centreSettingSchema.nullable(), access: ['supervisor'] }),
  /** Audited as a settings change; MOBILE_CENTRE_NOT_ALLOWED where no regulation of the district names mobile centres. */
  setMobileCentre: channel({ input: setMobileCentreInputSchema, output: centreSettingSchema.nullable(), access: ['supervisor'] }),
};
