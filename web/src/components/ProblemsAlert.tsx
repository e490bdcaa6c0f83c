import { Alert, Typography } from 'antd';

/** One problem the server named: the field path and why. */
export interface FieldProblem {
  readonly name: readonly (string | number)[];
  readonly message: string;
}

/** The problems a save was refused for, each with its field path (nothing was saved). */
export function ProblemsAlert({
  title,
  problems,
  testId,
}: {
  title: string;
  problems: readonly FieldProblem[];
  testId?: string;
}) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {problems.map((p, i) => (
            <li key={i}>
              {p.name.length > 0 && <Typography.Text code>{p.name.join('.')}</Typography.Text>}{' '}
              {p.message}
            </li>
          ))}
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
