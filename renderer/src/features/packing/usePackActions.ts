import { useCallback, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../../shared/contract';
import type { PackState } from '../../../../shared/domain/packing';
import { useClient } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';

/** Packing commands that answer with the whole bench state. */
export type StateCommand = {
  [N in CommandName]: CommandOutput<N> extends PackState ? (PackState extends CommandOutput<N> ? N : never) : never;
}[CommandName];

/** Runs bench commands: the answer replaces the shown state; a refusal shows its message. */
export function usePackActions(onState: (state: PackState) => void) {
  const client = useClient();
  const translate = useMessage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <N extends StateCommand>(command: N, input: CommandInput<N>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      const result = await client.attempt(command, input);
      setBusy(false);
      if (!result.ok) {
        // Kept as the operator's sentence: a refusal reads the same wherever the screen shows it.
        setError(translate(result.error.message));
        return false;
      }
      onState(result.value as PackState);
      return true;
    },
    [client, onState, translate],
  );
  return { run, error, setError, busy };
}

export type RunPack = ReturnType<typeof usePackActions>['run'];
