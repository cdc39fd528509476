// ИИН (жеке сәйкестендіру нөмірі): 12 digits. YYMMDD of birth, a digit for century and sex
// (1/2: 1800s, 3/4: 1900s, 5/6: 2000s; odd = male), four serial digits, a check digit.
// Check digit: Σ dᵢ·i (i = 1…11) mod 11; when that is 10, Σ dᵢ·wᵢ with w = 3…11,1,2 mod 11;
// when that is 10 too, the number is never issued.

export type IinProblem = 'format' | 'date' | 'century' | 'checksum';

export type IinCheck =
  | { valid: true; birthDate: string; sex: 'male' | 'female' }
  | { valid: false; problem: IinProblem };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit of the first 11 digits, or null when no digit fits (such numbers are not issued). */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const weigh = (weights: number[]) => digits.reduce((sum, digit, i) => sum + digit * (weights[i] ?? 0), 0) % 11;
  const first = weigh(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weigh(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

export function checkIin(value: string): IinCheck {
  if (!/^\d{12}$/.test(value)) return { valid: false, problem: 'format' };
  const centuryDigit = Number(value[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return { valid: false, problem: 'century' };
  const century = 1800 + 100 * Math.floor((centuryDigit - 1) / 2);
  const year = century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { valid: false, problem: 'date' };
  }
  if (iinCheckDigit(value.slice(0, 11)) !== Number(value[11])) return { valid: false, problem: 'checksum' };
  return { valid: true, birthDate: date.toISOString().slice(0, 10), sex: centuryDigit % 2 === 1 ? 'male' : 'female' };
}

export function isValidIin(value: string): boolean {
  return checkIin(value).valid;
}

/**
 * Makes a valid IIN for a birth date, sex and serial (the gateway emulator's generated persons,
 * tests). Returns null when that serial has no valid check digit; try the next serial.
 */
export function makeIin(birthDate: string, sex: 'male' | 'female', serial: number): string | null {
  const [year, month, day] = birthDate.split('-');
  if (!year || !month || !day) throw new Error(`Not an ISO date: ${birthDate}`);
  const centuryIndex = Math.floor((Number(year) - 1800) / 100);
  if (centuryIndex < 0 || centuryIndex > 2) throw new Error(`No IIN century digit for ${year}`);
  const centuryDigit = centuryIndex * 2 + (sex === 'male' ? 1 : 2);
  const first11 = `${year.slice(2)}${month}${day}${centuryDigit}${String(serial).padStart(4, '0')}`;
  const check = iinCheckDigit(first11);
  return check === null ? null : first11 + check;
}
