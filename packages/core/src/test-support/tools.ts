import { execFileSync } from 'node:child_process';

/** Whether every one of these programs runs here (LibreOffice, poppler): tests that need them skip, saying so, otherwise. */
export function hasCommands(...commands: [string, string][]): boolean {
  try {
    for (const [command, flag] of commands) execFileSync(command, [flag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
