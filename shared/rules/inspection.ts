/** Inspection at receipt: which receipts are inspected, and whether a unit passes its checklist. Pure, shared by station and server. */
import { z } from 'zod';
import type { InspectionPlan, InspectionQuestion } from '../domain/counts';

/** Whether goods of `itemId` from `supplier` must be inspected before they go on. */
export function needsInspection(plan: InspectionPlan | undefined, itemId: string, supplier: string): boolean {
  if (!plan) return false;
  return plan.items.includes(itemId) || plan.suppliers.some((s) => s.toLowerCase() === supplier.toLowerCase());
}

/** A unit's answer to one question: a check passed or not, or the value measured. */
export const InspectionAnswer = z.union([
  z.object({ questionId: z.string().min(1).max(64), passed: z.boolean() }).strict(),
  z.object({ questionId: z.string().min(1).max(64), value: z.number().finite() }).strict(),
]);
export type InspectionAnswer = z.infer<typeof InspectionAnswer>;

export type QuestionVerdict =
  | { questionId: string; passed: true }
  | { questionId: string; passed: false; why: 'failed' | 'below' | 'above' | 'missing' };

/** One question judged: a check by its answer, a measured value against its limits; an unanswered question fails. */
export function judgeAnswer(question: InspectionQuestion, answer: InspectionAnswer | undefined): QuestionVerdict {
  const questionId = question.id;
  if (!answer) return { questionId, passed: false, why: 'missing' };
  if (question.kind === 'check') {
    if (!('passed' in answer)) return { questionId, passed: false, why: 'missing' };
    return answer.passed ? { questionId, passed: true } : { questionId, passed: false, why: 'failed' };
  }
  if (!('value' in answer)) return { questionId, passed: false, why: 'missing' };
  if (question.min !== null && answer.value < question.min) return { questionId, passed: false, why: 'below' };
  if (question.max !== null && answer.value > question.max) return { questionId, passed: false, why: 'above' };
  return { questionId, passed: true };
}

export interface UnitVerdict {
  passed: boolean;
  failures: Exclude<QuestionVerdict, { passed: true }>[];
}

/** A unit passes when every question of the checklist passes; each unit is judged on its own. */
export function judgeUnit(checklist: readonly InspectionQuestion[], answers: readonly InspectionAnswer[]): UnitVerdict {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const failures: UnitVerdict['failures'] = [];
  for (const q of checklist) {
    const verdict = judgeAnswer(q, byQuestion.get(q.id));
    if (!verdict.passed) failures.push(verdict);
  }
  return { passed: failures.length === 0, failures };
}

/** The most a station sends of one photo: a camera frame as a JPEG of bounded size. */
export const MAX_PHOTO_BYTES = 512 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decoded size of base64 text, without decoding it. */
export const base64Bytes = (text: string): number =>
  Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

/**
 * A photo as it travels: a JPEG, base64, within the size limit; its first bytes must be a JPEG's (FF D8 FF).
 * Anything else (another type, text, an oversized image) is refused before it is stored.
 */
export const InspectionPhoto = z
  .object({
    mime: z.literal('image/jpeg'),
    base64: z
      .string()
      .min(8)
      .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4)
      .refine((t) => t.length % 4 === 0 && BASE64.test(t), 'not base64'),
  })
  .strict()
  .refine((p) => base64Bytes(p.base64) <= MAX_PHOTO_BYTES, { message: 'photo too large', path: ['base64'] })
  .refine((p) => p.base64.startsWith('/9j/'), { message: 'not a JPEG', path: ['base64'] });
export type InspectionPhoto = z.infer<typeof InspectionPhoto>;
