import type { Contract } from '../../shared/api';
import type { Handlers } from './handler';
import { signingHandlers } from './signing/handlers';
import { systemHandlers, type SystemState } from './system/handlers';

/** The one handler registry both hosts serve; each capability contributes its block. */
export function createHandlers(state: SystemState): Handlers<Contract> {
  return {
    system: systemHandlers(state),
    signing: signingHandlers(),
  };
}
