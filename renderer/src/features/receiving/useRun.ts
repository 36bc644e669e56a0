import { useCallback, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../../shared/contract';
import { useClient } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';

/** Runs a command, keeps its error for the screen to show, and tells the caller whether it worked. */
export function useRun(after?: () => void) {
  const client = useClient();
  const say = useMessage();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <N extends CommandName>(command: N, input: CommandInput<N>): Promise<CommandOutput<N> | null> => {
      const result = await client.attempt(command, input);
      if (!result.ok) {
        setError(say(result.error.message));
        return null;
      }
      setError(null);
      after?.();
      return result.value;
    },
    [client, after, say],
  );
  return { run, error, clearError: () => setError(null) };
}

export type Run = ReturnType<typeof useRun>['run'];
