import type { SimPeer } from '../io/sim';

/** A simulated serial scanner (training mode): scans typed in by the operator travel the real framing path. */
export interface SimScanner {
  /** Sends one scan, optionally with an AIM id ("]C1") in front, as a serial scanner would (CR LF after). */
  scan(data: string, aimId?: string): void;
}

const AIM_ID = /^\][A-Za-z][0-9A-Za-z]$/;

export function createSimScanner(peer: SimPeer): SimScanner {
  return {
    scan(data, aimId) {
      if (data.length === 0) throw new RangeError('a scan needs data');
      if (/[\r\n]/.test(data)) throw new RangeError('scan data cannot contain CR or LF');
      if (aimId !== undefined && !AIM_ID.test(aimId)) throw new RangeError(`"${aimId}" is not an AIM id like ]C1`);
      peer.send(`${aimId ?? ''}${data}\r\n`);
    },
  };
}
