// The yardstick for the seats list: a plain Node HTTP server answering every request with the same bytes.
// Given a headers file (JSON [name, value, …]) it also sends the same headers as the API did, so the two
// responses are byte-for-byte alike apart from Date and X-Request-Id, which it makes fresh like the API.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

const [file, headersFile] = process.argv.slice(2);
const body = fs.readFileSync(file);
const headers = headersFile
  ? JSON.parse(fs.readFileSync(headersFile, 'utf8'))
  : ['content-type', 'application/json; charset=utf-8', 'content-length', String(body.length)];
const server = http.createServer((_req, res) => {
  res.writeHead(200, headersFile ? [...headers, 'x-request-id', randomUUID()] : headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
