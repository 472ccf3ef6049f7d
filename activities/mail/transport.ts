// The SMTP connection pool, from configuration.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../platform/config';

export function createTransport(config: Config): Transporter {
  const { smtp } = config;
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    // Plain smtp:// upgrades with STARTTLS when offered; loopback GreenMail offers none.
    requireTLS: false,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    pool: true,
    maxConnections: smtp.poolSize,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    logger: false,
  });
}
