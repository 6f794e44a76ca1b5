// Chaos Toolkit's `validate_controls` for the experiment-level `controls`, every problem at once.
import { issueAt, type ExperimentIssue } from './experiment-issue.js'
import { isPlainObject } from './plain-object.js'

const checkControl = (control: Record<string, unknown>, index: number, declared: unknown[]): ExperimentIssue[] => {
  const path = ['controls', index]
  const issues: ExperimentIssue[] = []
  if ('ref' in control && !declared.includes(control.ref)) {
    issues.push(issueAt([...path, 'ref'], 'unknown-control-ref', "Control reference '{}' declaration cannot be found", `declare a control named '${String(control.ref)}' in the experiment's controls`))
  }
  if (!('name' in control)) return [...issues, issueAt([...path, 'name'], 'missing-control-name', 'A control must have a `name` property', 'add "name": "<control name>"')]
  const name = String(control.name)
  if (!('provider' in control)) issues.push(issueAt([...path, 'provider'], 'missing-control-provider', `Control '${name}' must have a \`provider\` property`, 'add "provider": {"type": "python", "module": "..."}'))
  if (control.scope && control.scope !== 'before' && control.scope !== 'after') {
    issues.push(issueAt([...path, 'scope'], 'bad-control-scope', `Control '${name}' scope property must be 'before' or 'after' only`, 'use "before" or "after", or leave scope out'))
  }
  const provider = control.provider
  if (isPlainObject(provider) && provider.type === 'python' && !provider.module) {
    issues.push(issueAt([...path, 'provider', 'module'], 'missing-control-module', `Control '${name}' must have a module path`, 'add provider.module, e.g. "chaosaddons.controls.safeguards"'))
  }
  return issues
}

/**
 * Checks the experiment-level controls (name, provider, scope, refs to declared controls).
 *
 * @example
 * checkControls({ controls: [{ name: 'tracing', scope: 'post' }] }) // provider and scope issues
 */
export function checkControls(document: Record<string, unknown>): ExperimentIssue[] {
  const controls = Array.isArray(document.controls) ? (document.controls as unknown[]) : []
  const declared = controls.filter((c) => isPlainObject(c) && !('ref' in c) && 'name' in c).map((c) => (c as Record<string, unknown>).name)
  return controls.flatMap((control, index) => (isPlainObject(control) ? checkControl(control, index, declared) : []))
}
