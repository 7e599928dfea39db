import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ccmr.js', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ccmr lti register', function () {
  this.timeout(240_000);
  const env = {
    NODE_ENV: 'test',
    DEMO: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ccmr-lti-cli-')),
    MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
    PUBLIC_URL: 'https://ccmr.example.org',
  };
  const slug = `cli-${process.pid}`;
  const values = [
    '--issuer',
    'https://lms.example.org',
    '--client-id',
    `client-${process.pid}`,
    '--auth-url',
    'https://lms.example.org/auth',
    '--token-url',
    'https://lms.example.org/token',
    '--jwks-url',
    'https://lms.example.org/jwks',
    '--deployment-id',
    'dep-1',
  ];

  it('registers a platform by hand and prints the tool URLs to give back to it', async () => {
    assert.equal((await runCli(['tenant', 'create', '--slug', slug], env)).code, 0);
    const run = await runCli(['lti', 'register', '--tenant', slug, ...values], env);
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, string>;
    assert.equal(summary.status, 'active');
    assert.equal(summary.jwksUrl, 'https://ccmr.example.org/lti/jwks');
  });

  it('refuses a plain-http issuer off this machine with exit code 2 and the field named', async () => {
    const bad = values.map((value) =>
      value === 'https://lms.example.org' ? 'http://lms.example.org' : value,
    );
    const run = await runCli(['lti', 'register', '--tenant', slug, ...bad], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /ERR_LTI_INSECURE_ENDPOINT/);
    assert.match(run.stderr, /--issuer/);
  });
});
