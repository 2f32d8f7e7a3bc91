import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server for the tests that send mail: it accepts everything and keeps what arrives,
// parsed, so a test can read the mail a reader would get.

export const SMTP_PORT = Number(process.env.E2E_PORT ?? 3210) + 15;

export type Received = { to: string[]; subject: string; text: string; headers: ParsedMail['headers']; rawHeaders: string };

export type SmtpSink = {
  received: Received[];
  /** Mail to this address whose subject matches, waiting for it to arrive. */
  waitFor(to: string, subject: RegExp, timeoutMs?: number): Promise<Received>;
  to(address: string): Received[];
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
          received.push({
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            headers: mail.headers,
            rawHeaders: mail.headerLines.map((h) => h.line.replace(/\r?\n[ \t]+/g, ' ')).join('\n'),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(SMTP_PORT, '127.0.0.1', () => resolve());
  });
  const to = (address: string) => received.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    received,
    to,
    async waitFor(address, subject, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = to(address).find((m) => subject.test(m.subject));
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`No mail to ${address} matching ${subject} within ${timeoutMs} ms; got: ${JSON.stringify(to(address).map((m) => m.subject))}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
