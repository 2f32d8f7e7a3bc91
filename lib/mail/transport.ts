import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../env';

let transport: Transporter | null = null;

/** Mail is offered and sent only when SMTP_URL is set. */
export const mailEnabled = () => Boolean(env.SMTP_URL);

export function mailTransport(): Transporter {
  if (!env.SMTP_URL) throw new Error('SMTP_URL is not set.');
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  return transport;
}
