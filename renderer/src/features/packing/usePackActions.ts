import { useCallback, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../../shared/contract';
import type { PackState } from '../../../../shared/domain/packing';
import { useClient } from '../../api/station-context';

/** Packing commands that answer with the whole bench state. */
export type StateCommand = {
  [N in CommandName]: CommandOutput<N> extends PackState ? (PackState extends CommandOutput<N> ? N : never) : never;
}[CommandName];

/** Runs bench commands: the answer replaces the shown state; a refusal shows its message. */
export function usePackActions(onState: (state: PackState) => void) {
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <N extends StateCommand>(command: N, input: CommandInput<N>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      const result = await client.attempt(command, input);
      setBusy(false);
      if (!result.ok) {
        setError(result.error.message);
        return false;
      }
      onState(result.value as PackState);
      return true;
    },
    [client, onState],
  );
  return { run, error, setError, busy };
}

export type RunPack = ReturnType<typeof usePackActions>['run'];
