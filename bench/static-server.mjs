// The yardstick for the seats list: a plain Node HTTP server answering every request with the same bytes.
import fs from 'node:fs';
import http from 'node:http';

const [file, contentType] = process.argv.slice(2);
const body = fs.readFileSync(file);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
