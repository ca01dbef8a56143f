// A Node gateway that binds a loopback port another container already holds: EADDRINUSE.
const http = require('node:http');
const port = Number(process.env.PORT || 18092);
console.log(`gateway: listening on 127.0.0.1:${port}`);
http.createServer((request, response) => response.end('ok\n')).listen(port, '127.0.0.1');
