import { message } from '../../../shared/messages';
import type { StationRole } from '../../../shared/sync-protocol';
import { StationError } from '../kernel/errors';
import { EnrollError, enroll } from '../sync';

export interface EnrollRequest {
  serverUrl: string;
  code: string;
  stationName: string;
  role: StationRole;
}

export interface Enrollment {
  stationId: string;
  siteId: string;
  credential: string;
}

/** Trades a one-time enrollment code for the station's credential at the central server. */
export type Enroller = (request: EnrollRequest) => Promise<Enrollment>;

/** Enrollment through the sync client, its failures turned into errors the setup wizard shows as they are. */
export const syncEnroller: Enroller = async (request) => {
  try {
    return await enroll(request.serverUrl, request.code, request.stationName, request.role);
  } catch (error) {
    if (!(error instanceof EnrollError)) throw error;
    const code = error.code === 'unreachable' ? 'offline' : 'rule';
    throw new StationError(code, message('setup.enrollmentFailed', { url: request.serverUrl, detail: error.message }));
  }
};
