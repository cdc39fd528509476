import { z } from 'zod';

// Roles of PRODUCT.md: ЦОН operator, mobile-centre operator, provider specialist (маман),
// head of department (басшы), centre supervisor.
export const roleSchema = z.enum(['operator', 'mobileOperator', 'clerk', 'head', 'supervisor']);
export type Role = z.infer<typeof roleSchema>;
export const roles: readonly Role[] = roleSchema.options;

/** Who is calling a channel: nobody before login, a signed-in user after. */
export type Caller = { userId: string; role: Role } | null;

/** The counter (приём у окна): the ЦОН operator and the mobile-centre operator. */
export const counterRoles = ['operator', 'mobileOperator'] as const satisfies readonly Role[];
