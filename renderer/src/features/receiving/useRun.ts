import { useCallback, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../../shared/contract';
import type { RpcError } from '../../../../shared/rpc';
import { useClient } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';

/**
 * Runs a command, keeps its error for the screen to show, and tells the caller whether it worked. `answered` may take a
 * refusal the caller answers itself (asking for a supervisor's badge): it returns true and nothing is shown.
 */
export function useRun(after?: () => void) {
  const client = useClient();
  const say = useMessage();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <N extends CommandName>(
      command: N,
      input: CommandInput<N>,
      answered?: (error: RpcError) => boolean,
    ): Promise<CommandOutput<N> | null> => {
      const result = await client.attempt(command, input);
      if (!result.ok) {
        setError(answered?.(result.error) ? null : say(result.error.message));
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
