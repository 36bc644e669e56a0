/** One finding of `warebench doctor`: what was checked, whether it is fine, and how to fix it if not. */
export interface DoctorCheck {
  id: string;
  title: string;
  ok: boolean;
  detail: string;
  /** What to do about it, as commands or steps; set when `ok` is false. */
  fix?: string;
}

export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
