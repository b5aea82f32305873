/** Runs the CLI in-process with captured output. */
import { Writable } from 'node:stream';
import { runCli } from '../../main/cli/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export async function cli(...argv: string[]): Promise<CliRun> {
  const out = sink();
  const err = sink();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}
