import { describe, expect, it } from 'vitest';
import { testCore } from '../testing';
import { CLOCK_WRITE_EVERY_MS, clockTrust, recordGatewayTime } from './clock';
import { enrolledAt, markEnrolled } from './machine';

// The gateway's clock comes with every answer; writing it on each one cost the outbox an fsync a
// call. These pin what the lighter writes must still keep.
describe('the gateway clock record', () => {
  const at = (ms: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + ms);

  it('skips a write while the offset holds and a minute has not passed, and writes a moved offset at once', () => {
    const { db } = testCore();
    recordGatewayTime(db, at(0), at(0));
    const written = () => clockTrust(db, at(0)).checkedAt;
    expect(written()).toBe(at(0).toISOString());
    recordGatewayTime(db, at(10_000), at(10_200));
    expect(written()).toBe(at(0).toISOString());
    // Three hours off: recorded on that very answer, so intake is refused from it on.
    recordGatewayTime(db, at(20_000), at(20_000 - 3 * 3600_000));
    expect(clockTrust(db, at(20_000 - 3 * 3600_000))).toMatchObject({ offsetMs: -3 * 3600_000, problem: 'drift' });
  });

  it('writes again once a minute has passed, and when this clock went back', () => {
    const { db } = testCore();
    recordGatewayTime(db, at(0), at(0));
    recordGatewayTime(db, at(CLOCK_WRITE_EVERY_MS), at(CLOCK_WRITE_EVERY_MS));
    expect(clockTrust(db, at(CLOCK_WRITE_EVERY_MS)).checkedAt).toBe(at(CLOCK_WRITE_EVERY_MS).toISOString());
    recordGatewayTime(db, at(CLOCK_WRITE_EVERY_MS + 500), at(CLOCK_WRITE_EVERY_MS - 1));
    expect(clockTrust(db, at(CLOCK_WRITE_EVERY_MS)).checkedAt).toBe(at(CLOCK_WRITE_EVERY_MS + 500).toISOString());
  });

  it('marks the machine enrolled on the first answer and then at most once a minute', () => {
    const { db } = testCore();
    markEnrolled(db, at(0));
    markEnrolled(db, at(30_000));
    expect(enrolledAt(db)).toBe(at(0).toISOString());
    markEnrolled(db, at(60_000));
    expect(enrolledAt(db)).toBe(at(60_000).toISOString());
  });
});
