/**
 * Argument checks shared by the supply formulas. A formula given a negative quantity or a rate
 * outside its range throws a RangeError naming the argument: these are programming errors (files
 * are validated row by row before they reach the core), not data to be silently clamped.
 */

export function nonNegative(name: string, value: number): number {
  if (!(value >= 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  return value;
}

export function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  return value;
}

/** A share in (0, 1] — a reporting rate, say. */
export function rate(name: string, value: number): number {
  if (!(value > 0 && value <= 1)) throw new RangeError(`${name} must be in (0, 1], got ${value}`);
  return value;
}

/** A share in [0, 1] — a coverage or a prevalence. */
export function fraction(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${value}`);
  return value;
}

/** A share in [0, 1) — a wastage, which may not be 100 %. */
export function wastage(name: string, value: number): number {
  if (!(value >= 0 && value < 1)) throw new RangeError(`${name} must be in [0, 1), got ${value}`);
  return value;
}

export function wholeAtLeast(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
  return value;
}
