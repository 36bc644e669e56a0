import type { Operator } from '../../../../shared/domain/master-data';

export function PackingScreen(_props: { operator: Operator }) {
  return <main className="screen"><h1>Pack</h1></main>;
}
