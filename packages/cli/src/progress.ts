/** A progress bar on a terminal, plain lines otherwise. */
export function progress(total: number, tty: boolean, write: (s: string) => void): (done: number, label: string) => void {
  return (done, label) => {
    if (!tty) return write(`[${done}/${total}] ${label}\n`);
    const width = 30;
    const filled = Math.round((done / total) * width);
    write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(-40).padEnd(40)}${done === total ? '\n' : ''}`);
  };
}
