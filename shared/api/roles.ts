import { z } from 'zod';

// Roles of PRODUCT.md and issue 17: ЦОН operator, mobile-centre operator, the provider's office
// worker (работник канцелярии / кеңсе қызметкері), the executor (ответственный исполнитель /
// жауапты орындаушы), head of department (басшы), centre supervisor.
// The executor's stored id stays 'clerk' (accounts and request events written before issue 17
// keep meaning the same person); only its name on screen says «исполнитель».
export const roleSchema = z.enum(['operator', 'mobileOperator', 'officeWorker', 'clerk', 'head', 'supervisor']);
export type Role = z.infer<typeof roleSchema>;
export const roles: readonly Role[] = roleSchema.options;

/** Who is calling a channel: nobody before login, a signed-in user after. */
export type Caller = { userId: string; role: Role } | null;

/** The counter (приём у окна): the ЦОН operator and the mobile-centre operator. */
export const counterRoles = ['operator', 'mobileOperator'] as const satisfies readonly Role[];

/** The executor of the provider's chain (seed 001 п.5 «ответственный исполнитель»): stored as 'clerk'. */
export const executorRole = 'clerk' as const satisfies Role;

/** Intake: the counter's roles and the provider's office worker (seed 001 п.5 пп.1 «канцелярия»). */
export const intakeRoles = [...counterRoles, 'officeWorker'] as const satisfies readonly Role[];
