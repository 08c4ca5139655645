import net from 'node:net';

/**
 * A TCP proxy in front of the test PostgreSQL server that a test can cut like a network failure: every
 * open connection is destroyed and new ones are accepted but never answered (a black hole, as when the
 * server's host is gone), until `restore()`.
 */
export interface TcpProxy {
  host: string;
  port: number;
  readonly isCut: boolean;
  /** Cuts now. */
  cut(): void;
  /** Cuts when the client next sends bytes that match (those bytes are not forwarded). */
  cutWhen(match: (chunk: Buffer) => boolean): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let isCut = false;
  let trigger: ((chunk: Buffer) => boolean) | undefined;

  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const cut = () => {
    isCut = true;
    trigger = undefined;
    for (const socket of open) socket.destroy();
  };

  const server = net.createServer((client) => {
    track(client);
    if (isCut) return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      if (trigger?.(chunk)) {
        cut();
        return;
      }
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => client.resume());
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    get isCut() {
      return isCut;
    },
    cut,
    cutWhen(match) {
      trigger = match;
    },
    restore() {
      isCut = false;
      trigger = undefined;
      for (const socket of open) socket.destroy(); // the black-holed ones
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
