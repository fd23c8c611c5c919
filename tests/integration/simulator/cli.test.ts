import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const CLI = 'service/src/simulator/cli.ts';

function run(args: string[]): {
  lines: Promise<string[]>;
  stop: () => Promise<number | null>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = new Promise<string[]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/^data: /m.test(output)) resolve(output.split('\n'));
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then(() => reject(new Error(`simulator exited: ${output}`)));
  });
  return {
    lines,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('npm run simulator (cli)', () => {
  it('prints the organization URL and a PAT that work, and stops cleanly', async () => {
    const simulator = run(['--seed', '3', '--scale', 'tiny', '--port', '0', '--clock', 'manual']);
    const lines = await simulator.lines;
    const url = lines
      .find((line) => line.startsWith('organization URL: '))
      ?.slice('organization URL: '.length);
    const pat = lines.find((line) => line.startsWith('PAT: '))?.slice('PAT: '.length);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/seika-demo$/);
    expect(pat).toMatch(/^[a-z2-7]{52}$/);
    const response = await fetch(`${url ?? ''}/_apis/projects`, {
      headers: { Authorization: `Basic ${Buffer.from(`:${pat ?? ''}`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect(await simulator.stop()).toBe(0);
  });

  it('refuses an unknown scale with a usage message', async () => {
    const simulator = run(['--scale', 'huge']);
    await expect(simulator.lines).rejects.toThrow(/--scale must be 'tiny', 'demo' or 'large'/);
    expect(await simulator.exited).toBe(2);
  });
});
