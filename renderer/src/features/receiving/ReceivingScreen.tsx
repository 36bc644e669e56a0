import type { Operator } from '../../../../shared/domain/master-data';

export function ReceivingScreen(_props: { operator: Operator }) {
  return <main className="screen"><h1>Receive</h1></main>;
}
