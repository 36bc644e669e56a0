import { afterAll, describe, expect, it } from 'vitest';
import { createLabelPictures } from '../../../electron/core/packing/label-picture';
import { decodePng } from '../../support/devices/zbar';

const pictures = createLabelPictures();
afterAll(() => pictures.close());

describe('label pictures for the pack screen', () => {
  it('renders the label in its worker (the main-thread fallback is never asked) and the picture scans back', async () => {
    const zpl = '^XA^PW812^LL1218^FO60,60^BY3^BCN,160,Y,N,N^FDWBH00420000000018^FS^XZ';
    const images = await pictures.render(zpl, () => Promise.reject(new Error('rendered on the main thread')));
    expect(images).toHaveLength(1);
    const png = Buffer.from((images[0] ?? '').replace('data:image/png;base64,', ''), 'base64');
    expect(await decodePng(png)).toContainEqual({ type: 'CODE-128', data: 'WBH00420000000018', gs1: false });
  }, 30_000);

  it('answers a label it cannot draw with an error and keeps drawing the next one', async () => {
    const fallback = () => Promise.reject(new Error('rendered on the main thread'));
    const broken = await pictures.render('^XA^FO0,0^BQN,2,999^FD\u0000^FS', fallback).then(
      (images) => images,
      (error: Error) => error,
    );
    // Zebrash draws what it can of odd ZPL; either way the worker lives on for the next label.
    expect(broken instanceof Error || Array.isArray(broken)).toBe(true);
    expect(await pictures.render('^XA^PW406^LL203^FO20,20^A0N,30,30^FDOK^FS^XZ', fallback)).toHaveLength(1);
  }, 30_000);
});
