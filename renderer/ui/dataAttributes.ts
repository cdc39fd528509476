import type { HTMLAttributes } from 'react';

/**
 * data-* attributes for an Ant Design table row or cell (onRow, onCell): its types know only the
 * element's own attributes, the e2e specs and styles find rows by these.
 */
export function dataAttributes(attributes: Record<`data-${string}`, string | undefined>): HTMLAttributes<HTMLElement> {
  return attributes as HTMLAttributes<HTMLElement>;
}
