// Runs in an Electron utilityProcess: the station core with its device I/O, off the window's thread.
import { bootStation } from '../core/boot';
import { defaultDataDir } from '../core/paths';
import { FromCore, ToCore } from './core-protocol';

const port = process.parentPort;
const send = (message: FromCore) => port.postMessage(message);

async function run() {
  const dataDir = process.env.WAREBENCH_DATA_DIR ?? defaultDataDir();
  let station;
  try {
    station = await bootStation({ dataDir, version: process.env.WAREBENCH_VERSION });
  } catch (error) {
    send({ type: 'failed', message: (error as Error).message });
    return;
  }
  const ready = station;
  ready.subscribe((event, payload) => send({ type: 'event', event, payload }));
  port.on('message', async ({ data }) => {
    const message = ToCore.safeParse(data);
    if (!message.success) return;
    if (message.data.type === 'shutdown') {
      await ready.close();
      process.exit(0);
    }
    const { id, command, input } = message.data;
    send({ type: 'result', id, result: await ready.call(command, input) });
  });
  send({ type: 'ready', stationId: ready.context.stationId });
}

void run();
