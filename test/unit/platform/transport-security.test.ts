// Plain text off loopback is refused unless NETTVERK_ALLOW_PLAINTEXT allows it, with one
// line naming the setting, before any password or message crosses; secrets are never
// printed. The refusals are proved against tiny fake servers on 127.0.0.2: loopback on
// Linux, but not one of the loopback names the configuration trusts.
import net from 'node:net';
import { ConfigError, loadConfig } from '../../../platform/config';
import {
  mailSecurity,
  redactSecrets,
  redactedConfig,
  redactUrl,
} from '../../../platform/transport-security';
import { createTransport } from '../../../activities/mail/transport';
import { createImapClient } from '../../../activities/mail/imap';

const SECRETS = {
  SMTP_PASSWORD: 'smtp-Passord-æøå-123',
  IMAP_PASSWORD: 'imap-Passord-hemmelig-456',
  NETTVERK_MESSAGE_KEY: 'm'.repeat(20) + 'hemmelig-nøkkel-789',
  TEMPORAL_API_KEY: 'temporal-api-key-abcdef',
  NETTVERK_PAYLOAD_KEY: 'ab'.repeat(32),
};
const remote = (extra: Record<string, string> = {}) =>
  loadConfig({
    SMTP_URL: 'smtp://smtp.ti.example:587',
    IMAP_URL: 'imap://imap.ti.example:143',
    SMTP_USER: 'dolvik@ti.example',
    ...SECRETS,
    ...extra,
  });

describe('which protection each server gets', () => {
  test('loopback: STARTTLS when offered (the embedded GreenMail offers none)', () => {
    const c = loadConfig({});
    expect(mailSecurity(c.smtp, c.allowPlaintext)).toBe('opportunistic');
    expect(mailSecurity(c.imap, c.allowPlaintext)).toBe('opportunistic');
  });

  test('another host: smtp:// and imap:// must upgrade with STARTTLS; smtps/imaps are TLS', () => {
    const c = remote();
    expect(mailSecurity(c.smtp, c.allowPlaintext)).toBe('starttls');
    expect(mailSecurity(c.imap, c.allowPlaintext)).toBe('starttls');
    const t = remote({
      SMTP_URL: 'smtps://smtp.ti.example:465',
      IMAP_URL: 'imaps://imap.ti.example:993',
    });
    expect(mailSecurity(t.smtp, t.allowPlaintext)).toBe('tls');
    expect(mailSecurity(t.imap, t.allowPlaintext)).toBe('tls');
  });

  test('NETTVERK_ALLOW_PLAINTEXT=1 allows any host; a list only the hosts named', () => {
    const any = remote({ NETTVERK_ALLOW_PLAINTEXT: '1' });
    expect(mailSecurity(any.smtp, any.allowPlaintext)).toBe('opportunistic');
    const listed = remote({ NETTVERK_ALLOW_PLAINTEXT: 'SMTP.ti.example, mail' });
    expect(mailSecurity(listed.smtp, listed.allowPlaintext)).toBe('opportunistic');
    expect(mailSecurity(listed.imap, listed.allowPlaintext)).toBe('starttls');
    for (const off of ['0', 'false', 'no', '']) {
      const c = remote({ NETTVERK_ALLOW_PLAINTEXT: off });
      expect(mailSecurity(c.smtp, c.allowPlaintext)).toBe('starttls');
    }
  });

  test('a value it cannot read is refused, naming the setting', () => {
    expect(() => remote({ NETTVERK_ALLOW_PLAINTEXT: 'ja takk!' })).toThrow(
      /NETTVERK_ALLOW_PLAINTEXT: expected 1 \(any host\), 0, or host names/,
    );
  });
});

/** A server that greets, offers no STARTTLS, refuses it, and records every line it gets. */
function fakeServer(kind: 'smtp' | 'imap') {
  const lines: string[] = [];
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write(
      kind === 'smtp' ? '220 fake ESMTP\r\n' : '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake\r\n',
    );
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        lines.push(line);
        if (kind === 'smtp') {
          const verb = line.split(' ')[0].toUpperCase();
          if (verb === 'EHLO') socket.write('250-fake\r\n250 AUTH PLAIN LOGIN\r\n');
          else if (verb === 'STARTTLS') socket.write('502 5.5.1 not here\r\n');
          else if (verb === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('250 ok\r\n');
        } else {
          const [tag, command] = line.split(' ');
          if (command?.toUpperCase() === 'CAPABILITY') {
            socket.write(`* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n${tag} OK done\r\n`);
          } else if (command?.toUpperCase() === 'STARTTLS') {
            socket.write(`${tag} BAD no\r\n`);
          } else {
            socket.write(`${tag} NO not in this test\r\n`);
          }
        }
      }
    });
  });
  return {
    lines,
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.2', () => resolve((server.address() as net.AddressInfo).port)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const refusal = (kind: string) =>
  new RegExp(
    `^${kind} server 127\\.0\\.0\\.2:\\d+ did not upgrade to TLS \\(STARTTLS\\).*set NETTVERK_ALLOW_PLAINTEXT=127\\.0\\.0\\.2 to allow plain text to this host\\.$`,
  );

test('SMTP without STARTTLS off loopback: refused in one line, no password or mail sent', async () => {
  const fake = fakeServer('smtp');
  const port = await fake.listen();
  const config = remote({ SMTP_URL: `smtp://127.0.0.2:${port}` });
  const transport = createTransport(config);
  try {
    const sending = transport.send(
      {
        from: 'dolvik@ti.example',
        to: 'postmottak@voss.kommune.example',
        subject: 'Hei',
        text: 'Hei!',
      },
      new AbortController().signal,
    );
    const error = (await sending.catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(refusal('SMTP'));
    expect(error.message).not.toContain('\n');
    expect(fake.lines.map((l) => l.split(' ')[0].toUpperCase())).toEqual(['EHLO', 'STARTTLS']);
    expect(fake.lines.join('\n')).not.toContain(
      Buffer.from(SECRETS.SMTP_PASSWORD).toString('base64'),
    );
  } finally {
    transport.close();
    await fake.close();
  }
});

test('SMTP without STARTTLS, allowed for that host: goes in plain text', async () => {
  const fake = fakeServer('smtp');
  const port = await fake.listen();
  const config = remote({
    SMTP_URL: `smtp://127.0.0.2:${port}`,
    NETTVERK_ALLOW_PLAINTEXT: '127.0.0.2',
  });
  const transport = createTransport(config);
  try {
    const info = await transport.send(
      {
        from: 'dolvik@ti.example',
        to: 'postmottak@voss.kommune.example',
        subject: 'Hei',
        text: 'Hei!',
      },
      new AbortController().signal,
    );
    expect(info.accepted).toEqual(['postmottak@voss.kommune.example']);
    expect(fake.lines.some((l) => l.toUpperCase().startsWith('STARTTLS'))).toBe(false);
  } finally {
    transport.close();
    await fake.close();
  }
});

test('IMAP without STARTTLS off loopback: refused in one line, the password never sent', async () => {
  const fake = fakeServer('imap');
  const port = await fake.listen();
  const config = remote({ IMAP_URL: `imap://127.0.0.2:${port}` });
  const client = createImapClient(config);
  try {
    const error = (await client.connect().catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(refusal('IMAP'));
    expect(fake.lines.join('\n')).not.toMatch(/LOGIN|AUTHENTICATE/i);
    expect(fake.lines.join('\n')).not.toContain(SECRETS.IMAP_PASSWORD);
  } finally {
    client.close();
    await fake.close();
  }
});

describe('secrets are never printed', () => {
  test('a mail URL with a password in it is shown without it', () => {
    expect(redactUrl('smtp://dolvik:hemmelig@smtp.ti.example:587')).toBe(
      'smtp://***@smtp.ti.example:587',
    );
    let message = '';
    try {
      remote({ SMTP_URL: 'smtp://dolvik:hemmelig-i-url@smtp.ti.example' }); // no port
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('SMTP_URL: "smtp://***@smtp.ti.example"');
    expect(message).not.toContain('hemmelig-i-url');
  });

  test('a configuration dump says whether a secret is set, never what it is', () => {
    const config = remote();
    const dump = JSON.stringify(redactedConfig(config));
    for (const secret of Object.values(SECRETS)) expect(dump).not.toContain(secret);
    expect(dump).not.toContain(Buffer.from(SECRETS.NETTVERK_PAYLOAD_KEY, 'hex').toString('base64'));
    const parsed = JSON.parse(dump) as { smtp: { password: string }; imap: { accessToken: null } };
    expect(parsed.smtp.password).toBe('***');
    expect(parsed.imap.accessToken).toBeNull();
    expect(dump).toContain('smtp.ti.example'); // the rest is still there
  });

  test('any text with a configured secret in it has it replaced', () => {
    const config = remote();
    const text = `login failed for dolvik with ${SECRETS.IMAP_PASSWORD}; key ${SECRETS.NETTVERK_PAYLOAD_KEY}`;
    const clean = redactSecrets(text, config);
    expect(clean).toBe('login failed for dolvik with ***; key ***');
  });
});
