import { timeStep, totpAt } from '../../server/modules/auth/totp.ts';

// The server takes each code once: a person's next code must come from a later 30-second step.
const lastStepUsed = new Map<string, number>();

/** A code the server will accept now for this secret, waiting for the next time step when needed. */
export async function freshCode(secret: string): Promise<string> {
  const last = lastStepUsed.get(secret);
  let step = timeStep(new Date());
  while (last !== undefined && step <= last) {
    const nextStepAt = (step + 1) * 30_000;
    await new Promise((resolve) => setTimeout(resolve, nextStepAt - Date.now() + 50));
    step = timeStep(new Date());
  }
  lastStepUsed.set(secret, step);
  return totpAt(secret, step);
}

/** A six-digit code that is certainly wrong right now. */
export function wrongCode(secret: string): string {
  const now = timeStep(new Date());
  const valid = new Set([now - 1, now, now + 1, now + 2].map((step) => totpAt(secret, step)));
  for (let candidate = 123456; ; candidate = (candidate + 111111) % 1_000_000) {
    const code = String(candidate).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
