import { describe, expect, it } from 'vitest';
import { InspectionPlan } from '../../../shared/domain/counts';
import { InspectionPhoto, judgeUnit, MAX_PHOTO_BYTES, needsInspection } from '../../../shared/rules/inspection';

const plan = InspectionPlan.parse({
  items: ['ITM-1'],
  suppliers: ['Acme Foods'],
  checklist: [
    { kind: 'check', id: 'seal', label: 'Seal intact' },
    { kind: 'measure', id: 'temp', label: 'Core temperature', unit: '°C', min: 0, max: 7 },
  ],
});

describe('inspection at receipt', () => {
  it('inspects flagged items, and every item of a flagged supplier', () => {
    expect(needsInspection(plan, 'ITM-1', 'Other Ltd')).toBe(true);
    expect(needsInspection(plan, 'ITM-2', 'acme foods')).toBe(true);
    expect(needsInspection(plan, 'ITM-2', 'Other Ltd')).toBe(false);
    expect(needsInspection(undefined, 'ITM-1', 'Acme Foods')).toBe(false);
  });

  it('judges each unit on its own: a failed check or a value outside the limits fails it, an unanswered question too', () => {
    const passed = judgeUnit(plan.checklist, [
      { questionId: 'seal', passed: true },
      { questionId: 'temp', value: 7 },
    ]);
    expect(passed).toEqual({ passed: true, failures: [] });
    expect(
      judgeUnit(plan.checklist, [
        { questionId: 'seal', passed: false },
        { questionId: 'temp', value: 4 },
      ]).failures,
    ).toEqual([{ questionId: 'seal', passed: false, why: 'failed' }]);
    expect(
      judgeUnit(plan.checklist, [
        { questionId: 'seal', passed: true },
        { questionId: 'temp', value: 7.5 },
      ]).failures,
    ).toEqual([{ questionId: 'temp', passed: false, why: 'above' }]);
    expect(judgeUnit(plan.checklist, [{ questionId: 'temp', value: -1 }]).failures.map((f) => f.why)).toEqual(['missing', 'below']);
    expect(
      judgeUnit(plan.checklist, [
        { questionId: 'seal', value: 1 },
        { questionId: 'temp', passed: true },
      ]).passed,
    ).toBe(false);
  });

  it('takes a bounded JPEG as a photo and refuses anything else', () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]).toString('base64');
    expect(InspectionPhoto.safeParse({ mime: 'image/jpeg', base64: jpeg }).success).toBe(true);
    expect(InspectionPhoto.safeParse({ mime: 'image/png', base64: jpeg }).success).toBe(false);
    expect(InspectionPhoto.safeParse({ mime: 'image/jpeg', base64: Buffer.from('GIF89a....').toString('base64') }).success).toBe(false);
    expect(InspectionPhoto.safeParse({ mime: 'image/jpeg', base64: '/9j/<svg onload=x>' }).success).toBe(false);
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_PHOTO_BYTES)]).toString('base64');
    expect(InspectionPhoto.safeParse({ mime: 'image/jpeg', base64: huge }).success).toBe(false);
    expect(InspectionPhoto.safeParse({ mime: 'image/jpeg', base64: jpeg, path: '/etc/passwd' }).success).toBe(false);
  });
});
