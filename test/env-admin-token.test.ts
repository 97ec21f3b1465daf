import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../src/env.js';
import { ADMIN_TOKEN } from './support/app.js';

/** parseEnv's refusal message for this ADMIN_TOKEN, or undefined when it is accepted. */
function refusal(token: string): string | undefined {
  try {
    parseEnv({ ADMIN_TOKEN: token });
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('ADMIN_TOKEN', () => {
  it.each([
    ['only spaces', ' '.repeat(30), 'is only whitespace'],
    ['only tabs and newlines', '\t\n\t\n', 'is only whitespace'],
    ['with a space inside', 'Kx9-Lm2_Qp7 Rt5~Wv3+Yz8/Ab', 'must be visible ASCII without spaces'],
    ['with a trailing newline', 'Kx9-Lm2_Qp7.Rt5~Wv3+Yz8/Ab4C\n', 'must be visible ASCII without spaces'],
    ['with non-ASCII characters', '管理员令牌管理员令牌管理员令牌管理员令牌管理员令牌', 'must be visible ASCII without spaces'],
    ['23 characters', 'Kx9-Lm2_Qp7.Rt5~Wv3+Yz8', 'must be at least 24 characters'],
    ['the old 16-character minimum', 'change-me-please', 'must be at least 24 characters'],
    ['513 characters', 'Kx9-Lm2_Qp7.Rt5~Wv3+Yz8/'.repeat(21) + 'A'.repeat(9), 'must be at most 512 characters'],
    ['one character repeated', 'a'.repeat(40), 'must use at least 10 different characters'],
    ['nine characters', '123456789'.repeat(4), 'must use at least 10 different characters'],
    ['one string repeated', 'abcdefghij'.repeat(3), 'must not be one shorter string repeated'],
  ])('refuses one %s, naming ADMIN_TOKEN and never quoting it', (_what, token, why) => {
    const message = refusal(token);
    expect(message).toContain(`ADMIN_TOKEN: ${why}`);
    expect(message).toContain('openssl rand -base64 32');
    if (token.trim()) expect(message).not.toContain(token.trim());
  });

  it.each([
    ['the test suite token', ADMIN_TOKEN],
    ['a base64 token of 32 random bytes', 'q3Vx0B1vZ8kXc2mWJpYtR9uHfL5sNaE7dG4iKoT6wMs='],
    ['24 different characters', 'abcdefghijklmnopqrstuvwx'],
    ['one of 512 characters', 'Kx9-Lm2_Qp7.Rt5~Wv3+Yz8/'.repeat(21) + 'A'.repeat(8)],
  ])('accepts %s', (_what, token) => {
    expect(token.length).toBeGreaterThanOrEqual(24);
    expect(refusal(token)).toBeUndefined();
    expect(parseEnv({ ADMIN_TOKEN: token }).ADMIN_TOKEN).toBe(token);
  });

  it('leaves operator access off when unset or empty', () => {
    expect(parseEnv({}).ADMIN_TOKEN).toBeUndefined();
    expect(parseEnv({ ADMIN_TOKEN: '' }).ADMIN_TOKEN).toBeUndefined();
  });
});

describe('the operator CLIs with a weak ADMIN_TOKEN', () => {
  it.each([['keys', ['src/cli/keys.ts', 'list']], ['migrate', ['src/cli/migrate.ts']]])(
    '%s stops with the message alone: no stack trace, no token, exit 1',
    async (_name, args) => {
      const token = 'weak-token-Zq';
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, ['--import', 'tsx', ...args], { env: { PATH: process.env.PATH, ADMIN_TOKEN: token, DATA_DIR: '/nonexistent/gongshi' } }, () => {});
        let stderr = '';
        child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('ADMIN_TOKEN: must be at least 24 characters');
      expect(result.stderr).not.toContain(token);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    30_000,
  );
});
