import type { returnsCommands } from '../../../shared/contract/returns';
import type { ScanFeedback } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import type { ReturnFigures } from '../../../shared/domain/receiving-kpis';
import { message } from '../../../shared/messages';
import type { StationContext } from '../context';
import { StationError } from '../kernel/errors';
import type { CallContext, HandlersFor } from '../kernel/handlers';
import { approvalFrom, approvingSupervisor, type WorkflowModule } from '../session';
import { returnFigures } from './figures';
import type { ReturnsRepo } from './repo';
import {
  approveNotOnRma,
  closeReturn,
  onReturnsScan,
  openReturn,
  type ReturnsDeps,
  removeUnit,
  returnsState,
  setCondition,
  setDisposition,
} from './returns';
import { printVendorLabel } from './vendor-label';

export interface ReturnsModule {
  handlers: HandlersFor<Exclude<keyof typeof returnsCommands, 'receiving.kpis'>>;
  workflow: WorkflowModule;
  /** Returns closed since `from` and their dispositions, for the receiving KPIs. */
  figures(from: string, operatorId: string | null): ReturnFigures;
}

function who(call: CallContext): Operator {
  if (!call.operator) throw new StationError('not_signed_in', message('session.signInFirst'));
  return call.operator;
}

export function createReturns(ctx: StationContext, repo: ReturnsRepo): ReturnsModule {
  const deps: ReturnsDeps = { ctx, repo };
  const state = () => returnsState(deps);
  /** Actions on units answer like scans: the banner and the sound show the decision. */
  const answer = (fb: ScanFeedback, what: string) => {
    ctx.bus.emit('scan.result', { ...fb, data: what });
    return state();
  };
  ctx.busy.register('returns', () => {
    const open = repo.openReturn();
    return open ? `return ${open.id} is open` : null;
  });
  return {
    workflow: { workflow: 'returns', onScan: ({ parsed }, operator) => onReturnsScan(deps, parsed, operator) },
    figures: (from, operatorId) => returnFigures(repo, from, operatorId),
    handlers: {
      'returns.state': () => state(),
      'returns.open': ({ code }, call) => answer(openReturn(deps, who(call), code), code),
      'returns.find': ({ customer }) =>
        repo.rmasOfCustomer(customer).map((r) => ({ rmaId: r.id, number: r.number, orderId: r.order_id, customer: r.customer })),
      'returns.condition': ({ unitId, condition }, call) => {
        setCondition(deps, who(call), unitId, condition);
        return answer(
          {
            outcome: 'accepted',
            sound: 'good',
            workflow: 'returns',
            message: message('returns.conditionSet', { condition: message(`returnCondition.${condition}`) }),
          },
          condition,
        );
      },
      'returns.disposition': ({ unitId, disposition }, call) => {
        const { location, sku } = setDisposition(deps, who(call), unitId, disposition);
        return answer(
          {
            outcome: 'accepted',
            sound: 'good',
            workflow: 'returns',
            message: message('returns.dispositionSet', { sku, disposition: message(`disposition.${disposition}`), location }),
          },
          disposition,
        );
      },
      'returns.approve': ({ badge, pin, scanned }, call) => {
        const operator = who(call);
        const supervisor = approvingSupervisor(ctx, 'returns.notOnRma', approvalFrom({ badge, pin, scanned }));
        approveNotOnRma(deps, operator, supervisor);
        return answer(
          { outcome: 'accepted', sound: 'good', workflow: 'returns', message: message('returns.approved', { name: supervisor.name }) },
          'approval',
        );
      },
      'returns.remove': ({ unitId }, call) => {
        const sku = removeUnit(deps, who(call), unitId);
        return answer(
          { outcome: 'accepted', sound: 'good', workflow: 'returns', message: message('returns.unitRemoved', { sku }) },
          unitId,
        );
      },
      'returns.close': (_input, call) => {
        const closed = closeReturn(deps, who(call));
        return answer(
          {
            outcome: 'accepted',
            sound: 'good',
            workflow: 'returns',
            message: message('returns.closed', { rma: closed.rma, count: closed.units }),
          },
          closed.rma,
        );
      },
      'returns.printVendorLabel': async (_input, call) => {
        await printVendorLabel(deps, who(call));
        return answer({ outcome: 'accepted', sound: 'good', workflow: 'returns', message: message('returns.labelPrinted') }, 'label');
      },
    },
  };
}
